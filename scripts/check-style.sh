#!/usr/bin/env bash
# Formats the C++ files changed against a base revision (default: HEAD) with
# the repository's .clang-format, like Soufflé's checkStyle: only what a
# change touches is reformatted, so history stays readable.
#   scripts/check-style.sh            format changed files in place
#   scripts/check-style.sh --check    fail if any changed file is unformatted
#   scripts/check-style.sh --all      format every C++ file of the project
# Goldens under tests/golden/ are the compiler's output, byte for byte, and
# are never formatted.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=fix
base=HEAD
for arg in "$@"; do
  case "$arg" in
    --check) mode=check ;;
    --all) base="" ;;
    *) base="$arg" ;;
  esac
done

if [ -n "$base" ]; then
  mapfile -t files < <( { git diff --name-only --diff-filter=ACMR "$base"; \
                          git ls-files --others --exclude-standard; } \
                        | grep -E '\.(cpp|h)$' | grep -v '^tests/golden/' \
                        | sort -u || true)
else
  mapfile -t files < <(git ls-files '*.cpp' '*.h' | grep -v '^tests/golden/')
fi
[ ${#files[@]} -eq 0 ] && exit 0

if [ "$mode" = check ]; then
  clang-format --dry-run -Werror "${files[@]}"
else
  clang-format -i "${files[@]}"
fi

#!/usr/bin/env bash
#===- compile_generated.sh - Generated C++ with every compiler -----------===#
#
# Part of pathwayc, a compiler for clinical guideline pathways.
#
#===-----------------------------------------------------------------------===#
#
# The C++ target promises code that compiles with g++ and clang++ at
# -std=c++17 -Wall -Wextra -Werror -pedantic, depending on nothing but the
# standard library and the runtime's headers. This compiles every generated
# source in GENERATED_DIR that way, and again with -std=c++20, with only
# RUNTIME_DIR and GENERATED_DIR on the include path.
#
# Usage: compile_generated.sh GENERATED_DIR RUNTIME_DIR [COMPILER...]
# The compilers default to g++ and clang++; a missing compiler is a failure.
#
#===-----------------------------------------------------------------------===#

set -u

if [ $# -lt 2 ] || [ ! -d "$1" ] || [ ! -d "$2/pathwayc" ]; then
  echo "usage: $0 GENERATED_DIR RUNTIME_DIR [COMPILER...]" >&2
  exit 2
fi
generated=$(cd "$1" && pwd)
runtime=$(cd "$2" && pwd)
shift 2
if [ $# -gt 0 ]; then
  compilers=("$@")
else
  compilers=(g++ clang++)
fi

shopt -s nullglob
sources=("$generated"/*.cpp)
if [ ${#sources[@]} -eq 0 ]; then
  echo "compile_generated: no generated sources in $generated" >&2
  exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

failures=0
for compiler in "${compilers[@]}"; do
  if ! command -v "$compiler" >/dev/null; then
    echo "FAIL: $compiler is not installed" >&2
    failures=$((failures + 1))
    continue
  fi
  for standard in c++17 c++20; do
    for source in "${sources[@]}"; do
      name=$(basename "$source")
      if "$compiler" -std="$standard" -Wall -Wextra -Werror -pedantic \
           -I "$runtime" -I "$generated" -c "$source" \
           -o "$scratch/${name%.cpp}.o" 2>"$scratch/log"; then
        echo "ok: $compiler -std=$standard: $name"
      else
        echo "FAIL: $compiler -std=$standard: $name" >&2
        cat "$scratch/log" >&2
        failures=$((failures + 1))
      fi
    done
  done
done

if [ $failures -ne 0 ]; then
  echo "$failures compilation(s) failed" >&2
  exit 1
fi
echo "all generated sources compile"

#!/usr/bin/env bash
#===- runtime_headers_standalone.sh - Each runtime header on its own ------===#
#
# Part of pathwayc, a compiler for clinical guideline pathways.
#
#===-----------------------------------------------------------------------===#
#
# Generated C++ includes the runtime's headers and links nothing else, so each
# header must compile on its own, with nothing but the C++ standard library,
# under the strictest flags a user is likely to build with. For every header
# under RUNTIME_DIR/pathwayc and every compiler this script
#
#   - checks that the header includes only standard headers and other runtime
#     headers (an #include of fmt or LLVM would otherwise compile here, where
#     they happen to be installed, and fail for a user);
#   - compiles and links a program that includes the header twice (checking
#     its include guard) with -std=c++17 -Wall -Wextra -Werror -pedantic, and
#     again with -std=c++20, which changes how == and != are looked up;
#
# then does the same for a program that includes every header at once.
#
# Usage: runtime_headers_standalone.sh RUNTIME_DIR [COMPILER...]
# The compilers default to g++ and clang++; a compiler that is missing is a
# failure, not a skip, since the runtime promises to build with both.
#
#===-----------------------------------------------------------------------===#

set -u

if [ $# -lt 1 ] || [ ! -d "$1/pathwayc" ]; then
  echo "usage: $0 RUNTIME_DIR [COMPILER...]" >&2
  echo "  RUNTIME_DIR must contain pathwayc/*.h" >&2
  exit 2
fi
RuntimeDir=$(cd "$1" && pwd)
shift
if [ $# -gt 0 ]; then
  Compilers=("$@")
else
  Compilers=(g++ clang++)
fi

# The C++17 standard library's headers, C++ and C.
StandardHeaders=" algorithm any array atomic bitset cassert cctype cerrno
  cfenv cfloat charconv chrono cinttypes climits clocale cmath codecvt complex
  condition_variable csetjmp csignal cstdarg cstddef cstdint cstdio cstdlib
  cstring ctime cuchar cwchar cwctype deque exception execution filesystem
  forward_list fstream functional future initializer_list iomanip ios iosfwd
  iostream istream iterator limits list locale map memory memory_resource
  mutex new numeric optional ostream queue random ratio regex scoped_allocator
  set shared_mutex sstream stack stdexcept streambuf string string_view
  system_error thread tuple type_traits typeindex typeinfo unordered_map
  unordered_set utility valarray variant vector "
StandardHeaders=$(echo "$StandardHeaders" | tr -s ' \n' '  ')

Flags=(-Wall -Wextra -Werror -pedantic)
Standards=(c++17 c++20)

WorkDir=$(mktemp -d "${TMPDIR:-/tmp}/pathwayc-headers.XXXXXX") || exit 1
trap 'rm -rf "$WorkDir"' EXIT

Failures=0
fail() {
  echo "FAIL: $*" >&2
  Failures=$((Failures + 1))
}

shopt -s nullglob
Headers=("$RuntimeDir"/pathwayc/*.h)
if [ ${#Headers[@]} -eq 0 ]; then
  fail "no headers in $RuntimeDir/pathwayc"
  exit 1
fi

# Includes: only the standard library and the runtime itself.
for Header in "${Headers[@]}"; do
  Name=pathwayc/$(basename "$Header")
  while IFS= read -r Line; do
    Target=$(echo "$Line" | sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*//')
    case "$Target" in
    \"pathwayc/*\")
      Included=${Target#\"}
      Included=${Included%\"}
      [ -f "$RuntimeDir/$Included" ] ||
        fail "$Name includes $Target, which is not a runtime header"
      ;;
    \<*\>)
      Included=${Target#<}
      Included=${Included%>}
      case "$StandardHeaders" in
      *" $Included "*) ;;
      *) fail "$Name includes $Target, which is not a C++17 standard header" ;;
      esac
      ;;
    *) fail "$Name has an include the check does not understand: $Line" ;;
    esac
  done < <(grep -E '^[[:space:]]*#[[:space:]]*include' "$Header")
done

# Compiles and links $2 with compiler $1 in every standard; $3 names it.
compile() {
  local Compiler=$1 Source=$2 What=$3 Standard Log
  for Standard in "${Standards[@]}"; do
    Log="$WorkDir/log.txt"
    if "$Compiler" "-std=$Standard" "${Flags[@]}" -I "$RuntimeDir" \
        "$Source" -o "$WorkDir/a.out" >"$Log" 2>&1; then
      echo "ok: $Compiler -std=$Standard: $What"
    else
      fail "$Compiler -std=$Standard: $What"
      sed 's/^/    /' "$Log" >&2
    fi
  done
}

for Compiler in "${Compilers[@]}"; do
  if ! command -v "$Compiler" >/dev/null 2>&1; then
    fail "compiler '$Compiler' not found (install it, or name the compilers to use)"
    continue
  fi
  for Header in "${Headers[@]}"; do
    Name=pathwayc/$(basename "$Header")
    Source="$WorkDir/standalone.cpp"
    printf '#include "%s"\n#include "%s"\nint main() { return 0; }\n' \
      "$Name" "$Name" >"$Source"
    compile "$Compiler" "$Source" "$Name alone"
  done
  Source="$WorkDir/together.cpp"
  : >"$Source"
  for Header in "${Headers[@]}"; do
    printf '#include "pathwayc/%s"\n' "$(basename "$Header")" >>"$Source"
  done
  printf 'int main() { return 0; }\n' >>"$Source"
  compile "$Compiler" "$Source" "all headers together"
done

if [ "$Failures" -ne 0 ]; then
  echo "$Failures check(s) failed" >&2
  exit 1
fi
echo "all runtime headers stand alone"

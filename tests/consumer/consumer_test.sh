#!/usr/bin/env bash
#===- consumer_test.sh - An installed pathwayc in a product's build ------===#
#
# Part of pathwayc, a compiler for clinical guideline pathways.
#
#===-----------------------------------------------------------------------===#
#
# What a product team does with pathwayc, end to end (docs/
# build-integration.md): install it into a prefix, build examples/consumer
# against the installed package, run the program, then
#
#   - build again without a change: nothing is done;
#   - edit one guideline's recommendation: only that pathway is compiled
#     again, and the program prints the new text;
#   - edit it so that it has an error: the build fails with the compiler's
#     diagnostic at file:line:col;
#   - build a second copy in another directory, and compile the pathways in
#     the other order: the generated files are the same, byte for byte.
#
# Usage: consumer_test.sh BUILD_DIR SOURCE_DIR
#
#===-----------------------------------------------------------------------===#

set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BUILD_DIR SOURCE_DIR" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
step() { echo "== $*"; }

step "install pathwayc into a temporary prefix"
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" ||
  { cat "$work/install.log"; fail "cmake --install"; }

# The product's own copy of its guidelines, which the test edits.
mkdir "$work/guidelines"
cp "$source/guidelines/acr_hip_pain_coexisting_back_or_knee.pathway" \
   "$source/guidelines/lateral_hip_pain_spine_or_si.pathway" \
   "$work/guidelines/"

configure() { # BUILD_DIR
  cmake -S "$source/examples/consumer" -B "$1" -G Ninja \
    -DCMAKE_PREFIX_PATH="$work/prefix" -DGUIDELINES_DIR="$work/guidelines" \
    >"$work/configure.log" 2>&1 ||
    { cat "$work/configure.log"; fail "configuring the consumer"; }
}

step "configure and build the consumer"
configure "$work/build"
cmake --build "$work/build" >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; fail "building the consumer"; }
grep -q "Compiling pathway" "$work/build.log" ||
  fail "the build did not compile the pathways"

step "run it"
"$work/build/advise" 80 | tee "$work/run.log"
grep -q "acr_hip_pain_coexisting_back_or_knee: outcome at outcome.hip_is_generator" "$work/run.log" ||
  fail "80 percent relief did not reach outcome.hip_is_generator"
grep -q "recommend: Discuss definitive hip-directed treatment, which may include total hip arthroplasty" "$work/run.log" ||
  fail "the recommendation is missing"
grep -q "lateral_hip_pain_spine_or_si: red_flag at red_flag.cauda_equina" "$work/run.log" ||
  fail "saddle anaesthesia did not stop at the cauda equina red flag"

step "build again without a change: nothing to do"
cmake --build "$work/build" >"$work/rebuild.log" 2>&1
grep -q "no work to do" "$work/rebuild.log" ||
  { cat "$work/rebuild.log"; fail "an unchanged build did work"; }

step "edit one guideline: only it is compiled again"
acr="$work/guidelines/acr_hip_pain_coexisting_back_or_knee.pathway"
sed -i 's/recommend "Discuss definitive hip-directed treatment/recommend "Discuss (edited) definitive hip-directed treatment/' "$acr"
grep -q "Discuss (edited)" "$acr" || fail "the edit did not apply"
cmake --build "$work/build" >"$work/edit.log" 2>&1 ||
  { cat "$work/edit.log"; fail "rebuilding after the edit"; }
cat "$work/edit.log"
grep -q "Compiling pathway .*acr_hip_pain_coexisting_back_or_knee.pathway" "$work/edit.log" ||
  fail "the edited pathway was not compiled again"
if grep -q "Compiling pathway .*lateral_hip_pain_spine_or_si.pathway" "$work/edit.log"; then
  fail "the unchanged pathway was compiled again"
fi
if grep -q "lateral_hip_pain_spine_or_si.cpp.o" "$work/edit.log"; then
  fail "the unchanged module was rebuilt"
fi
"$work/build/advise" 80 | grep -q "recommend: Discuss (edited) definitive" ||
  fail "the program does not print the edited recommendation"

step "an error in a guideline fails the build at file:line:col"
cp "$acr" "$work/acr.good"
sed -i 's/relief > 75 percent -> hip_is_generator/releif > 75 percent -> hip_is_generator/' "$acr"
if cmake --build "$work/build" >"$work/error.log" 2>&1; then
  fail "a guideline with an error built"
fi
grep -Eq "acr_hip_pain_coexisting_back_or_knee.pathway:[0-9]+:[0-9]+: error\[PW0201\]: unknown input or exam 'releif'; did you mean 'relief'\?" "$work/error.log" ||
  { cat "$work/error.log"; fail "the diagnostic is missing"; }
cp "$work/acr.good" "$acr"
cmake --build "$work/build" >/dev/null || fail "building after the fix"

step "a second build elsewhere, and the other order, give the same bytes"
configure "$work/elsewhere/deeper/build"
cmake --build "$work/elsewhere/deeper/build" >/dev/null ||
  fail "building the second copy"
diff -r "$work/build/hip_guidelines" "$work/elsewhere/deeper/build/hip_guidelines" ||
  fail "the generated files depend on the build directory"
pathwayc="$work/prefix/bin/pathwayc"
(cd "$work" &&
  "$pathwayc" compile --emit cpp,json,dot --name-after-file -o forward \
    guidelines/acr_hip_pain_coexisting_back_or_knee.pathway \
    guidelines/lateral_hip_pain_spine_or_si.pathway &&
  sleep 1 &&
  "$pathwayc" compile --emit dot,json,cpp --name-after-file -o backward \
    guidelines/lateral_hip_pain_spine_or_si.pathway \
    guidelines/acr_hip_pain_coexisting_back_or_knee.pathway) ||
  fail "compiling in both orders"
diff -r "$work/forward" "$work/backward" ||
  fail "the generated files depend on the order of the arguments or the time"

step "the committed-code check sees the generated files as fresh"
(cd "$work" && "$pathwayc" check-generated forward) ||
  fail "check-generated found fresh files stale"

echo "consumer example: all checks passed"

#!/usr/bin/env bash
# Installs every Debian package pathwayc needs to build, test and render.
# Idempotent: when everything is present it prints nothing and changes
# nothing. Run as root (or with sudo available).
set -euo pipefail

packages=(
  build-essential clang cmake ninja-build
  antlr4 libantlr4-runtime-dev
  llvm-dev libfmt-dev nlohmann-json3-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  graphviz python3 python3-jsonschema
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

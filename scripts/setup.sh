#!/usr/bin/env bash
# Install the Debian 12 packages liqa needs that are not installed yet.
#   scripts/setup.sh build    compiler, meson, ninja and the -dev libraries
#   scripts/setup.sh test     build + python3, clang's fuzzer runtime, valgrind
#   scripts/setup.sh bench    test + wrk
#   scripts/setup.sh runtime  only the shared libraries the binary links
# Runs apt-get only when something is missing; needs root for that.
set -euo pipefail

purpose=${1:-build}
runtime=(libmicrohttpd12 libjansson4 libicu72 ca-certificates)
build=(gcc libc6-dev pkg-config meson ninja-build libmicrohttpd-dev libjansson-dev libicu-dev)
test=(python3 clang libclang-rt-14-dev llvm valgrind curl)
bench=(wrk)

case "$purpose" in
  runtime) want=("${runtime[@]}") ;;
  build) want=("${build[@]}") ;;
  test) want=("${build[@]}" "${test[@]}") ;;
  bench) want=("${build[@]}" "${test[@]}" "${bench[@]}") ;;
  *) echo "usage: $0 runtime|build|test|bench" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

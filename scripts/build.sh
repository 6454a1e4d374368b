#!/usr/bin/env bash
# Configure (once) and build liqa in a build folder.
#   scripts/build.sh [DIR [meson options...]]    default DIR: build
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
if [ ! -f "$dir/build.ninja" ]; then
  meson setup "$dir" "$@" >/dev/null
else
  [ $# -eq 0 ] || meson configure "$dir" "$@" >/dev/null
fi
ninja -C "$dir" >/dev/null

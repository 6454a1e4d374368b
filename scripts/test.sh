#!/usr/bin/env bash
# Build and run the whole test suite: a warnings-as-errors build, then the
# same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export LC_ALL=C.UTF-8

bash scripts/build.sh build -Dwerror=true
meson test -C build --print-errorlogs --num-processes 2

bash scripts/build.sh build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false
meson test -C build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3

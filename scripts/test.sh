#!/usr/bin/env bash
# Build and run the whole test suite:
#  1. a warnings-as-errors build: unit, golden, CLI, HTTP and hardening tests;
#  2. the same suite under AddressSanitizer and UndefinedBehaviorSanitizer;
#  3. a clang build with libFuzzer: replay of the seeds and regressions, then
#     each harness for LIQA_FUZZ_SECONDS (default 45) seconds.
# Installs what is missing first (scripts/setup.sh test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export LC_ALL=C.UTF-8

bash scripts/build.sh build -Dwerror=true
meson test -C build --print-errorlogs --num-processes 2

bash scripts/build.sh build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false
meson test -C build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3

CC=clang bash scripts/build.sh build-fuzz -Dfuzzing=true -Dtests=true \
  -Db_sanitize=address,undefined -Db_lundef=false
meson test -C build-fuzz --suite fuzz --print-errorlogs --num-processes 2
LIQA_FUZZ_SECONDS=${LIQA_FUZZ_SECONDS:-45} bash tests/fuzz/run_fuzz.sh build-fuzz

# One closing line over the three builds, in the plain form CI reads.
python3 - build build-asan build-fuzz <<'PY'
import json, os, sys
passed = failed = skipped = 0
for d in sys.argv[1:]:
    path = os.path.join(d, "meson-logs", "testlog.json")
    if not os.path.exists(path):
        continue
    for line in open(path, encoding="utf-8"):
        r = json.loads(line).get("result")
        if r in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif r == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY

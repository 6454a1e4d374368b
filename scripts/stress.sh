#!/usr/bin/env bash
# Stress: bounded work, load and slow clients (items 3-5 of the hardening
# issue), against an optimised build, all traffic to 127.0.0.1.
#
#   scripts/stress.sh [bounded|load|slow ...]      default: all three
#
# Environment:
#   LIQA_BIN             a liqa executable to use (default: build it in build-stress)
#   LIQA_STRESS_SECONDS  seconds per wrk run (default 15; 2 sizes x 3 rounds)
#   LIQA_SHARED_DIR      ../shared (real articles for the benchmark and wrk)
# Prints each part's table of figures, then one summary line per part;
# exits 1 when a part fails. Takes about 5 minutes with the defaults.
set -uo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(bounded load slow)

bin=${LIQA_BIN:-}
if [ -z "$bin" ]; then
    bash scripts/setup.sh bench || exit 1
    bash scripts/build.sh build-stress -Dbuildtype=release -Dtests=false || exit 1
    bin=build-stress/server/app/liqa
fi
[ -x "$bin" ] || { echo "stress: no executable at $bin" >&2; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
export LIQA_SHARED_DIR=${LIQA_SHARED_DIR:-$(pwd)/../shared}

declare -A result
status=0
for part in "${parts[@]}"; do
    case "$part" in
        bounded) cmd=(python3 bench/stress/bounded_work.py "$bin") ;;
        load) cmd=(python3 bench/stress/load.py "$bin") ;;
        slow) cmd=(python3 bench/stress/slow_clients.py "$bin") ;;
        *) echo "stress: unknown part $part (bounded, load, slow)" >&2; exit 2 ;;
    esac
    echo "== $part: ${cmd[*]}"
    start=$(date +%s)
    "${cmd[@]}"
    rc=$?
    took=$(( $(date +%s) - start ))
    case $rc in
        0) result[$part]="ok (${took} s)" ;;
        77) result[$part]="skipped" ;;
        *) result[$part]="FAIL (${took} s)"; status=1 ;;
    esac
    echo
done
echo "== summary"
for part in "${parts[@]}"; do
    printf '%-8s %s\n' "$part" "${result[$part]}"
done
exit $status

#!/usr/bin/env bash
# Fuzz every libFuzzer harness of a fuzzing build for a bounded time.
#
#   tests/fuzz/run_fuzz.sh BUILD_DIR [HARNESS...]     (default: all four)
#
# BUILD_DIR was configured with
#   CC=clang meson setup BUILD_DIR -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
# Each harness first replays its seeds and saved regression inputs, then
# fuzzes for $LIQA_FUZZ_SECONDS seconds (default 60), starting from
#   tests/fuzz/corpus/<h>       seeds kept in the repository
#   tests/fuzz/regressions/<h>  inputs that once crashed (keep them forever)
#   the dev articles of ../shared (read at run time, never copied to the repo)
# and what earlier runs found (BUILD_DIR/fuzz-work/<h>). A crash, a leak, an
# invariant broken (abort), an input slower than $LIQA_FUZZ_TIMEOUT seconds
# (default 10) or more than 2 GB of memory fails the run; the input is left
# in BUILD_DIR/fuzz-artifacts/<h>/: copy it to tests/fuzz/regressions/<h>/
# once the bug is fixed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${1:?usage: run_fuzz.sh BUILD_DIR [HARNESS...]}
shift
build=$(cd "$build" && pwd)
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(request text timex pipeline)
seconds=${LIQA_FUZZ_SECONDS:-60}
timeout=${LIQA_FUZZ_TIMEOUT:-10}
shared=${LIQA_SHARED_DIR:-$src/../shared}

export LC_ALL=C.UTF-8
export LIQA_LEXICON_DIR=${LIQA_LEXICON_DIR:-$src/config/lexicons}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:halt_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Largest input per harness: whole articles for the text layer and the
# pipeline, small for the fast decoders.
max_len() {
    case "$1" in
        request) echo 16384 ;;
        timex) echo 8192 ;;
        text) echo 65536 ;;
        pipeline) echo 65536 ;;
    esac
}
dict() {
    case "$1" in
        request) echo "$here/dict/json.dict" ;;
        *) echo "$here/dict/arabic.dict" ;;
    esac
}

# Seeds from the dev articles, shaped as each harness reads its input.
dev_seeds() {
    local h=$1 out=$2
    mkdir -p "$out"
    [ -d "$shared/dev/articles" ] || return 0
    python3 - "$h" "$shared/dev/articles" "$out" <<'PY'
import json, os, sys
h, src, out = sys.argv[1:]
for i, f in enumerate(sorted(os.listdir(src))):
    b = open(os.path.join(src, f), "rb").read()
    if h == "request":
        b = json.dumps({"text": b.decode("utf-8", "replace"), "published": "2018-01-30",
                        "offsets": ["codepoint", "utf16", "utf8"][i % 3]},
                       ensure_ascii=bool(i % 2)).encode()
    elif h == "timex":
        b = b"2018-01-30\n" + b
    elif h == "pipeline":
        b = bytes([i % 16]) + b
    open(os.path.join(out, "dev-" + f), "wb").write(b)
PY
}

status=0
printf '%-10s %8s %10s %8s %6s  %s\n' harness seconds execs exec/s cov result
for h in "${harnesses[@]}"; do
    exe=$build/tests/fuzz/fuzz_$h
    if [ ! -x "$exe" ]; then
        echo "run_fuzz: $exe missing (build with -Dfuzzing=true)" >&2
        status=1
        continue
    fi
    work=$build/fuzz-work/$h
    art=$build/fuzz-artifacts/$h
    dev=$build/fuzz-dev/$h
    log=$build/fuzz-logs/$h.log
    mkdir -p "$work" "$art" "$(dirname "$log")" "$here/regressions/$h"
    rm -rf "$dev"
    dev_seeds "$h" "$dev"
    common=(-error_exitcode=1 -timeout="$timeout" -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len="$(max_len "$h")"
            -dict="$(dict "$h")" -artifact_prefix="$art/" -print_final_stats=1)
    # 1. replay: every seed and regression input once
    if ! "$exe" "${common[@]}" -runs=0 "$here/corpus/$h" "$here/regressions/$h" "$dev" \
            >"$log" 2>&1; then
        printf '%-10s %8s %10s %8s %6s  %s\n' "$h" - - - - "FAIL (replay; see $log)"
        grep -a -E -A2 'invariant broken|runtime error|ERROR: |SUMMARY|Test unit written' "$log" \
            | grep -av '^    #' | head -n 20 >&2
        status=1
        continue
    fi
    # 2. fuzz for a bounded time
    start=$(date +%s)
    "$exe" "${common[@]}" -max_total_time="$seconds" "$work" "$here/corpus/$h" \
        "$here/regressions/$h" "$dev" >>"$log" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    if [ $rc -ne 0 ]; then
        found=$(ls -t "$art" 2>/dev/null | head -n 1)
        printf '%-10s %8s %10s %8s %6s  %s\n' "$h" "$took" "${execs:--}" "${speed:--}" "${cov:--}" \
            "FAIL rc=$rc input=$art/$found"
        grep -a -E -A2 'invariant broken|runtime error|ERROR: |SUMMARY|Timeout|out-of-memory' "$log" \
            | grep -av '^    #' | head -n 20 >&2
        status=1
    else
        printf '%-10s %8s %10s %8s %6s  %s\n' "$h" "$took" "${execs:--}" "${speed:--}" "${cov:--}" ok
    fi
done
exit $status

#!/usr/bin/env bash
# The benchmark: pipeline-only speed, instructions per article, the service
# under wrk beside an HTTP ceiling (liqa-echo), peak memory and start-up.
#
#   scripts/bench.sh [--quick] [--seconds S] [--threads T] [--model FILE]
#                    [--skip-callgrind] [--skip-service] [--json OUT]
#
# Installs wrk and valgrind when missing (scripts/setup.sh bench), builds a
# release build in build-bench-release, then runs bench/bench.py, which
# prints one table (Markdown). Traffic goes to 127.0.0.1 only; the run takes
# about three minutes (--quick: about one). The dev articles are read from
# ../shared/dev at run time (LIQA_SHARED_DIR overrides).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${LIQA_SHARED_DIR:-$root/../shared}
build=${LIQA_BENCH_BUILD:-$root/build-bench-release}

if [ ! -d "$shared/dev/articles" ]; then
  echo "bench: $shared/dev/articles not found (set LIQA_SHARED_DIR)" >&2
  exit 2
fi
bash "$root/scripts/setup.sh" bench

# The bench targets live in bench/meson.build. Until the top-level
# meson.build has subdir('bench'), build from a scratch tree that links to
# this one and adds it.
src=$root
if ! grep -q "subdir('bench')" "$root/meson.build"; then
  src=${TMPDIR:-/tmp}/liqa-bench-src-$(id -u)
  mkdir -p "$src"
  for f in include server config model bench meson_options.txt tests; do
    ln -sfn "$root/$f" "$src/$f"
  done
  { cat "$root/meson.build"; echo "subdir('bench')"; } >"$src/meson.build.new"
  cmp -s "$src/meson.build.new" "$src/meson.build" 2>/dev/null ||
    mv "$src/meson.build.new" "$src/meson.build"
  rm -f "$src/meson.build.new"
fi

# a build configured from the other source tree is set up again
if [ -f "$build/build.ninja" ] && [ "$(cat "$build/.bench-src" 2>/dev/null)" != "$src" ]; then
  rm -rf "$build"
fi
if [ ! -f "$build/build.ninja" ]; then
  # release code (-O3, NDEBUG) with debug info, so perf and callgrind name lines
  meson setup "$build" "$src" --buildtype=release -Ddebug=true -Db_ndebug=true \
    -Dtests=false >/dev/null
  echo "$src" >"$build/.bench-src"
fi
ninja -C "$build" -j"${LIQA_BENCH_JOBS:-2}" server/app/liqa bench/liqa-bench-pipeline \
  bench/liqa-echo >/dev/null

exec python3 "$root/bench/bench.py" --build "$build" --source "$root" --shared "$shared" "$@"

#!/usr/bin/env bash
# Quick start: install what is missing, build an optimised liqa and start
# the service with its default configuration (config/liqa.conf).
# Extra arguments go to `liqa serve` (e.g. --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
bash scripts/build.sh build-release -Dbuildtype=release -Dtests=false
exec build-release/server/app/liqa serve "$@"

#!/usr/bin/env bash
# The shared register's benchmark (docs/BENCHMARKS.md): builds bench/register_bench in
# BUILD_DIR (default build), starts a throwaway PostgreSQL 15 server with fsync on (as a
# council's server runs; the tests turn it off), runs the benchmark and stops the server.
#   bench/register_bench.sh [BUILD_DIR [CHANGES OUTCOMES EDITORS EDITS]]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
shift || true
cmake --build "$build" -j2 --target register_bench equivalue-cli >/dev/null
dir=$(mktemp -d /tmp/eqv-bench-pg.XXXXXX)
trap 'bash "$root/tests/pg/pg_server.sh" stop "$dir"' EXIT
EQV_PG_FSYNC=on bash "$root/tests/pg/pg_server.sh" start "$dir" >/dev/null
cli="$build/src/cli/equivalue-cli"
su="postgresql:///equivalue?host=$dir&user=postgres"
"$cli" server init "$su" >/dev/null
"$cli" server grant "$su" admin1 admin >/dev/null
"$cli" server grant "$su" lead1 lead >/dev/null
"$build/bench/register_bench" "postgresql:///equivalue?host=$dir&user=admin1&password=admin1" \
  "postgresql:///equivalue?host=$dir&user=lead1&password=lead1" "$build/bench/out" "$@"

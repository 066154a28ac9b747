#!/usr/bin/env bash
# Segment profiles from the Census for every output area of England and Wales.
#   bench/run_census_bench.sh BUILD_DIR [OUT_DIR] [AREAS]
# Generates the synthetic files once (bench/census_generate.py, kept in OUT_DIR, default
# bench/out/census, ignored by git), then times `equivalue-cli segments build` over all
# the areas at subgroup level with /usr/bin/time -v.
set -euo pipefail
build=${1:?give the build directory holding src/cli/equivalue-cli}
out=${2:-"$(dirname "$0")/out/census"}
areas=${3:-188880}
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -s "$out/census2021-ts039-oa.csv" ]; then
  /usr/bin/python3 "$here/census_generate.py" "$out" "$areas"
fi
ls -l "$out"
cat >"$out/project.json" <<'JSON'
{"format": "equivalue/1", "project": {"name": "Census benchmark"}, "changes": []}
JSON
/usr/bin/time -v "$build/src/cli/equivalue-cli" segments build --oac "$out/oac21ew.csv" --census "$out" \
  --level subgroup --into "$out/project.json" -o "$out/built.json" >"$out/build.stdout" 2>"$out/build.time" \
  || { cat "$out/build.time"; exit 1; }
cat "$out/build.stdout"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|User time|System time|Percent of CPU' "$out/build.time"

#!/usr/bin/env bash
# Profiling benchmark: equivalue-cli profile beside pandas on the same synthetic files.
#   bench/run_profile_bench.sh BUILD_DIR [OUT_DIR] [ROWS] [POSTCODES]
# Generates the files once (kept in OUT_DIR, default bench/out/profile, ignored by git),
# then times each program with /usr/bin/time -v and prints elapsed time and peak memory.
set -euo pipefail
build=${1:?give the build directory holding src/cli/equivalue-cli}
out=${2:-"$(dirname "$0")/out/profile"}
rows=${3:-10000000}
postcodes=${4:-2700000}
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -s "$out/transactions.csv" ]; then
  /usr/bin/python3 "$here/profile_generate.py" "$out" "$rows" "$postcodes"
fi
ls -l "$out"

measure() {  # name, command...
  local name=$1; shift
  /usr/bin/time -v "$@" >"$out/$name.stdout" 2>"$out/$name.time" || { cat "$out/$name.time"; exit 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$out/$name.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$out/$name.time" | awk '{print $NF}')
  printf '%-10s wall %s  peak RSS %d MB  user %ss  system %ss\n' "$name" "$wall" $((rss / 1024)) \
    "$(grep 'User time' "$out/$name.time" | awk '{print $NF}')" "$(grep 'System time' "$out/$name.time" | awk '{print $NF}')"
}

measure equivalue "$build/src/cli/equivalue-cli" profile --transactions "$out/transactions.csv" \
  --lookup "$out/nspl.csv" --lookup "$out/oac.csv" --segments "$out/project.json" --json
measure pandas /usr/bin/python3 "$here/profile_pandas.py" "$out"
echo "--- equivalue"; head -c 400 "$out/equivalue.stdout"; echo
echo "--- pandas"; head -5 "$out/pandas.stdout"

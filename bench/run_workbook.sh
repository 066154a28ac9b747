#!/usr/bin/env bash
# Runs the workbook benchmark: Equivalue (libxlsxwriter) and Python XlsxWriter writing the
# same cells of the project workbook for N service changes, in the same run.
# Usage: bench/run_workbook.sh [BUILD_DIR] [N]   (defaults: build, 1000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
n="${2:-1000}"
cmake --build "$build" --target workbook_bench -j2 >/dev/null
out="$root/bench/out"
mkdir -p "$out"
project="$root/examples/northshire-2026.json"
peak() { grep "Maximum resident set size" "$1" | awk '{print $NF " KiB"}'; }
/usr/bin/time -v "$build/bench/workbook_bench" "$project" "$n" "$out/workbook_cpp.xlsx" 2>"$out/time_cpp.txt"
echo "  equivalue peak memory: $(peak "$out/time_cpp.txt")"
/usr/bin/python3 "$root/bench/workbook_cells.py" "$out/workbook_cpp.xlsx" "$out/workbook_cells.json"
/usr/bin/time -v /usr/bin/python3 "$root/bench/workbook_xlsxwriter.py" "$out/workbook_cells.json" \
  "$out/workbook_py.xlsx" 2>"$out/time_py.txt"
echo "  xlsxwriter peak memory: $(peak "$out/time_py.txt") (includes the cell list read from JSON)"

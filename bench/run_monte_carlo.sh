#!/usr/bin/env bash
# Runs the Monte Carlo benchmark: Equivalue and numpy on the same model in the same run.
# Usage: bench/run_monte_carlo.sh [BUILD_DIR]   (default build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
cmake --build "$build" --target monte_carlo_bench -j2 >/dev/null
out="$root/bench/out"
mkdir -p "$out"
"$build/bench/monte_carlo_bench" "$out/mc_model.csv" 100000 3
/usr/bin/python3 "$root/bench/monte_carlo_numpy.py" "$out/mc_model.csv" 100000 3

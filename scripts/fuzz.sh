#!/usr/bin/env bash
# Builds the fuzz targets (clang, libFuzzer, AddressSanitizer + UndefinedBehaviorSanitizer)
# in build-fuzz/ and runs each for a while from its seeds and dictionary (tests/fuzz/).
#
#   scripts/fuzz.sh [--seconds N | --cpu-seconds N] [--build-dir DIR] [--no-build] [TARGET...]
#
# N defaults to 30 seconds a target (--cpu-seconds: until the target has used N seconds of
# processor time, for long runs on a busy machine); TARGET defaults to every
# tests/fuzz/fuzz_*.cpp.
# Inputs found to add coverage are kept in DIR/corpus/TARGET (the seeds are not changed);
# an input that finds a fault is saved as DIR/artifacts/TARGET-crash-... and the run
# fails. Keep such an input in tests/fuzz/regressions/TARGET/ once the reader is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30
cpu_seconds=0
build=build-fuzz
do_build=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --cpu-seconds) cpu_seconds="$2"; seconds=$((cpu_seconds * 50)); shift 2 ;;
    --build-dir) build="$2"; shift 2 ;;
    --no-build) do_build=0; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [ ${#targets[@]} -eq 0 ]; then
  for source in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi

if [ "$do_build" = 1 ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # -O1 with line tables: what libFuzzer recommends, and quicker to build than -O3.
  cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DEQUIVALUE_FUZZ=ON \
    -DEQUIVALUE_BUILD_GUI=OFF -DEQUIVALUE_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
  cmake --build "$build" -j2 --target "${targets[@]}"
fi

# Stops process $1 (with SIGINT, so libFuzzer prints its final figures) once it has used
# $2 seconds of processor time.
stop_after_cpu_seconds() {
  local pid=$1 limit=$(($2 * $(getconf CLK_TCK))) used
  while kill -0 "$pid" 2>/dev/null; do
    used=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    if [ "$used" -ge "$limit" ]; then kill -INT "$pid"; return; fi
    sleep 5
  done
}

run_target() {
  local target=$1 log=$2 corpus=$3
  local dict=()
  [ -f "tests/fuzz/dict/$target.dict" ] && dict=(-dict="tests/fuzz/dict/$target.dict")
  "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" "${dict[@]}" \
    "$corpus" "tests/fuzz/corpus/$target" >"$log" 2>&1 &
  local pid=$!
  [ "$cpu_seconds" -gt 0 ] && stop_after_cpu_seconds "$pid" "$cpu_seconds" &
  local status=0
  wait "$pid" || status=$?
  # Interrupted on reaching its processor time: libFuzzer exits with status 72 (or 130).
  [ "$cpu_seconds" -gt 0 ] && grep -q "libFuzzer: run interrupted" "$log" && status=0
  return "$status"
}

failed=()
mkdir -p "$build/artifacts" "$build/logs"
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  log="$build/logs/$target.log"
  if [ "$cpu_seconds" -gt 0 ]; then echo "== $target: ${cpu_seconds} s of processor time"; else echo "== $target: ${seconds}s"; fi
  if run_target "$target" "$log" "$corpus"; then
    # The last "#N ... cov: ... ft: ..." line and the run's speed.
    grep -E '^#[0-9]+' "$log" | tail -1 | sed 's/^/   /'
    grep -E 'stat::(number_of_executed_units|average_exec_per_sec)' "$log" | sed 's/^/   /'
  else
    echo "   FAULT: see $log; the input is in $build/artifacts/"
    grep -E 'ERROR|SUMMARY|broken promise|Test unit written' "$log" | head -5 | sed 's/^/   /'
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: faults found in: ${failed[*]}"
  echo "fuzz: $((${#targets[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
  exit 1
fi
echo "fuzz.sh: every target ran without a fault"
echo "fuzz: ${#targets[@]} passed, 0 failed"

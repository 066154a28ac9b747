#!/usr/bin/env bash
# Runs tests in a checked build of their own (cmake/EquivalueSanitizers.cmake), with clang
# (much quicker than GCC to build with the sanitizers).
#
#   scripts/sanitize.sh address   every test, built with AddressSanitizer and
#                                 UndefinedBehaviorSanitizer (build-asan/). The same build
#                                 holds the fuzz targets, so `scripts/fuzz.sh --no-build
#                                 --build-dir build-asan` can run them straight after.
#   scripts/sanitize.sh thread    the programs whose tests run threads (core_tests: Monte
#                                 Carlo; profiling_tests: customer profiling), built with
#                                 ThreadSanitizer (build-tsan/)
#
# Any sanitizer report stops the test that made it, so the step fails. Warnings are the
# normal build's business (-Werror there), not repeated here. The address build is made
# at -O0 (a third quicker to build than -O1, and its tests are short); ThreadSanitizer
# wants -O1. ccache is used when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
configure() {
  local dir=$1 level=$2
  shift 2
  cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$level -gline-tables-only" -DEQUIVALUE_BUILD_BENCH=OFF \
    "${launcher[@]}" "$@" >/dev/null
}
case "$kind" in
  address)
    configure build-asan -O0 -DEQUIVALUE_SANITIZE=ON -DEQUIVALUE_FUZZ=ON
    cmake --build build-asan -j2
    ctest --test-dir build-asan --output-on-failure --timeout 1800
    ;;
  thread)
    configure build-tsan -O1 -DEQUIVALUE_TSAN=ON -DEQUIVALUE_BUILD_GUI=OFF
    cmake --build build-tsan -j2 --target core_tests profiling_tests
    build-tsan/tests/core/core_tests --gtest_brief=1
    build-tsan/tests/profiling/profiling_tests --gtest_brief=1
    ;;
  *)
    echo "usage: scripts/sanitize.sh address|thread" >&2
    exit 2
    ;;
esac

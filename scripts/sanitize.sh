#!/usr/bin/env bash
# Runs tests in a checked build of their own (cmake/EquivalueSanitizers.cmake).
#
#   scripts/sanitize.sh address   every test, built with AddressSanitizer and
#                                 UndefinedBehaviorSanitizer (build-asan/)
#   scripts/sanitize.sh thread    the tests that run threads (customer profiling, Monte
#                                 Carlo), built with ThreadSanitizer (build-tsan/)
#
# Any sanitizer report stops the test that made it, so the step fails. Warnings are the
# normal build's business (-Werror there), not repeated here. Builds at -O1
# to keep the build and the run short; ccache is used when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
configure() {
  cmake -S . -B "$1" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    "${launcher[@]}" "${@:2}" >/dev/null
}
case "$kind" in
  address)
    configure build-asan -DEQUIVALUE_SANITIZE=ON
    cmake --build build-asan -j2
    ctest --test-dir build-asan --output-on-failure --timeout 1800
    ;;
  thread)
    configure build-tsan -DEQUIVALUE_TSAN=ON -DEQUIVALUE_BUILD_GUI=OFF
    cmake --build build-tsan -j2 --target core_tests profiling_tests
    ctest --test-dir build-tsan --output-on-failure --timeout 1800 \
      -R '^(MonteCarlo|AddToChange|ChannelSwapTest|Channels|Cli|Json|Malformed|Postcode|Profile|Publish)\.'
    ;;
  *)
    echo "usage: scripts/sanitize.sh address|thread" >&2
    exit 2
    ;;
esac

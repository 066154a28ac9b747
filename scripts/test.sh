#!/usr/bin/env bash
# Builds Equivalue with warnings as errors and runs every test (unit, CLI, storage fault,
# workbook recalculation in LibreOffice, GUI under Xvfb), then the checked builds. This is
# what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --with-tests
bash scripts/check-format.sh
bash scripts/check-function-length.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DEQUIVALUE_WERROR=ON
cmake --build build -j2
ctest --test-dir build --output-on-failure --timeout 1200
# Checked builds (docs/RELIABILITY.md): every test again under AddressSanitizer and
# UndefinedBehaviorSanitizer, each fuzz target for 30 seconds from its seeds (built in the
# same tree), and the threaded tests under ThreadSanitizer.
bash scripts/sanitize.sh address
bash scripts/fuzz.sh --no-build --build-dir build-asan --seconds 30
bash scripts/sanitize.sh thread

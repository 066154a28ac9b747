#!/usr/bin/env bash
# Builds Equivalue with warnings as errors and runs every test (unit, CLI, storage fault,
# workbook recalculation in LibreOffice, GUI under Xvfb). This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --with-tests
bash scripts/check-format.sh
bash scripts/check-function-length.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DEQUIVALUE_WERROR=ON
cmake --build build -j2
ctest --test-dir build --output-on-failure --timeout 1200

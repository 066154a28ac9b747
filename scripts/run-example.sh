#!/usr/bin/env bash
# Installs what is missing, builds Equivalue, and runs it on the bundled example:
# prints the results, writes the Excel workbook and the project file to out/, then opens
# the desktop application on the project when a display is available.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2
cli=build/src/cli/equivalue-cli
example=examples/northshire-2026.json
mkdir -p out
"$cli" validate "$example"
"$cli" calc "$example"
if "$cli" --help | grep -q "^  export"; then
  "$cli" export "$example" -o out/northshire-2026.xlsx
  "$cli" export "$example" --change C1 -o out/northshire-2026-C1.xlsx
  echo "Workbooks written to out/: the project register, and the full workbook of change C1"
fi
if "$cli" --help | grep -q "^  import"; then
  rm -f out/northshire-2026.eqv
  "$cli" import "$example" -o out/northshire-2026.eqv
  echo "Project file written to out/northshire-2026.eqv"
fi
if [ -x build/src/gui/equivalue ] && [ -n "${DISPLAY:-}" ]; then
  project=out/northshire-2026.eqv
  [ -f "$project" ] || project=$example
  exec build/src/gui/equivalue "$project"
fi

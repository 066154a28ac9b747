#!/usr/bin/env bash
# Writes a PNG of each main screen of the application, opened on the bundled example, to
# docs/screenshots/. Needs a build (default build/) and xvfb-run (scripts/install-deps.sh
# --with-tests).   Usage: scripts/screenshots.sh [BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The example is imported into a new project file beside it: work on a copy.
cp "$root/examples/northshire-2026.json" "$work/"
mkdir -p "$root/docs/screenshots"
HOME="$work" xvfb-run -a -s "-screen 0 1400x900x24" \
  "$build/src/gui/equivalue" --screenshot "$root/docs/screenshots" "$work/northshire-2026.json"

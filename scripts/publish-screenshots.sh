#!/usr/bin/env bash
# Screenshots of the published documents of the bundled example (docs/screenshots/publish-*.png),
# taken in headless Chromium. Run after building equivalue-cli and the publish_accessibility
# test (which installs the npm packages into build/tests/publish/documents/node).
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${EQUIVALUE_CLI:-build/src/cli/equivalue-cli}
node_dir=build/tests/publish/documents/node
out=build/publish-screenshots
mkdir -p "$out"
cp tests/publish/screenshot.js "$node_dir/"
"$cli" publish examples/northshire-2026.json --change C1 -o "$out/change.html"
"$cli" publish examples/northshire-2026.json --change C2 -o "$out/change-draft.html"
"$cli" publish examples/northshire-2026.json -o "$out/round.html"
node "$node_dir/screenshot.js" "$out/change.html" docs/screenshots/publish-change.png 1500
node "$node_dir/screenshot.js" "$out/change.html" docs/screenshots/publish-social-value.png 0 'section[aria-labelledby="social-value"]'
node "$node_dir/screenshot.js" "$out/change-draft.html" docs/screenshots/publish-change-draft.png 1100
node "$node_dir/screenshot.js" "$out/round.html" docs/screenshots/publish-round.png 0 'section[aria-labelledby="cumulative"]'

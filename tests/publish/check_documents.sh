#!/usr/bin/env bash
# Publishes documents through equivalue-cli and checks them as a reader's software meets
# them: zero axe-core violations of WCAG 2.2 A and AA in headless Chromium for the change
# documents of the bundled example (approved, submitted, draft), a Welsh assessment, hostile
# user text and the round; the PDF tagged, with its title and language; and a clear refusal,
# with nothing written, when Chromium is missing.
#   check_documents.sh EQUIVALUE-CLI OUTPUT-FOLDER
set -euo pipefail
cli=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$out"
rm -f "$out"/*.html "$out"/*.pdf

# The npm packages, exactly as locked; installed again only when the lock file changes.
node_dir="$out/node"
mkdir -p "$node_dir"
if ! cmp -s "$here/package-lock.json" "$node_dir/package-lock.json" || [ ! -d "$node_dir/node_modules" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$node_dir/"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$here/axe_check.js" "$node_dir/"

example="$root/examples/northshire-2026.json"
"$cli" publish "$example" --change C1 -o "$out/example-C1.html" --pdf "$out/example-C1.pdf" --draws 2000
"$cli" publish "$example" --change C2 -o "$out/example-C2.html" --draws 2000
"$cli" publish "$example" --change C3 -o "$out/example-C3.html" --draws 2000
"$cli" publish "$example" -o "$out/example-round.html"
"$cli" publish "$root/tests/fixtures/eqia/wales.json" --change C1 -o "$out/wales-C1.html" --draws 2000
"$cli" publish "$root/tests/fixtures/budget_round.json" -o "$out/budget-round.html"
"$cli" publish "$here/hostile_text.json" --change C1 -o "$out/hostile-C1.html" --draws 2000
"$cli" publish "$here/small_counts.json" --change C1 -o "$out/small-counts-C1.html" --draws 2000

node "$node_dir/axe_check.js" "$out"/*.html

# The check bites: a page with an image without a text alternative, grey-on-white text and
# a table without header cells must fail it.
mkdir -p "$out/bad"
cat >"$out/bad/bad.html" <<'HTML'
<!DOCTYPE html><html><head><title>Bad</title></head><body><img src="x.png">
<p style="color:#bbbbbb">Too faint to read</p><h4>Skipped levels</h4></body></html>
HTML
if node "$node_dir/axe_check.js" "$out/bad/bad.html" >"$out/bad/report.txt"; then
  echo "axe_check.js passed a page with known violations"; exit 1
fi
grep -q "image-alt" "$out/bad/report.txt" && grep -q "color-contrast" "$out/bad/report.txt" &&
  grep -q "html-has-lang" "$out/bad/report.txt" || { cat "$out/bad/report.txt"; exit 1; }
echo "axe_check.js finds the violations of a bad page"

# The PDF: tagged, titled and in British English.
info=$(pdfinfo "$out/example-C1.pdf")
echo "$info" | grep -Eq '^Tagged: +yes$' || { echo "example-C1.pdf is not tagged"; exit 1; }
echo "$info" | grep -Eq '^Title: +Library digital skills programme$' || { echo "example-C1.pdf has no title"; exit 1; }
grep -aq '/Lang (en-GB)' "$out/example-C1.pdf" || { echo "example-C1.pdf has no language"; exit 1; }
echo "example-C1.pdf: tagged, with its title and language"

# Without Chromium a PDF is refused before anything is written, with exit status 2.
set +e
EQUIVALUE_CHROMIUM=/nonexistent/chromium "$cli" publish "$example" --change C1 -o "$out/no-chromium.html" \
  --pdf "$out/no-chromium.pdf" 2>"$out/no-chromium.err"
status=$?
set -e
[ "$status" -eq 2 ] || { echo "missing Chromium: exit status $status, expected 2"; exit 1; }
grep -q "Chromium is not installed" "$out/no-chromium.err" || { echo "missing Chromium: unclear message"; exit 1; }
[ ! -e "$out/no-chromium.html" ] || { echo "missing Chromium: the document was written anyway"; exit 1; }
echo "missing Chromium: refused with exit status 2, nothing written"

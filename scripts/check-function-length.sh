#!/usr/bin/env bash
# Fails when a function in src/ is longer than 80 lines (the house rule: functions of at
# most 80 lines, plain tables of data aside). Lengths come from Universal Ctags (the
# function's first and last line). A lambda counts with the function holding it.
# A plain table of data may be exempted by a comment "// data table" on its first line.
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${1:-80}"
command -v ctags >/dev/null || { echo "check-function-length: Universal Ctags is needed (apt-get install universal-ctags)" >&2; exit 2; }
files=$(find src -name '*.cpp' -o -name '*.hpp' | sort)
# shellcheck disable=SC2086
long=$(ctags --fields=+ne --c++-kinds=f -o - $files | awk -F'\t' -v limit="$limit" '
  $1 ~ /^__anon/ { next }
  {
    line = 0; end = 0
    for (i = 4; i <= NF; i++) {
      if ($i ~ /^line:/) line = substr($i, 6)
      if ($i ~ /^end:/) end = substr($i, 5)
    }
    if (end - line + 1 > limit && $3 !~ /data table/) printf "%s:%d: %s is %d lines (at most %d)\n", $2, line, $1, end - line + 1, limit
  }')
if [ -n "$long" ]; then
  echo "$long"
  echo "check-function-length: $(echo "$long" | wc -l) function(s) in src/ over $limit lines: split each into named steps" >&2
  exit 1
fi
echo "check-function-length: every function in src/ is at most $limit lines"

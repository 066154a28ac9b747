#!/usr/bin/env bash
# 8 client processes each make 200 edits at once: four to their own service change, four
# to the same field of one shared change. Afterwards every edit reported committed is in
# the audit trail exactly once, every refused one is absent and was reported with who
# changed the record, and each change's title is the last edit committed to it.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/register_test_lib.sh"
: "${EQV_PG_EDITOR:?set EQV_PG_EDITOR to the pg_editor helper}"
edits=${EQV_EDITS:-200}
db=concurrency_test
fresh_db $db
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$EQV_CLI" server init "$(su_addr $db)" >/dev/null
"$EQV_CLI" server grant "$(su_addr $db)" admin1 admin >/dev/null
"$EQV_CLI" server grant "$(addr admin1 $db)" lead1 lead >/dev/null
# Five changes: C1..C4 for one editor each, S shared by four.
python3 - "$EQV_EXAMPLE" "$work/five.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
base = d["changes"][2]
d["changes"] = []
for ref in ["C1", "C2", "C3", "C4", "S"]:
    c = json.loads(json.dumps(base)); c["id"] = ref; c["title"] = "start"
    c.pop("eqia", None)
    d["changes"].append(c)
json.dump(d, open(sys.argv[2], "w"))
PY
"$EQV_CLI" import "$work/five.json" -o "$(addr admin1 $db five)" >/dev/null
for w in 1 2 3 4 5 6 7 8; do
  target=S; [ $w -le 4 ] && target=C$w
  "$EQV_PG_EDITOR" "$(addr lead1 $db five)" $target w$w "$edits" >"$work/w$w.out" 2>"$work/w$w.err" &
done
wait
cat "$work"/w*.err >&2 || true
committed=$(cat "$work"/w*.out | grep -c '^committed ' || true)
refused=$(cat "$work"/w*.out | grep -c '^refused ' || true)
echo "committed $committed, refused $refused"
[ $((committed + refused)) = $((8 * edits)) ] && pass "every edit was reported" ||
  fail "$((committed + refused)) of $((8 * edits)) edits reported"
for w in 1 2 3 4; do
  [ "$(grep -c '^committed ' "$work/w$w.out")" = "$edits" ] && pass "w$w, alone on C$w, committed all $edits" ||
    fail "w$w committed only $(grep -c '^committed ' "$work/w$w.out")"
done
grep '^refused ' "$work"/w*.out | grep -vq "was changed by lead1 at" &&
  fail "a refusal did not name who changed the record" || pass "each refusal names who changed the record"
# The audit trail: each committed token once, no refused token.
su_sql $db "SELECT new_value FROM equivalue.audit WHERE project_id = 'five' AND field = 'title'" |
  sort >"$work/audit.txt"
grep -h '^committed ' "$work"/w*.out | cut -d' ' -f2 | sort >"$work/committed.txt"
cmp -s "$work/audit.txt" "$work/committed.txt" && pass "every committed edit is in the audit trail exactly once" ||
  fail "audit and committed differ: $(diff "$work/committed.txt" "$work/audit.txt" | head)"
# Each change ends with the last edit committed to it.
for ref in C1 C2 C3 C4 S; do
  last=$(su_sql $db "SELECT new_value FROM equivalue.audit WHERE project_id = 'five' AND field = 'title'
    AND record = 'changes[$ref]' ORDER BY id DESC LIMIT 1")
  now=$(su_sql $db "SELECT doc::jsonb #>> '{changes,0,title}' FROM equivalue.change WHERE change_ref = '$ref'")
  [ "$last" = "$now" ] && pass "$ref holds its last committed edit ($now)" || fail "$ref holds $now, last was $last"
done
[ "$refused" -gt 0 ] && pass "edits on a stale version were refused ($refused)" ||
  fail "no edit to the shared field was refused: versions were not checked"
finish

#!/usr/bin/env bash
# The server, not the client, enforces who may do what: each role connects with psql,
# skips every check Equivalue makes, and still cannot write directly, change a status
# outside the workflow functions, approve what it submitted or edited, or put another
# login on an audit or history row.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/register_test_lib.sh"
example=${EQV_EXAMPLE:?set EQV_EXAMPLE to examples/northshire-2026.json}
db=roles_test
fresh_db $db
"$EQV_CLI" server init "$(su_addr $db)" >/dev/null
"$EQV_CLI" server grant "$(su_addr $db)" admin1 admin >/dev/null
for pair in lead1:lead lead2:lead officer1:officer officer2:officer officer2:lead finance1:finance; do
  "$EQV_CLI" server grant "$(addr admin1 $db)" "${pair%:*}" "${pair#*:}" >/dev/null
done
"$EQV_CLI" import "$example" -o "$(addr admin1 $db ns)" >/dev/null

row() { su_sql $db "SELECT row_id FROM equivalue.change WHERE project_id = 'ns' AND change_ref = '$1'"; }
version() { su_sql $db "SELECT version FROM equivalue.change WHERE row_id = $(row "$1")"; }
status() { su_sql $db "SELECT status FROM equivalue.change WHERE row_id = $(row "$1")"; }
# A workflow step through the server's function, as LOGIN, on change REF.
step() {  # LOGIN REF STEP [COMMENT]
  as_sql "$1" $db "SELECT equivalue.take_step('ns', $(row "$2"), $(version "$2"), '$3', '${4:-}')"
}
# An edit of the assessment's reference (part of the assessment) through save_change.
edit_eqia() {  # LOGIN REF NEWREF
  as_sql "$1" $db "SELECT equivalue.save_change('ns', row_id, version, position, change_ref,
    regexp_replace(doc, '\"reference\": \"[^\"]*\"', '\"reference\": \"$3\"'), 'Edit reference', '[]')
    FROM equivalue.change WHERE row_id = $(row "$2")"
}

# Nobody writes the tables directly, whatever their role.
for login in lead1 officer1 finance1 admin1; do
  refused "$login cannot update a status directly" "permission denied" $login $db \
    "UPDATE equivalue.change SET status = 'approved'"
  refused "$login cannot write an audit row" "permission denied" $login $db \
    "INSERT INTO equivalue.audit (project_id, what, record, login) VALUES ('ns', 'forged', 'x', 'someone')"
  refused "$login cannot delete history" "permission denied" $login $db "DELETE FROM equivalue.workflow_event"
done
refused "a login without a role cannot even read" "permission denied" nobody1 $db \
  "SELECT count(*) FROM equivalue.change"
refused "an internal helper cannot be used to write" "permission denied" lead1 $db \
  "SELECT equivalue.write_audit('ns', 'forged', 'x', '[]')"

# Editing: leads only, and never an assessment under review or approved.
refused "an officer cannot edit a change" "Only a project lead can change a service change" officer1 $db \
  "SELECT equivalue.save_change('ns', row_id, version, position, change_ref, doc, 'x', '[]')
   FROM equivalue.change WHERE change_ref = 'C3'"
refused "finance cannot edit a change" "Only a project lead" finance1 $db \
  "SELECT equivalue.save_change('ns', row_id, version, position, change_ref, doc, 'x', '[]')
   FROM equivalue.change WHERE change_ref = 'C3'"
refused "a lead cannot edit a submitted assessment" "is submitted, so it cannot be changed" lead1 $db \
  "SELECT equivalue.save_change('ns', row_id, version, position, change_ref, regexp_replace(doc, '\"reference\": \"[^\"]*\"', '\"reference\": \"X\"'), 'x', '[]')
   FROM equivalue.change WHERE change_ref = 'C2'"
refused "a stale version is refused, naming who changed it" "was changed by admin1" lead1 $db \
  "SELECT equivalue.save_change('ns', row_id, version - 1, position, change_ref, doc, 'x', '[]')
   FROM equivalue.change WHERE change_ref = 'C3'"

# Steps: the role each needs.
out=$(step lead1 C2 approve) && fail "a lead approved: $out" ||
  { grep -qF "Only an equality officer can approve an assessment; you are signed in as lead1 (lead)" <<<"$out" &&
    pass "a lead cannot approve" || fail "lead approval refused oddly: $out"; }
out=$(step finance1 C2 return "no") && fail "finance returned: $out" || pass "finance cannot return"
out=$(step officer1 C2 return "") && fail "a return without comments: $out" ||
  { grep -qF "comments are required" <<<"$out" && pass "a return needs comments" || fail "$out"; }
step officer1 C2 return "Add the consultation figures" >/dev/null && pass "an officer returns C2" ||
  fail "officer1 could not return C2"
[ "$(status C2)" = returned ] && pass "C2 is returned" || fail "C2 is $(status C2)"

# Separation of duties: officer2 (also a lead) edits and submits C2; officer2 may not
# approve it, officer1 may.
edit_eqia officer2 C2 "EQIA-2026-021b" >/dev/null && pass "officer2, holding lead too, edits C2" ||
  fail "officer2 could not edit C2 as a lead"
step officer2 C2 submit >/dev/null && pass "officer2 submits C2" || fail "officer2 could not submit C2"
out=$(step officer2 C2 approve) && fail "officer2 approved their own submission: $out" ||
  { grep -qF "You submitted this assessment" <<<"$out" && pass "no one approves their own submission" ||
    fail "own approval refused oddly: $out"; }
step officer1 C2 return "Once more" >/dev/null
step lead1 C2 submit >/dev/null
out=$(step officer2 C2 approve) && fail "officer2 approved what they edited: $out" ||
  { grep -qF "You edited this assessment" <<<"$out" && pass "no one approves what they edited" ||
    fail "editor approval refused oddly: $out"; }
step officer1 C2 approve >/dev/null && pass "another officer approves C2" || fail "officer1 could not approve C2"
refused "an approved assessment is locked" "is approved, so it cannot be changed" lead1 $db \
  "SELECT equivalue.save_change('ns', row_id, version, position, change_ref,
   regexp_replace(doc, '\"reference\": \"[^\"]*\"', '\"reference\": \"Y\"'), 'x', '[]')
   FROM equivalue.change WHERE change_ref = 'C2'"
out=$(step lead1 C2 publish) && fail "a lead published: $out" || pass "a lead cannot publish"
step admin1 C2 publish >/dev/null && pass "an administrator publishes C2" || fail "admin1 could not publish"

# The post-implementation review: the one change an approved or published assessment takes,
# through its own function, on or after the review date, and only the review's fields.
review_doc() {  # REF SUMMARY: the change's document with each impact reviewed and the summary
  echo "SELECT jsonb_set(jsonb_set(doc::jsonb, '{changes,0,eqia,review_summary}', to_jsonb('$2'::text)),
    '{changes,0,eqia,impacts}', (SELECT jsonb_agg(i || '{\"actual_impact\": \"Journeys stayed short\",
    \"actual_rating\": \"negative\", \"actual_evidence\": \"Hub register\"}'::jsonb ORDER BY n)
    FROM jsonb_array_elements(doc::jsonb #> '{changes,0,eqia,impacts}') WITH ORDINALITY AS t(i, n)))::text
    FROM equivalue.change WHERE row_id = $(row "$1")"
}
review() {  # LOGIN REF DOC-SQL
  as_sql "$1" $db "SELECT equivalue.record_review('ns', $(row "$2"), $(version "$2"), ($3), '[]')"
}
set_review_date() { su_sql $db "UPDATE equivalue.change SET doc = jsonb_set(doc::jsonb,
  '{changes,0,eqia,review_date}', '\"$2\"')::text WHERE row_id = $(row "$1")"; }
set_review_date C2 2999-01-01
out=$(review officer1 C2 "$(review_doc C2 'As expected')") && fail "a review before its date: $out" ||
  { grep -qF "opens on its review date (2999-01-01)" <<<"$out" && pass "no review before the review date" ||
    fail "early review refused oddly: $out"; }
set_review_date C2 2020-01-01
out=$(review finance1 C2 "$(review_doc C2 'As expected')") && fail "finance recorded a review: $out" ||
  { grep -qF "Only a project lead or an equality officer can record a post-implementation review" <<<"$out" &&
    pass "finance cannot record a review" || fail "finance review refused oddly: $out"; }
out=$(review officer1 C2 "$(review_doc C2 '')") && fail "a review without its summary: $out" ||
  { grep -qF "needs, for every impact" <<<"$out" && pass "an incomplete review is refused" || fail "$out"; }
out=$(review officer1 C2 "SELECT regexp_replace(($(review_doc C2 'As expected')), '\"reference\": \"[^\"]*\"',
  '\"reference\": \"Z\"')") && fail "a review changed the reference: $out" ||
  { grep -qF "is published, so it cannot be changed" <<<"$out" && pass "a review changes nothing but the review" ||
    fail "$out"; }
review officer1 C2 "$(review_doc C2 'Journeys stayed under 30 minutes')" >/dev/null &&
  pass "an officer records the review of the published C2" || fail "officer1 could not record the review"
[ "$(status C2)" = published ] && pass "the review leaves C2 published" || fail "C2 is $(status C2)"
[ "$(su_sql $db "SELECT doc::jsonb #>> '{changes,0,eqia,review_summary}' FROM equivalue.change WHERE row_id = $(row C2)")" = \
  "Journeys stayed under 30 minutes" ] && pass "the review is stored" || fail "the review summary was not stored"

# The server wrote the logins, whatever the client might claim.
[ "$(su_sql $db "SELECT string_agg(who || ':' || to_status || ':' || login, ',' ORDER BY id)
  FROM equivalue.workflow_event WHERE change_row = $(row C2) AND id > (SELECT min(id) FROM
  equivalue.workflow_event WHERE change_row = $(row C2))")" = \
  "officer1:returned:officer1,officer2:submitted:officer2,officer1:returned:officer1,lead1:submitted:lead1,officer1:approved:officer1,admin1:published:admin1,officer1:published:officer1" ] &&
  pass "each history row carries the login that took the step" ||
  fail "history logins: $(su_sql $db "SELECT who, to_status, login FROM equivalue.workflow_event ORDER BY id")"
[ "$(su_sql $db "SELECT count(*) FROM equivalue.audit WHERE what = 'Edit reference' AND login = 'officer2'")" -ge 1 ] &&
  pass "the audit row of an edit carries its login" || fail "no audit row by officer2"
finish

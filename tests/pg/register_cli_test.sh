#!/usr/bin/env bash
# The command line on a shared register: server init/grant/projects, import to and from
# the register, every reading command on an address, the workflow steps (eqia ...) as each
# login, and each connection fault as a clear message with exit status 2. Runs against the throwaway server of pg_server.sh.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/register_test_lib.sh"
example=${EQV_EXAMPLE:?set EQV_EXAMPLE to examples/northshire-2026.json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli() { "$EQV_CLI" "$@"; }
db=cli_test
fresh_db $db

# A database without the register.
expect 2 "holds no Equivalue register" "a database without the schema is refused clearly" -- \
  cli validate "$(addr lead1 $db northshire)"
expect 2 "server init" "... and the message says how IT sets it up" -- cli dump "$(addr lead1 $db northshire)"

# Setting up, twice.
expect 0 "register set up (version 2)" "server init creates the register" -- cli server init "$(su_addr $db)"
expect 0 "already set up" "server init a second time changes nothing" -- cli server init "$(su_addr $db)"
[ "$(su_sql $db "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'equivalue\_%'")" = 4 ] &&
  pass "the four roles exist" || fail "the four roles were not created"

# Roles.
expect 0 "admin1 now holds the role admin" "the superuser makes admin1 an administrator" -- \
  cli server grant "$(su_addr $db)" admin1 admin
for pair in lead1:lead lead2:lead officer1:officer officer2:officer finance1:finance; do
  expect 0 "now holds the role ${pair#*:}" "admin1 gives ${pair%:*} the role ${pair#*:}" -- \
    cli server grant "$(addr admin1 $db)" "${pair%:*}" "${pair#*:}"
done
expect 2 "Only a register administrator can give people roles; you are signed in as lead1 (lead)" \
  "a lead cannot give roles" -- cli server grant "$(addr lead1 $db)" lead1 admin
expect 2 "no login called ghost" "a role for a login that does not exist is refused" -- \
  cli server grant "$(addr admin1 $db)" ghost lead
expect 2 "not in {lead,officer,finance,admin}" "an unknown role is refused by the command line" -- \
  cli server grant "$(addr admin1 $db)" lead1 boss

# Import: only an administrator, once per name.
expect 2 "Only a register administrator can create a project" "a lead cannot import a project" -- \
  cli import "$example" -o "$(addr lead1 $db northshire)"
expect 0 "imported 3 service changes" "admin1 imports the worked example" -- \
  cli import "$example" -o "$(addr admin1 $db northshire)"
expect 2 "already holds a project named northshire" "a second import under the same name is refused" -- \
  cli import "$example" -o "$(addr admin1 $db northshire)"
[ "$(su_sql $db "SELECT count(*) FROM equivalue.change WHERE project_id = 'northshire'")" = 3 ] &&
  pass "the refused import wrote nothing" || fail "the refused import left rows behind"
expect 0 "northshire	Northshire Council: 2026/27 budget proposals	3 service changes" "server projects lists the project" -- \
  cli server projects "$(addr finance1 $db)"

# Every reading command on an address; the same answers as from the file.
cli dump "$example" >"$work/from-file.json"
cli dump "$(addr finance1 $db northshire)" >"$work/from-register.json"
cmp -s "$work/from-file.json" "$work/from-register.json" && pass "dump from the register equals dump of the file" ||
  fail "dump differs: $(diff "$work/from-file.json" "$work/from-register.json" | head -20)"
expect 0 "valid (3 service changes)" "validate on an address" -- cli validate "$(addr finance1 $db northshire)"
cli calc "$example" --json --seed 7 --draws 200 >"$work/calc-file.json"
cli calc "$(addr finance1 $db northshire)" --json --seed 7 --draws 200 >"$work/calc-register.json"
cmp -s "$work/calc-file.json" "$work/calc-register.json" && pass "calc on an address gives the file's figures" ||
  fail "calc differs between file and register"
expect 0 "" "cumulative on an address" -- cli cumulative "$(addr finance1 $db northshire)"
expect 0 "" "export on an address" -- cli export "$(addr finance1 $db northshire)" -o "$work/register.xlsx"
[ -s "$work/register.xlsx" ] && pass "the workbook was written" || fail "no workbook from the register"

# An .eqv project to the register and back: the same project, byte for byte as JSON.
cli import "$example" -o "$work/start.eqv" >/dev/null
cli import "$work/start.eqv" -o "$(addr admin1 $db round-trip)" >/dev/null
cli import "$(addr finance1 $db round-trip)" -o "$work/back.eqv" >/dev/null
cli dump "$work/start.eqv" >"$work/start.json"
cli dump "$work/back.eqv" >"$work/back.json"
cmp -s "$work/start.json" "$work/back.json" && pass ".eqv -> register -> .eqv dumps identically" ||
  fail ".eqv round trip differs: $(diff "$work/start.json" "$work/back.json" | head -20)"

# Addresses and logins that cannot work, each a clear message and exit 2.
expect 2 "names no project" "an address without ?project=" -- cli validate "$(addr lead1 $db)"
expect 2 'holds no project named "nowhere"'  "a project the register does not hold" -- \
  cli dump "$(addr lead1 $db nowhere)"
expect 2 "wrong password" "a wrong password" -- \
  cli validate "postgresql:///$db?host=$EQV_PG_DIR&user=lead1&password=not-it&project=northshire"
expect 2 "cannot reach the register's server" "an unreachable host" -- \
  cli validate "postgresql://127.0.0.1:1/$db?connect_timeout=3&project=northshire"
expect 2 "no such database" "a database that does not exist" -- \
  cli validate "$(addr lead1 no_such_db northshire)"
expect 2 "has no role in this register" "a login with no role" -- cli dump "$(addr nobody1 $db northshire)"
if cli validate "postgresql:///$db?host=$EQV_PG_DIR&user=lead1&password=not-it&project=northshire" 2>&1 |
  grep -q "not-it"; then fail "a password appeared in a message"; else pass "no password in messages"; fi

# Workflow steps from the command line, as the database login.
expect 2 "Only an equality officer can approve an assessment; you are signed in as lead1 (lead)" \
  "a lead cannot approve from the command line" -- cli eqia approve "$(addr lead1 $db northshire)" --change C2
expect 2 "comments are required" "a return needs the reviewer's comments" -- \
  cli eqia return "$(addr officer1 $db northshire)" --change C2
expect 0 "the assessment is now returned" "an officer returns C2" -- \
  cli eqia return "$(addr officer1 $db northshire)" --change C2 --comment "Add the consultation figures"
expect 2 "Only a project lead" "an officer cannot submit" -- \
  cli eqia submit "$(addr officer1 $db northshire)" --change C2
expect 0 "the assessment is now submitted" "the lead submits C2 again" -- \
  cli eqia submit "$(addr lead1 $db northshire)" --change C2
expect 2 "refused for finance1 (finance)" "finance cannot publish" -- \
  cli eqia publish "$(addr finance1 $db northshire)" --change C2
expect 0 "the assessment is now approved" "another officer approves C2" -- \
  cli eqia approve "$(addr officer2 $db northshire)" --change C2
expect 2 "no service change has the id \"C9\"" "an unknown change is named" -- \
  cli eqia approve "$(addr officer2 $db northshire)" --change C9
[ "$(su_sql $db "SELECT string_agg(who || '>' || to_status, ',' ORDER BY id) FROM equivalue.workflow_event
  WHERE login <> 'admin1'")" = "officer1>returned,lead1>submitted,officer2>approved" ] &&
  pass "the history names each database login" || fail "history: $(su_sql $db "SELECT who, to_status FROM equivalue.workflow_event")"

# ... and on an .eqv file, as the operating-system login (who holds every role but may
# still not approve what they submitted).
cli import "$example" -o "$work/steps.eqv" >/dev/null
expect 0 "the assessment is now returned" "a file's user returns C2" -- \
  cli eqia return "$work/steps.eqv" --change C2 --comment "Add the consultation figures"
expect 0 "the assessment is now submitted" "... submits it again" -- cli eqia submit "$work/steps.eqv" --change C2
expect 2 "submitted" "... and may not approve their own submission" -- \
  cli eqia approve "$work/steps.eqv" --change C2
cli dump "$work/steps.eqv" >"$work/steps.json"
grep -q "\"who\": \"$(id -un)\"" "$work/steps.json" && pass "the file's history names the login" ||
  fail "the operating-system login is not in the history"

# A client killed in the middle of a transaction: the server keeps nothing of it, and
# leaves no lock behind.
state() { su_sql $db "SELECT version || ':' || md5(doc) || ':' || (SELECT count(*) FROM equivalue.audit)
  FROM equivalue.change WHERE project_id = 'northshire' AND change_ref = 'C3'"; }
before=$(state)
PGPASSWORD=lead1 "$PG_BIN/psql" -X -q -h "$EQV_PG_DIR" -U lead1 -d $db -c "SET client_connection_check_interval = 100;
  BEGIN; SELECT equivalue.save_change('northshire', row_id, version, position, change_ref,
  replace(doc, 'Move council tax', 'Half-written'), 'Killed edit', '[]') FROM equivalue.change
  WHERE project_id = 'northshire' AND change_ref = 'C3'; SELECT pg_sleep(60);" >/dev/null 2>&1 &
killed=$!
sleep 1.5
kill -9 $killed
wait $killed 2>/dev/null || true
for _ in $(seq 50); do
  [ "$(su_sql $db "SELECT count(*) FROM pg_stat_activity WHERE usename = 'lead1'")" = 0 ] && break
  sleep 0.1
done
[ "$(state)" = "$before" ] && pass "a client killed mid-transaction left nothing half-written" ||
  fail "the killed client's edit left a trace: $before -> $(state)"
expect 0 "" "... and its row lock went with it" -- \
  su_sql $db "SET lock_timeout = 2000; SELECT row_id FROM equivalue.change WHERE change_ref = 'C3' FOR UPDATE"

# A register set up by a newer Equivalue.
fresh_db cli_newer
cli server init "$(su_addr cli_newer)" >/dev/null
su_sql cli_newer "UPDATE equivalue.schema_version SET version = 99"
expect 2 "newer version of Equivalue" "server init refuses a newer schema" -- cli server init "$(su_addr cli_newer)"
expect 2 "newer version of Equivalue" "opening refuses a newer schema" -- \
  cli validate "$(addr lead1 cli_newer northshire)"
finish

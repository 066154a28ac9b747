# Shared helpers for the register's shell tests; sourced, not run.
# Needs EQV_PG_DIR (the test server's socket folder, see pg_server.sh) and EQV_CLI.
set -euo pipefail
: "${EQV_PG_DIR:?set EQV_PG_DIR to the folder of the test server}"
: "${EQV_CLI:?set EQV_CLI to equivalue-cli}"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
failures=0

# A register address for LOGIN (password = login name) on database DB, project PROJECT.
addr() {
  local login=$1 db=$2 project=${3:-}
  local a="postgresql:///$db?host=$EQV_PG_DIR&user=$login&password=$login"
  [ -n "$project" ] && a="$a&project=$project"
  echo "$a"
}
# The superuser's address (no password over the test socket).
su_addr() { echo "postgresql:///$1?host=$EQV_PG_DIR&user=postgres"; }

# SQL as the superuser, tuples only.
su_sql() { "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$EQV_PG_DIR" -U postgres -d "$1" -c "$2"; }
# SQL as LOGIN; prints stdout and stderr together, returns psql's status.
as_sql() {
  PGPASSWORD=$1 "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$EQV_PG_DIR" -U "$1" -d "$2" -c "$3" 2>&1
}
fresh_db() {
  su_sql postgres "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
  su_sql postgres "CREATE DATABASE $1"
}

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect STATUS TEXT DESCRIPTION -- COMMAND...: the command exits with STATUS and its
# output (stdout and stderr) contains TEXT.
expect() {
  local status=$1 text=$2 what=$3
  shift 4
  local out rc=0
  out=$("$@" 2>&1) || rc=$?
  if [ "$rc" != "$status" ]; then fail "$what: exit $rc, expected $status; output: $out"; return; fi
  if [ -n "$text" ] && ! grep -qF -- "$text" <<<"$out"; then fail "$what: output lacks \"$text\": $out"; return; fi
  pass "$what"
}
# refused DESCRIPTION TEXT LOGIN DB SQL: raw SQL as LOGIN fails with TEXT in the message.
refused() {
  local what=$1 text=$2 out rc=0
  out=$(as_sql "$3" "$4" "$5") || rc=$?
  if [ "$rc" = 0 ]; then fail "$what: the server accepted it: $out"; return; fi
  if ! grep -qF -- "$text" <<<"$out"; then fail "$what: refused, but not with \"$text\": $out"; return; fi
  pass "$what"
}
finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed" >&2; exit 1; fi
  echo "all checks passed"
}

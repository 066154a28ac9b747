#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the register's tests.
#   pg_server.sh start DIR     initdb into DIR/data, listen only on a Unix socket in DIR
#   pg_server.sh restart DIR   stop and start again (fault tests)
#   pg_server.sh stop DIR      stop and delete DIR
# The server runs as the unprivileged `postgres` user when started by root (CI), else as
# the caller. The superuser `postgres` connects over the socket without a password; the
# test logins below use passwords (scram-sha-256), so a wrong password is refused.
# fsync is off (quicker tests) unless EQV_PG_FSYNC=on (the benchmarks).
set -euo pipefail
cmd=${1:?usage: pg_server.sh start|restart|stop DIR}
dir=${2:?usage: pg_server.sh start|restart|stop DIR}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
start() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses='' -c fsync=${EQV_PG_FSYNC:-off} -c max_connections=100" start >/dev/null
}
stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || true
  fi
}
case "$cmd" in
  start)
    stop
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; exit 1; }
    # The superuser connects without a password; everyone else gives theirs.
    printf 'local all postgres trust\nlocal all all scram-sha-256\n' >"$dir/data/pg_hba.conf"
    start
    psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -U postgres "$@"; }
    psql -d postgres -c "CREATE DATABASE equivalue"
    for login in admin1 lead1 lead2 officer1 officer2 finance1 nobody1; do
      psql -d postgres -c "CREATE ROLE $login LOGIN PASSWORD '$login'"
    done
    echo "PostgreSQL test server running; socket in $dir (superuser: postgres)"
    ;;
  restart) stop; start ;;
  stop) stop; rm -rf "$dir" ;;
  *) echo "usage: pg_server.sh start|restart|stop DIR" >&2; exit 2 ;;
esac

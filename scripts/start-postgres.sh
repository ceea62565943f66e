#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the tests, installing Debian's
# `postgresql` when it is missing. Prints the SQLAlchemy URL to use on stdout; the data
# directory and log live in $PGWORK (default: a new temporary directory).
# Usage: eval "$(scripts/start-postgres.sh)"   # exports ENDORSEMENTS_TEST_PG_URL and PGWORK
set -euo pipefail
port="${PGPORT_TEST:-54329}"
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work="${PGWORK:-$(mktemp -d /tmp/endorsements-pg.XXXXXX)}"
mkdir -p "$work"
run() {
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres "$work"
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}
run "'$pgbin/initdb' -D '$work/data' -A trust -U postgres >'$work/initdb.log' 2>&1"
run "'$pgbin/pg_ctl' -D '$work/data' -l '$work/server.log' -w -o \"-p $port -k '$work' -c listen_addresses=127.0.0.1 -c fsync=off\" start >&2"
echo "export PGWORK='$work'"
echo "export ENDORSEMENTS_TEST_PG_URL='postgresql+psycopg://postgres@127.0.0.1:$port/postgres'"

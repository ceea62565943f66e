#!/usr/bin/env bash
# Stop the server started by start-postgres.sh and remove its files.
set -uo pipefail
[ -n "${PGWORK:-}" ] || exit 0
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -n "$pgbin" ] && [ -d "$PGWORK/data" ]; then
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "'$pgbin/pg_ctl' -D '$PGWORK/data' -m fast -w stop" >/dev/null 2>&1
  else
    "$pgbin/pg_ctl" -D "$PGWORK/data" -m fast -w stop >/dev/null 2>&1
  fi
fi
rm -rf "$PGWORK"

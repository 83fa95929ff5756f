#!/usr/bin/env bash
# Starts a local PostgreSQL 15 server for the metadata store's tests and prints the line that
# points the tests at it:
#
#   eval "$(bash metadata/scripts/local-postgres.sh)"     # sets TRIBUTARY_TEST_PG_URL in the calling shell
#
# Idempotent: installs Debian's postgresql only if missing, starts the cluster only if it is down,
# creates the login role and the test database only if absent. Needs root (as on CI and dev
# machines here). Everything except the final export line goes to stderr, so `eval` sees only it.
set -euo pipefail

PG_VERSION=15
PG_ROLE=${TRIBUTARY_TEST_PG_ROLE:-tributary}
PG_PASSWORD=${TRIBUTARY_TEST_PG_PASSWORD:-tributary-test}
PG_DB=${TRIBUTARY_TEST_PG_DB:-tributary_test}

log() { echo "postgres.sh: $*" >&2; }

# su keeps the working directory; postgres may not be allowed into ours.
cd /tmp

if ! command -v pg_ctlcluster >/dev/null || [ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]; then
  log "installing postgresql-$PG_VERSION"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

if [ ! -d "/etc/postgresql/$PG_VERSION/main" ]; then
  log "creating cluster $PG_VERSION/main"
  pg_createcluster "$PG_VERSION" main >&2
fi

if ! pg_ctlcluster "$PG_VERSION" main status >/dev/null 2>&1; then
  log "starting cluster $PG_VERSION/main"
  pg_ctlcluster "$PG_VERSION" main start >&2
fi

# The server accepts connections a moment after pg_ctlcluster returns.
ready=no
for _ in $(seq 1 30); do
  if su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 1
done
if [ "$ready" != yes ]; then
  log "PostgreSQL $PG_VERSION/main did not accept connections within 30 s; see /var/log/postgresql/"
  exit 1
fi

psql_as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt $*"; }

if [ "$(psql_as_postgres "-c \"select 1 from pg_roles where rolname = '$PG_ROLE'\"")" != "1" ]; then
  log "creating role $PG_ROLE"
  psql_as_postgres "-c \"create role $PG_ROLE login password '$PG_PASSWORD'\"" >&2
fi
if [ "$(psql_as_postgres "-c \"select 1 from pg_database where datname = '$PG_DB'\"")" != "1" ]; then
  log "creating database $PG_DB"
  su postgres -c "createdb -O $PG_ROLE $PG_DB" >&2
fi

# Check the TCP login the tests will use (the role may predate this script with another password).
if ! PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p 5432 -U "$PG_ROLE" -d "$PG_DB" -qAtc 'select 1' >/dev/null 2>&1; then
  log "cannot log in as $PG_ROLE on 127.0.0.1:5432/$PG_DB: if the role exists with another password,"
  log "set TRIBUTARY_TEST_PG_PASSWORD (or TRIBUTARY_TEST_PG_ROLE) accordingly"
  exit 1
fi

URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB?user=$PG_ROLE&password=$PG_PASSWORD"

log "ready: $URL"
echo "export TRIBUTARY_TEST_PG_URL='$URL'"

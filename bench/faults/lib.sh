# Shared by the fault scripts: a private PostgreSQL on a loopback port and the packaged app on it.
# Everything lives under $FAULTS_DIR (default: a fresh temp dir); nothing outside it is touched.
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${PG_PORT:-55415}
APP_PORT=${APP_PORT:-18415}
APP_PORT2=${APP_PORT2:-18416}
FAULTS_DIR=${FAULTS_DIR:-$(mktemp -d /tmp/hr-faults.XXXXXX)}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
JAR=${JAR:-"$REPO/target/quarkus-app/quarkus-run.jar"}
PGDATA="$FAULTS_DIR/pgdata"
DB=hr_faults
READY_TIMEOUT=${READY_TIMEOUT:-300}
export FAULTS_DIR PG_PORT

log() { printf '%s faults: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

as_pg_user() {
  # initdb and pg_ctl refuse to run as root: use the postgres account when we are root
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

pg_init() {
  [ -x "$PG_BIN/initdb" ] || { log "no PostgreSQL binaries in $PG_BIN (set PG_BIN)"; exit 1; }
  mkdir -p "$PGDATA"
  [ "$(id -u)" = "0" ] && chown -R postgres "$FAULTS_DIR"
  as_pg_user "$PG_BIN/initdb -D $PGDATA -U postgres --auth=trust -E UTF8 >/dev/null"
  cat >>"$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$FAULTS_DIR'
max_connections = 100
fsync = on
CONF
  pg_start
  psql_su -c "create role hr_owner login password 'hr_owner'" -c "create role hr_app login password 'hr_app'"
  pg_create_db
}

DB_GEN=0
pg_create_db() {
  # a fresh database needs a fresh witness file (the witness of the old chain would not match the new one)
  DB_GEN=$((DB_GEN + 1))
  psql_su -c "drop database if exists $DB" -c "create database $DB owner hr_owner"
  psql_su -d "$DB" -c "alter schema public owner to hr_owner" -c "revoke create on schema public from public"
}

pg_start() { as_pg_user "$PG_BIN/pg_ctl -D $PGDATA -l $FAULTS_DIR/postgres.log -w -t 60 start >/dev/null"; }
pg_stop() { as_pg_user "$PG_BIN/pg_ctl -D $PGDATA -m fast -w -t 60 stop >/dev/null" || true; }
pg_restart() { as_pg_user "$PG_BIN/pg_ctl -D $PGDATA -m fast -w -t 60 restart -l $FAULTS_DIR/postgres.log >/dev/null"; }
pg_kill9() {
  local pid stat; pid=$(head -n 1 "$PGDATA/postmaster.pid")
  kill -9 "$pid"
  for _ in $(seq 1 100); do
    stat=$(ps -o stat= -p "$pid" 2>/dev/null || true)
    { [ -z "$stat" ] || [ "${stat:0:1}" = Z ]; } && break
    sleep 0.1
  done
  sleep 2 # the backends notice that their postmaster is gone and exit
  # a killed postmaster nobody reaps stays a zombie, which makes its lock file look alive: it is stale
  [ -n "$(ps -o stat= -p "$pid" 2>/dev/null || true)" ] && rm -f "$PGDATA/postmaster.pid"
  pg_start
}

psql_su() { PGPASSWORD=postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAt -v ON_ERROR_STOP=1 "$@"; }
psql_db() { psql_su -d "$DB" "$@"; }

# app_start PORT NAME: starts the packaged app in demo mode on the private database; its pid goes to $FAULTS_DIR/NAME.pid
app_start() {
  local port=$1 name=$2
  mkdir -p "$FAULTS_DIR/$name"
  (
    cd "$FAULTS_DIR/$name"
    DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" DB_MIGRATION_USER=hr_owner DB_MIGRATION_PASSWORD=hr_owner \
    DB_USER=hr_app DB_PASSWORD=hr_app SESSION_ENCRYPTION_KEY=faults-session-key-0123456789abcdef0123456789 \
    CSRF_SIGNATURE_KEY=faults-csrf-key-0123456789abcdef0123456789abcdef \
    AUDIT_CHECKPOINT_KEY=faults-audit-key-0123456789abcdef0123456789abcdef AUDIT_WITNESS_FILE="$FAULTS_DIR/witness-$DB_GEN.jsonl" \
    ADMIN_INITIAL_PASSWORD=faults-admin-password PORT=$port MAIL_MOCK=true \
      exec java -Xmx384m -Dhosting-review.demo=true -jar "$JAR"
  ) >>"$FAULTS_DIR/$name.log" 2>&1 &
  echo $! >"$FAULTS_DIR/$name.pid"
}

app_wait_ready() {
  local port=$1 name=$2
  for _ in $(seq 1 $((READY_TIMEOUT * 2))); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$FAULTS_DIR/$name.pid")" 2>/dev/null || { log "$name died; see $FAULTS_DIR/$name.log"; tail -n 30 "$FAULTS_DIR/$name.log" >&2; return 1; }
    sleep 0.5
  done
  log "$name not ready after $READY_TIMEOUT s"; return 1
}

app_kill9() { kill -9 "$(cat "$FAULTS_DIR/$1.pid")" 2>/dev/null || true; wait "$(cat "$FAULTS_DIR/$1.pid")" 2>/dev/null || true; }
app_stop() { kill "$(cat "$FAULTS_DIR/$1.pid")" 2>/dev/null || true; wait "$(cat "$FAULTS_DIR/$1.pid")" 2>/dev/null || true; }

cleanup() {
  [ -f "$FAULTS_DIR/client.pid" ] && kill "$(cat "$FAULTS_DIR/client.pid")" 2>/dev/null || true
  for name in app app2; do [ -f "$FAULTS_DIR/$name.pid" ] && app_kill9 "$name"; done
  [ -d "$PGDATA" ] && pg_stop
}

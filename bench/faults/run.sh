#!/usr/bin/env bash
# Fault injection on the packaged app with its own PostgreSQL. Usage: bench/faults/run.sh [ROUNDS] [SECONDS_PER_ROUND]
# (defaults 20 and 12). Builds nothing: run `./mvnw package -DskipTests` first. Scenarios, each ROUNDS times:
#   app-kill9    kill -9 of the app under write load, then a restart
#   pg-restart   PostgreSQL restarted (fast) under write load
#   pg-kill9     the postmaster killed with -9 under write load, then started again (crash recovery)
#   two-apps     two instances started at once on an empty database, then load spread over both
#   races        20 clients send the same check-in (one Idempotency-Key) at once
# Every request is recorded ($FAULTS_DIR/requests.jsonl); after each round check.py prints acknowledged / lost /
# duplicated / partial writes, the audit chain's verification and the errors users saw; the table is in
# $FAULTS_DIR/results.jsonl and on stdout at the end. Exit status 1 if any round lost, duplicated or half-wrote a
# write, broke the chain, or answered a 500.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.sh"
ROUNDS=${1:-20}
SECONDS_PER_ROUND=${2:-12}
SCENARIOS=${SCENARIOS:-app-kill9 pg-restart pg-kill9 two-apps races}
[ -f "$JAR" ] || { log "no $JAR: run ./mvnw package -DskipTests first"; exit 1; }
trap cleanup EXIT
log "working in $FAULTS_DIR (PostgreSQL on $PG_PORT, app on $APP_PORT)"
pg_init
REQUESTS="$FAULTS_DIR/requests.jsonl"
RESULTS="$FAULTS_DIR/results.jsonl"
: >"$REQUESTS"; : >"$RESULTS"
PSQL="$PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U postgres -d $DB -qAt"
export PGPASSWORD=postgres
day=0
failed=0

proposals() { psql_db -c "select string_agg(p.id::text, ',') from proposal p join app_user u on u.username = 'victor' \
  where p.team_id = u.team_id and p.status in ('APPROVED', 'REVIEW_DUE')"; }

load() { # load RUN SECONDS [client args…]: starts the client in the background, its pid in $client
  local run=$1 seconds=$2; shift 2
  python3 "$HERE/client.py" --proposals "$(proposals)" --seconds "$seconds" --run "$run" --first-day "$day" --out "$REQUESTS" "$@" &
  client=$!
  echo "$client" >"$FAULTS_DIR/client.pid"
}

check() { # check SCENARIO RUN
  if python3 "$HERE/check.py" --requests "$REQUESTS" --run "$2" --psql "$PSQL" --base "http://127.0.0.1:$APP_PORT" --scenario "$1" >>"$RESULTS"; then :; else failed=1; fi
  # the next round's periods start after the last day this one used (retries reuse their write's day)
  day=$(python3 - "$REQUESTS" "$2" "$day" <<'PY'
import datetime, json, sys
start, run, best = datetime.date(2015, 1, 2), sys.argv[2] + "-", int(sys.argv[3])
with open(sys.argv[1]) as requests:
    for line in requests:
        if run in line:
            r = json.loads(line)
            if r["key"].startswith(run):
                best = max(best, (datetime.date.fromisoformat(r["day"]) - start).days + 1)
print(best)
PY
)
}

app_start "$APP_PORT" app
app_wait_ready "$APP_PORT" app
for scenario in $SCENARIOS; do
  for round in $(seq 1 "$ROUNDS"); do
    run="$scenario-r$round-$RANDOM"
    case $scenario in
      app-kill9)
        load "$run" "$SECONDS_PER_ROUND" --base "http://127.0.0.1:$APP_PORT" --threads 4
        sleep "$(awk -v s="$SECONDS_PER_ROUND" 'BEGIN { srand(); printf "%.1f", s * (0.2 + rand() * 0.4) }')"
        app_kill9 app
        app_start "$APP_PORT" app
        app_wait_ready "$APP_PORT" app
        wait "$client" ;;
      pg-restart|pg-kill9)
        load "$run" "$SECONDS_PER_ROUND" --base "http://127.0.0.1:$APP_PORT" --threads 4
        sleep "$(awk -v s="$SECONDS_PER_ROUND" 'BEGIN { srand(); printf "%.1f", s * (0.2 + rand() * 0.4) }')"
        if [ "$scenario" = pg-restart ]; then pg_restart; else pg_kill9; fi
        wait "$client" ;;
      two-apps)
        app_stop app
        pg_create_db
        app_start "$APP_PORT" app; app_start "$APP_PORT2" app2
        app_wait_ready "$APP_PORT" app; app_wait_ready "$APP_PORT2" app2
        load "$run" "$SECONDS_PER_ROUND" --base "http://127.0.0.1:$APP_PORT" --base "http://127.0.0.1:$APP_PORT2" --threads 4
        wait "$client"
        app_stop app2 ;;
      races)
        load "$run" 30 --base "http://127.0.0.1:$APP_PORT" --threads 20 --same-key
        wait "$client" ;;
    esac
    check "$scenario" "$run"
  done
done
python3 - "$RESULTS" <<'PY'
import collections, json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = collections.OrderedDict()
for r in rows:
    by.setdefault(r["scenario"], []).append(r)
cols = ["writes", "acknowledged", "lost", "duplicated", "partial", "committedUnacknowledged", "http500", "http503", "refused", "otherErrors"]
print("| scenario | rounds | " + " | ".join(cols) + " | chain verified |")
print("|---|---|" + "---|" * len(cols) + "---|")
for s, rs in by.items():
    print(f"| {s} | {len(rs)} | " + " | ".join(str(sum(r[c] for r in rs)) for c in cols) +
          f" | {sum(1 for r in rs if r['chainOk'])}/{len(rs)} |")
PY
exit $failed

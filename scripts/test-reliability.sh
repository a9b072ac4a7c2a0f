#!/usr/bin/env bash
# `npm run -s test:reliability`: the reliability and security proof (docs/reliability.md).
# Against a production build and the real PostgreSQL: bad input, bypass shapes, races and
# faults. Prepares its own database, starts `next start` on its own port, runs the suites,
# stops the server, and ends with ONE summary line; non-zero on any unexpected 5xx,
# invariant violation or failed test.
#   RELIABILITY_APP_DIR  serve another checkout's build (default: this repository)
#   RELIABILITY_PORT     main server port (default 3400); fault servers use 3410+
#   RELIABILITY_RUNS     fast-check runs per property (default 60)
#   RELIABILITY_ONLY     a path filter for vitest, e.g. test/reliability/races
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export NEXT_TELEMETRY_DISABLED=1
APP_DIR=${RELIABILITY_APP_DIR:-$ROOT}
PORT=${RELIABILITY_PORT:-3400}
WORK=${RELIABILITY_WORK_DIR:-/tmp/binwise-reliability}
PG_SERVER=${RELIABILITY_PG_SERVER:-postgresql://postgres@127.0.0.1:5432}
export RELIABILITY_APP_DIR=$APP_DIR
export RELIABILITY_BASE_URL=http://127.0.0.1:$PORT
export RELIABILITY_DATABASE_URL=${RELIABILITY_DATABASE_URL:-$PG_SERVER/binwise_reliability}
export RELIABILITY_RESULTS_DIR=$WORK/results
export RELIABILITY_STATE_FILE=$WORK/state.json
export RELIABILITY_NEXTAUTH_SECRET=${RELIABILITY_NEXTAUTH_SECRET:-reliability-secret-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export RELIABILITY_METRICS_TOKEN=${RELIABILITY_METRICS_TOKEN:-reliability-metrics-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')}
started=$(date +%s)
step() { printf '=== %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

mkdir -p "$WORK/logs"
rm -rf "$WORK/results"
mkdir -p "$WORK/results"

if [ ! -f "$APP_DIR/.next/BUILD_ID" ]; then
  step "no production build in $APP_DIR: next build"
  (cd "$APP_DIR" && DATABASE_URL="$RELIABILITY_DATABASE_URL" NEXTAUTH_SECRET="$RELIABILITY_NEXTAUTH_SECRET" npx next build) > "$WORK/logs/build.log" 2>&1 || { tail -40 "$WORK/logs/build.log"; echo "reliability: build failed"; exit 1; }
fi

# Stops the server this script started: it runs in its own process group (setsid), so the
# whole group goes, whatever `next start` forked.
stop_server() {
  [ -f "$WORK/server.pid" ] || return 0
  local pid
  pid=$(cat "$WORK/server.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 -- "-$pid" 2>/dev/null
  fi
  rm -f "$WORK/server.pid"
}
trap stop_server EXIT
stop_server # a leftover from an interrupted run

step "prepare database"
npx tsx test/reliability/prepare.ts || { echo "reliability: database preparation failed"; exit 1; }

step "start next start on 127.0.0.1:$PORT"
if ss -ltnH "sport = :$PORT" 2>/dev/null | grep -q .; then echo "reliability: port $PORT is in use by another process (set RELIABILITY_PORT)"; exit 1; fi
cd "$APP_DIR"
setsid env -i PATH="$PATH" HOME="${HOME:-/root}" NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 \
  DATABASE_URL="$RELIABILITY_DATABASE_URL" NEXTAUTH_SECRET="$RELIABILITY_NEXTAUTH_SECRET" NEXTAUTH_URL="$RELIABILITY_BASE_URL" \
  METRICS_TOKEN="$RELIABILITY_METRICS_TOKEN" SCHEDULER_ENABLED=false \
  node node_modules/next/dist/bin/next start -p "$PORT" -H 127.0.0.1 > "$WORK/logs/server.log" 2>&1 &
echo $! > "$WORK/server.pid"
cd "$ROOT"
for _ in $(seq 1 240); do
  curl -fsS "$RELIABILITY_BASE_URL/api/health" > /dev/null 2>&1 && break
  sleep 0.25
done
curl -fsS "$RELIABILITY_BASE_URL/api/health" > /dev/null || { tail -30 "$WORK/logs/server.log"; echo "reliability: server did not start"; exit 1; }

step "suites"
npx vitest run --config test/reliability/vitest.config.ts ${RELIABILITY_ONLY:-}
vitest_rc=$?
stop_server
trap - EXIT
if grep -qE 'Error: |unexpected error' "$WORK/logs/server.log"; then
  echo "server log errors (first 10, full log in $WORK/logs/server.log):"
  grep -E 'Error: |unexpected error' "$WORK/logs/server.log" | head -10
fi
step "done"
if [ "$vitest_rc" -ne 0 ]; then
  npx tsx test/reliability/summarize.ts --vitest-failed
  exit 1
fi
npx tsx test/reliability/summarize.ts

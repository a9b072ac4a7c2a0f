#!/usr/bin/env bash
# Smoke test of `npm start` on the embedded database: a fresh .data directory, the app
# answers /api/health, and the demo supervisor can sign in.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${SMOKE_PORT:-3300}
jar=$(mktemp)
log=$(mktemp)
backup=""
if [ -d .data ]; then backup=".data.smoke-backup.$$"; mv .data "$backup"; fi
cleanup() {
  # setsid made npm start the leader of its own process group: stop the whole group.
  if [ -n "${pid:-}" ]; then
    kill -TERM -- -"$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 -- -"$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- -"$pid" 2>/dev/null || true
  fi
  rm -rf .data
  [ -n "$backup" ] && mv "$backup" .data
  rm -f "$jar"
}
trap cleanup EXIT

started=$(date +%s)
setsid env -u DATABASE_URL PORT="$port" EMBEDDED_DB_PORT=54339 BINWISE_DEMO_LOCATIONS=${SMOKE_LOCATIONS:-600} npm start >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null || { echo "npm start did not answer /api/health"; tail -50 "$log"; exit 1; }
echo "npm start answered /api/health after $(( $(date +%s) - started ))s"

csrf=$(curl -fsS -c "$jar" -b "$jar" "http://127.0.0.1:$port/api/auth/csrf" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')
signin=$(curl -sS -c "$jar" -b "$jar" -X POST "http://127.0.0.1:$port/api/auth/callback/credentials" \
  -H 'content-type: application/x-www-form-urlencoded' -w ' HTTP %{http_code}' \
  --data-urlencode "csrfToken=$csrf" --data-urlencode 'email=supervisor@acme.test' --data-urlencode 'password=binwise-demo' --data-urlencode 'json=true')
session=$(curl -fsS -b "$jar" "http://127.0.0.1:$port/api/auth/session")
echo "$session" | grep -q '"role":"SUPERVISOR"' || { echo "demo sign-in failed: $signin / session: $session"; tail -50 "$log"; exit 1; }
page=$(curl -fsS -b "$jar" "http://127.0.0.1:$port/")
echo "$page" | grep -q 'Overview' || { echo "dashboard did not render for the signed-in supervisor"; exit 1; }
echo "smoke: npm start on the embedded database serves the dashboard and the demo supervisor signs in"

#!/usr/bin/env bash
# `npm test`: every test. Types, unit tests, integration tests against a real PostgreSQL
# (a throwaway database on DATABASE_URL's server, default 127.0.0.1:5432), then end-to-end
# tests in Debian's Chromium against a production build, and the reliability suite (bad input,
# races, faults; docs/reliability.md) against that same build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
started=$(date +%s)

step() { printf '\n=== %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

step "typecheck"
npx tsc --noEmit

step "unit tests"
npx vitest run --project unit

step "integration tests (real PostgreSQL)"
npx vitest run --project integration

step "end-to-end: prepare database and production build"
npx tsx scripts/e2e-prepare.ts
npx next build

step "end-to-end tests (Chromium)"
npx playwright test

step "reliability: bad input, bypass shapes, races, faults (production build)"
npm run -s test:reliability

step "all tests passed"

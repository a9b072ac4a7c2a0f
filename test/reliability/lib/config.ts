/**
 * Where the reliability suites find their server, databases and result files. The runner
 * (scripts/test-reliability.sh) sets these; the defaults let a single file be rerun by hand
 * against a server that is already up.
 */
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

export const config = {
  root,
  /** The app directory whose production build is served (a snapshot in development). */
  appDir: process.env.RELIABILITY_APP_DIR ?? root,
  baseUrl: process.env.RELIABILITY_BASE_URL ?? 'http://127.0.0.1:3400',
  databaseUrl: process.env.RELIABILITY_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/binwise_reliability',
  resultsDir: process.env.RELIABILITY_RESULTS_DIR ?? '/tmp/binwise-reliability/results',
  stateFile: process.env.RELIABILITY_STATE_FILE ?? '/tmp/binwise-reliability/state.json',
  nextauthSecret: process.env.RELIABILITY_NEXTAUTH_SECRET ?? 'reliability-secret-0123456789abcdef',
  metricsToken: process.env.RELIABILITY_METRICS_TOKEN ?? 'reliability-metrics-token',
  /** Ports for the extra servers the fault suite starts (pool-limited, fault cluster, kill/restart). */
  faultPortBase: Number(process.env.RELIABILITY_FAULT_PORT_BASE ?? 3410),
  faultClusterPort: Number(process.env.RELIABILITY_FAULT_PG_PORT ?? 5439),
  faultClusterName: process.env.RELIABILITY_FAULT_CLUSTER ?? 'binwise_faults',
  pgVersion: process.env.RELIABILITY_PG_VERSION ?? '15',
  /** fast-check runs per property; CI keeps the default, RELIABILITY_RUNS=1000 for a deep run. */
  runs: Number(process.env.RELIABILITY_RUNS ?? 60),
};

export const TENANTS = ['acme-print', 'northwind-press'] as const;
export const ROLES = ['SUPERVISOR', 'OPS', 'MANAGER', 'ADMIN'] as const;
export type RoleName = (typeof ROLES)[number];
export const DOMAIN: Record<(typeof TENANTS)[number], string> = { 'acme-print': 'acme.test', 'northwind-press': 'northwind.test' };
export const DEMO_PASSWORD = 'binwise-demo';

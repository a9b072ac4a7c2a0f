/**
 * Deterministic demo data for Binwise. Library entry (`seedDatabase`, used by `npm start`
 * and the test setup on an empty database) and CLI:
 *
 *   npm run db:seed -- [--seed 42] [--locations 2000] [--now 2026-11-29T00:00:00Z] [--reset]
 *
 * The CLI connects with DATABASE_ADMIN_URL ?? DATABASE_URL as a superuser (it bypasses RLS
 * and sets session_replication_role). Same --seed, --locations and --now => same data.
 */
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import bcrypt from 'bcryptjs';
import { generateTenant, tenantSpecs } from './generate';
import { insertTenant, truncateTenantData, userRows } from './insert';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { SEEDED_DEFECTS, SEEDED_DEFECT_TOTALS } from './defects';
import { writeDemoAnchor } from './roll-forward';

export { DEMO_USERS, DEMO_PASSWORD, DEMO_TENANTS } from './demo-users';
export { SEEDED_DEFECTS, SEEDED_DEFECT_TOTALS } from './defects';

export type SeedOptions = {
  connectionString: string;
  seed?: number;
  locations?: number;
  /** Anchor of the 90-day history; defaults to today 00:00 UTC. */
  now?: Date | string;
  /** Truncate all tenant data first; without it a non-empty database is refused. */
  reset?: boolean;
  /**
   * Record `now` as the demo anchor, so each `npm start` rolls the data forward to the present
   * (./roll-forward.ts). Without it the dates stay pinned and any earlier anchor is removed.
   */
  recordAnchor?: boolean;
  log?: (message: string) => void;
};

export type TenantSummary = {
  code: string; tenantId: string; users: number; zones: number; locations: number; materials: number; lots: number;
  transactions: number; salesOrders: number; salesOrderLines: number; pickTasks: number; openPickTasks: number;
};

export type SeedSummary = {
  seed: number; locations: number; now: string; tenants: TenantSummary[];
  defects: typeof SEEDED_DEFECTS; defectTotals: typeof SEEDED_DEFECT_TOTALS;
  cacheRefreshed: boolean; generateMs: number; insertMs: number; refreshMs: number; elapsedMs: number;
};

export class DatabaseNotEmptyError extends Error {}

/** Arbitrary advisory-lock key that serializes concurrent seeders. */
const SEED_LOCK_KEY = 72_410_042;

/** Today at 00:00 UTC: the default --now. */
export function startOfTodayUtc(clock = new Date()): Date {
  return new Date(Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth(), clock.getUTCDate()));
}

export async function seedDatabase(options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const seed = options.seed ?? 42;
  const locations = options.locations ?? 2000;
  const now = options.now === undefined ? startOfTodayUtc() : new Date(options.now);
  const log = options.log ?? (() => {});
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer (got ${seed})`);
  if (!Number.isInteger(locations) || locations < 100) throw new Error(`--locations must be an integer >= 100 (got ${locations})`);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO date-time (got ${String(options.now)})`);

  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    const refuseIfUsed = async () => {
      const { rows } = await client.query<{ used: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM tenants) OR EXISTS (SELECT 1 FROM inventory_locations) OR EXISTS (SELECT 1 FROM materials) AS used`);
      if (rows[0].used && !options.reset) {
        throw new DatabaseNotEmptyError('The database already holds tenant data; refusing to seed over it. Re-run with --reset to truncate all tenant data first.');
      }
    };
    await refuseIfUsed(); // fail fast, before generating

    const t0 = performance.now();
    const tenants = tenantSpecs(locations, SEEDED_DEFECTS).map((spec) => generateTenant(seed, spec, now.getTime()));
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10); // once, shared by every demo user
    const generateMs = Math.round(performance.now() - t0);
    log(`generated ${tenants.map((t) => `${t.code}: ${t.locations.length} locations, ${t.lots.length} lots`).join('; ')} in ${generateMs} ms`);

    const t1 = performance.now();
    const summaries: TenantSummary[] = [];
    await client.query('BEGIN');
    try {
      // Two processes seeding at once (replicas starting together): the second waits, then sees data and stops.
      await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      await refuseIfUsed();
      await client.query('SET LOCAL session_replication_role = replica');
      if (options.reset) log(`truncated ${(await truncateTenantData(client)).length} tables`);
      for (const t of tenants) {
        const users = userRows(seed, t.code, DEMO_USERS);
        await insertTenant(client, t, users, passwordHash, now, log);
        summaries.push({ code: t.code, tenantId: t.tenantId, users: users.length, zones: t.zones.length, locations: t.locations.length,
          materials: t.materials.length, lots: t.lots.length, transactions: t.transactions.length, salesOrders: t.orders.length,
          salesOrderLines: t.lines.length, pickTasks: t.tasks.length, openPickTasks: t.tasks.filter((x) => x.status === 'OPEN').length });
        log(`inserted ${t.code}`);
      }
      await writeDemoAnchor(client, options.recordAnchor ? now : null);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    await client.query('ANALYZE');
    const insertMs = Math.round(performance.now() - t1);

    const { rows: fn } = await client.query<{ present: boolean }>(`SELECT to_regproc('scheduled_refresh_bin_utilization') IS NOT NULL AS present`);
    const t2 = performance.now();
    if (fn[0].present) {
      await client.query('SELECT scheduled_refresh_bin_utilization()');
      log('refreshed the bin utilization cache');
    }
    const refreshMs = Math.round(performance.now() - t2);
    return { seed, locations, now: now.toISOString(), tenants: summaries, defects: SEEDED_DEFECTS, defectTotals: SEEDED_DEFECT_TOTALS,
      cacheRefreshed: fn[0].present, generateMs, insertMs, refreshMs, elapsedMs: Math.round(performance.now() - started) };
  } finally {
    await client.end();
  }
}

export function parseArgs(argv: string[]): { seed: number; locations: number; now: Date; reset: boolean } {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    const [key, inline] = arg.slice(2).split('=', 2);
    if (key === 'reset') flags.add(key);
    else if (['seed', 'locations', 'now'].includes(key)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${key} needs a value`);
      values.set(key, value);
    } else throw new Error(`Unknown option --${key} (expected --seed N, --locations N, --now ISO, --reset)`);
  }
  const int = (key: string, fallback: number) => {
    const raw = values.get(key);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) throw new Error(`--${key} must be a non-negative integer (got "${raw}")`);
    return Number(raw);
  };
  const now = values.has('now') ? new Date(values.get('now')!) : startOfTodayUtc();
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO date-time (got "${values.get('now')}")`);
  return { seed: int('seed', 42), locations: int('locations', 2000), now, reset: flags.has('reset') };
}

async function main(): Promise<void> {
  const connectionString = process.env.DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error('Set DATABASE_ADMIN_URL or DATABASE_URL (a superuser connection, e.g. postgresql://postgres@127.0.0.1:5432/binwise).');
  const args = parseArgs(process.argv.slice(2));
  const summary = await seedDatabase({ connectionString, ...args, log: (m) => console.error(`[seed] ${m}`) });
  console.log(JSON.stringify(summary, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`[seed] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

/**
 * Database side of the reliability suites: a fresh migrated and seeded database, API tokens
 * per tenant and role, per-table checksums ("no row written"), and the invariants every
 * race and fault must leave intact. Connects as the superuser, so RLS does not hide rows.
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase } from '../../../scripts/lib/databases.ts';
import { migrateUp } from '../../../scripts/lib/migrations.ts';
import { seedDatabase } from '../../../prisma/seed/index.ts';
import { ROLES, TENANTS, type RoleName } from './config';

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Drops and recreates the database named by `url`, migrates it and seeds the demo data. */
export async function prepareDatabase(url: string, locations = 300): Promise<void> {
  await createDatabase(url, { replace: true });
  await withClient(url, (client) => migrateUp(client));
  await seedDatabase({ connectionString: url, seed: 42, locations, log: () => {} });
}

export type TokenSet = Record<string, Record<RoleName, string>>;

/** One Bearer token per tenant and role, stored hashed exactly as lib/server/tokens does. */
export async function createTokens(url: string): Promise<TokenSet> {
  const tokens: TokenSet = {};
  await withClient(url, async (client) => {
    for (const code of TENANTS) {
      tokens[code] = {} as Record<RoleName, string>;
      const { rows } = await client.query<{ tenant_id: string }>('SELECT tenant_id::text FROM tenants WHERE code = $1', [code]);
      const tenantId = rows[0]?.tenant_id;
      if (!tenantId) throw new Error(`Seed has no tenant ${code}`);
      for (const role of ROLES) {
        const secret = `bw_${randomBytes(32).toString('base64url')}`;
        const hash = createHash('sha256').update(secret, 'utf8').digest('hex');
        await client.query(
          `INSERT INTO api_tokens (tenant_id, name, token_hash, token_prefix, role) VALUES ($1::uuid, $2, $3, $4, $5::user_role)`,
          [tenantId, `reliability ${role.toLowerCase()}`, hash, secret.slice(0, 9), role],
        );
        tokens[code]![role] = secret;
      }
    }
  });
  return tokens;
}

/**
 * Tables whose rows legitimately change without a write request: sign-in throttling, the
 * scheduler's heartbeats and refresh bookkeeping. Columns excluded per table for the same reason.
 */
const VOLATILE_TABLES = new Set(['_prisma_migrations', 'auth_throttle', 'scheduler_heartbeats', 'cache_refresh_status', 'cache_refresh_log']);
const VOLATILE_COLUMNS: Record<string, string[]> = {
  api_tokens: ['last_used_at'],
  bin_utilization_cache: ['refreshed_at', 'updated_at'],
};

export type Checksums = Record<string, string>;

/**
 * md5 of every row of every public table (minus volatile columns), per table. With a
 * tenant id, only that tenant's rows of tenant-owned tables (the victim's view in the
 * wrong-tenant checks).
 */
export async function tableChecksums(url: string, tenantId?: string): Promise<Checksums> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string; tenant_owned: boolean }>(
      `SELECT c.relname AS name,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS tenant_owned
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'm') ORDER BY 1`,
    );
    const sums: Checksums = {};
    for (const { name, tenant_owned } of tables) {
      if (VOLATILE_TABLES.has(name)) continue;
      if (tenantId && !tenant_owned) continue;
      const where = tenantId ? `WHERE t.tenant_id = '${tenantId.replace(/[^0-9a-f-]/gi, '')}'::uuid` : '';
      const { rows } = await client.query<{ sum: string }>(
        `SELECT md5(COALESCE(string_agg(x, '|' ORDER BY x), '')) AS sum FROM (SELECT (to_jsonb(t) - $1::text[])::text AS x FROM "${name}" t ${where}) s`,
        [VOLATILE_COLUMNS[name] ?? []],
      );
      sums[name] = rows[0]!.sum;
    }
    return sums;
  });
}

export function changedTables(before: Checksums, after: Checksums): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}

export type InvariantReport = {
  overCapacity: { location_code: string; used_cf: number; cubic_feet: number; used_lbs: number; max_weight_lbs: number }[];
  lotMismatch: { lot_id: string; quantity_on_hand: number; sum: number }[];
  cacheMismatch: { location_id: string; field: string; cached: unknown; recomputed: unknown }[];
  cacheChecked: boolean;
};

/** Used volume and weight from live lots, with the same formula the placement check uses. */
const OVER_CAPACITY_SQL = `
  SELECT l.location_code, u.cf AS used_cf, l.cubic_feet, u.lbs AS used_lbs, l.max_weight_lbs
  FROM inventory_locations l
  JOIN LATERAL (
    SELECT COALESCE(SUM(lot.quantity_on_hand * COALESCE(m.length_inches * m.width_inches * m.height_inches, 0)) / 1728.0, 0)::float8 AS cf,
           COALESCE(SUM(lot.quantity_on_hand * COALESCE(m.weight_lbs, 0)), 0)::float8 AS lbs
    FROM lots lot JOIN materials m ON m.material_id = lot.material_id
    WHERE lot.location_id = l.location_id AND lot.quantity_on_hand > 0) u ON true
  WHERE l.cubic_feet > 0 AND l.max_weight_lbs > 0 AND (u.cf > l.cubic_feet + 1e-6 OR u.lbs > l.max_weight_lbs + 1e-6)`;

const LOT_MISMATCH_SQL = `
  SELECT l.lot_id::text, l.quantity_on_hand, COALESCE(SUM(t.quantity), 0)::int AS sum
  FROM lots l LEFT JOIN inventory_transactions t ON t.lot_id = l.lot_id
  GROUP BY l.lot_id HAVING l.quantity_on_hand <> COALESCE(SUM(t.quantity), 0)`;

const IGNORED_CACHE_FIELDS = new Set(['refreshed_at', 'updated_at']);

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'string' && typeof b === 'string' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(a) && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(b)) {
    return sameValue(Number(a), Number(b));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The cache equals its recomputation: read the cache, run the project's own full refresh
 * inside a transaction, read again and roll back, so the check itself changes nothing.
 */
async function cacheMismatches(client: pg.Client): Promise<{ checked: boolean; mismatches: InvariantReport['cacheMismatch'] }> {
  const { rows: exists } = await client.query<{ ok: boolean }>(
    `SELECT to_regclass('public.bin_utilization_cache') IS NOT NULL AND to_regproc('public.scheduled_refresh_bin_utilization') IS NOT NULL AS ok`,
  );
  if (!exists[0]?.ok) return { checked: false, mismatches: [] };
  const mismatches: InvariantReport['cacheMismatch'] = [];
  await client.query('BEGIN');
  try {
    const before = (await client.query('SELECT * FROM bin_utilization_cache ORDER BY location_id')).rows;
    await client.query('SELECT scheduled_refresh_bin_utilization()');
    const after = (await client.query('SELECT * FROM bin_utilization_cache ORDER BY location_id')).rows;
    const byId = new Map(after.map((row) => [String(row.location_id), row]));
    const seen = new Set<string>();
    for (const row of before) {
      const id = String(row.location_id);
      seen.add(id);
      const fresh = byId.get(id);
      if (!fresh) {
        mismatches.push({ location_id: id, field: '(row)', cached: 'present', recomputed: 'absent' });
        continue;
      }
      for (const field of Object.keys(fresh)) {
        if (IGNORED_CACHE_FIELDS.has(field) || field.startsWith('refreshed_')) continue;
        if (!sameValue(row[field], fresh[field])) mismatches.push({ location_id: id, field, cached: row[field], recomputed: fresh[field] });
      }
    }
    for (const id of byId.keys()) if (!seen.has(id)) mismatches.push({ location_id: id, field: '(row)', cached: 'absent', recomputed: 'present' });
  } finally {
    await client.query('ROLLBACK');
  }
  return { checked: true, mismatches };
}

export async function checkInvariants(url: string): Promise<InvariantReport> {
  return withClient(url, async (client) => {
    const overCapacity = (await client.query(OVER_CAPACITY_SQL)).rows;
    const lotMismatch = (await client.query(LOT_MISMATCH_SQL)).rows;
    const cache = await cacheMismatches(client);
    return { overCapacity, lotMismatch, cacheMismatch: cache.mismatches, cacheChecked: cache.checked };
  });
}

export function violationsOf(report: InvariantReport): number {
  return report.overCapacity.length + report.lotMismatch.length + report.cacheMismatch.length;
}

/**
 * Keeps the demo current. The seed writes every timestamp relative to one instant, the
 * anchor (open orders due 2–46 hours after it, 90 days of history before it). Two days
 * later no order is due soon and the "last 30 days" windows start to empty. On each
 * `npm start`, rollDemoDataForward moves every demo timestamp forward by (now − anchor) in
 * one transaction and sets the anchor to now, so the warehouse looks as if it had been
 * seeded a moment ago, spacing intact.
 *
 * Only a database with a row in demo_data_anchor is touched: the seed writes that row when
 * `npm start` seeds the demo (recordAnchor), never in production, where the table is empty.
 * Which columns move, and which stay on the real clock, is listed in ./demo-timestamps.ts.
 */
import type { ClientBase } from 'pg';
import { SHIFTED_COLUMNS, type ShiftKind } from './demo-timestamps';

const DAY_MS = 86_400_000;

/** Shorter shifts are skipped: a restart within the hour rewrites nothing. */
export const MINIMUM_SHIFT_MS = 3_600_000;

export type RollForwardOptions = {
  /** The present to roll to; defaults to the database clock. */
  now?: Date;
  log?: (message: string) => void;
};

export type RollForwardResult =
  | { rolled: true; shiftMs: number }
  | { rolled: false; reason: 'no-anchor' | 'under-an-hour' | 'not-superuser' };

/**
 * Whether this connection may move the anchor. The app's own role may not (production runs
 * `npm start` with it when DATABASE_ADMIN_URL is unset), and then there is nothing to roll.
 */
async function anchorTableWritable(client: ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ writable: boolean }>(
    `SELECT CASE WHEN to_regclass('public.demo_data_anchor') IS NULL THEN false
                 ELSE has_table_privilege(to_regclass('public.demo_data_anchor'), 'SELECT, UPDATE') END AS writable`);
  return rows[0].writable;
}

/**
 * Records the anchor of a demo the seed has just written (inside the seed's transaction), or
 * removes any earlier one when the new data should keep its dates (`null`).
 */
export async function writeDemoAnchor(client: ClientBase, anchoredAt: Date | null): Promise<void> {
  if (!(await anchorTableWritable(client))) {
    if (anchoredAt) throw new Error('Table demo_data_anchor is missing or not writable: apply the migrations and seed as a superuser.');
    return;
  }
  await client.query('DELETE FROM demo_data_anchor');
  if (anchoredAt) await client.query('INSERT INTO demo_data_anchor (anchored_at) VALUES ($1)', [anchoredAt]);
}

function shiftedValue(column: string, kind: ShiftKind): string {
  const moved = `"${column}" + $1::interval`;
  if (kind === 'schedule') return moved;
  // LEAST skips NULLs, so without the CASE an empty shipped_at would become now.
  return `CASE WHEN "${column}" IS NULL THEN NULL ELSE LEAST(${moved}, $2::timestamptz) END`;
}

function updateStatement(table: string, columns: Readonly<Record<string, ShiftKind>>): { sql: string; usesNow: boolean } {
  const entries = Object.entries(columns);
  const assignments = entries.map(([column, kind]) => `"${column}" = ${shiftedValue(column, kind)}`);
  return { sql: `UPDATE "${table}" SET ${assignments.join(', ')}`, usesNow: entries.some(([, kind]) => kind === 'event') };
}

/** The transaction's work; returns what happened so the caller commits or rolls back. */
async function shiftUnderLock(client: ClientBase, now: Date | undefined): Promise<RollForwardResult> {
  // FOR UPDATE: a second `npm start` at the same moment waits here, then finds the anchor
  // already at the present and skips. The present and the shift are computed in SQL, in
  // microseconds, and the shift is pure elapsed seconds (no calendar days to stretch or
  // shrink across a daylight-saving change of the session's time zone).
  const { rows } = await client.query<{ now: string; seconds: string; superuser: boolean }>(
    `SELECT p.now::text AS now, EXTRACT(EPOCH FROM p.now - a.anchored_at)::text AS seconds,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser
     FROM demo_data_anchor a CROSS JOIN (SELECT COALESCE($1::timestamptz, clock_timestamp()) AS now) p
     FOR UPDATE OF a`,
    [now ?? null],
  );
  const anchor = rows[0];
  if (!anchor) return { rolled: false, reason: 'no-anchor' };
  const shiftMs = Number(anchor.seconds) * 1000;
  if (!(shiftMs >= MINIMUM_SHIFT_MS)) return { rolled: false, reason: 'under-an-hour' };
  // Replica mode keeps the utilization cache's triggers quiet (its timestamps are shifted
  // below like any other) and needs a superuser, as the seed does.
  if (!anchor.superuser) return { rolled: false, reason: 'not-superuser' };
  await client.query('SET LOCAL session_replication_role = replica');
  const interval = `${anchor.seconds} seconds`;
  for (const [table, columns] of Object.entries(SHIFTED_COLUMNS)) {
    const { sql, usesNow } = updateStatement(table, columns);
    await client.query(sql, usesNow ? [interval, anchor.now] : [interval]);
  }
  await client.query('UPDATE demo_data_anchor SET anchored_at = $1::timestamptz', [anchor.now]);
  return { rolled: true, shiftMs };
}

/**
 * Moves a seeded demo's timestamps to the present. A no-op (and says why in the result)
 * without an anchor, when the anchor is less than an hour old, or on a connection that is
 * not a superuser.
 */
export async function rollDemoDataForward(client: ClientBase, options: RollForwardOptions = {}): Promise<RollForwardResult> {
  if (!(await anchorTableWritable(client))) return { rolled: false, reason: 'no-anchor' };
  await client.query('BEGIN');
  let result: RollForwardResult;
  try {
    result = await shiftUnderLock(client, options.now);
    await client.query(result.rolled ? 'COMMIT' : 'ROLLBACK');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  if (result.rolled) {
    // Every row was rewritten. VACUUM lets the next roll reuse the dead row versions (the
    // embedded PGlite has no autovacuum, so each roll would otherwise add the demo's size
    // again), and ANALYZE keeps the planner's date estimates right.
    await client.query(`VACUUM (ANALYZE) ${Object.keys(SHIFTED_COLUMNS).map((table) => `"${table}"`).join(', ')}`);
    options.log?.(`demo data rolled forward by ${(result.shiftMs / DAY_MS).toFixed(1)} days`);
  } else if (result.reason === 'not-superuser') {
    options.log?.('demo data not rolled forward: the connection is not a superuser (set DATABASE_ADMIN_URL to one)');
  }
  return result;
}

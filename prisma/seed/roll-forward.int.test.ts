/**
 * The demo roll-forward against a real PostgreSQL: a throwaway database, seeded small with an
 * anchor, given a row of every kind of app activity, then aged: every timestamp column moved
 * back 5 days, as if the demo had been seeded last week. The ageing is generic (it walks
 * information_schema), so it does not share the roll-forward's column lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, dropDatabase } from '../../scripts/lib/databases';
import { migrateUp } from '../../scripts/lib/migrations';
import { databaseUrl } from '../../test/integration/database-url';
import { seedDemoModel } from '../../lib/server/ml/seed-demo-model';
import { seedDatabase } from './index';
import { DERIVED_COLUMNS, SHIFTED_COLUMNS, UNSHIFTED_COLUMNS } from './demo-timestamps';
import { rollDemoDataForward } from './roll-forward';
import { addAppActivity } from './roll-forward-activity';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const url = databaseUrl(`binwise_roll_forward_test_${randomBytes(4).toString('hex')}`);
// A few minutes ahead of the clock, so every row the setup writes at the real time (the
// cache refresh, the activity) is older than the anchor, as the seed's own rows are.
const seededAt = new Date(Date.now() + 10 * 60_000);
let client: pg.Client;

type Column = { table: string; column: string };
type Stats = Map<string, { rows: number; sumMicros: bigint }>;

async function timestampColumns(): Promise<Column[]> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
       AND data_type IN ('timestamp with time zone', 'timestamp without time zone', 'date')
     ORDER BY 1, 2`);
  return rows.map((r) => ({ table: r.table_name, column: r.column_name }));
}

/** Per timestamp column: how many values, and their sum in microseconds (exact). */
async function stats(): Promise<Stats> {
  const result: Stats = new Map();
  for (const { table, column } of await timestampColumns()) {
    const { rows } = await client.query<{ n: number; sum: string }>(
      `SELECT COUNT("${column}")::int AS n, COALESCE(SUM((EXTRACT(EPOCH FROM "${column}") * 1000000)::bigint), 0)::text AS sum FROM "${table}"`);
    result.set(`${table}.${column}`, { rows: rows[0].n, sumMicros: BigInt(rows[0].sum) });
  }
  return result;
}

/** Moves every timestamp of the database by `ms`, the anchor included. */
async function age(ms: number): Promise<void> {
  const byTable = new Map<string, string[]>();
  for (const { table, column } of await timestampColumns()) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  await client.query('BEGIN');
  await client.query('SET LOCAL session_replication_role = replica');
  for (const [table, columns] of byTable) {
    await client.query(`UPDATE "${table}" SET ${columns.map((c) => `"${c}" = "${c}" + $1::interval`).join(', ')}`, [`${ms / 1000} seconds`]);
  }
  await client.query('COMMIT');
}

/** The anchor in microseconds since the epoch (a Date would drop the microseconds). */
async function anchorMicros(): Promise<bigint | null> {
  const { rows } = await client.query<{ micros: string }>('SELECT (EXTRACT(EPOCH FROM anchored_at) * 1000000)::bigint::text AS micros FROM demo_data_anchor');
  return rows[0] ? BigInt(rows[0].micros) : null;
}

/** Open orders' due times, as microseconds after the anchor, in due order. */
async function openOrderOffsets(): Promise<number[]> {
  const { rows } = await client.query<{ offset: string }>(
    `SELECT (EXTRACT(EPOCH FROM o.due_at - a.anchored_at) * 1000000)::bigint::text AS offset
     FROM sales_orders o CROSS JOIN demo_data_anchor a WHERE o.status = 'OPEN' ORDER BY o.due_at, o.order_number`);
  return rows.map((r) => Number(r.offset));
}

const moving = new Set([
  ...Object.entries(SHIFTED_COLUMNS).flatMap(([table, columns]) => Object.keys(columns).map((column) => `${table}.${column}`)),
  ...Object.keys(DERIVED_COLUMNS),
]);

let seeded: Stats;
let seededOffsets: number[];

beforeAll(async () => {
  await createDatabase(url);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await migrateUp(client);
  await seedDatabase({ connectionString: url, seed: 42, locations: 300, now: seededAt, recordAnchor: true });
  await seedDemoModel(url, { decisionsPerTenant: 600, now: seededAt });
  await addAppActivity(client, seededAt);
  seeded = await stats();
  seededOffsets = await openOrderOffsets();
  await age(-5 * DAY);
});

afterAll(async () => {
  await client?.end();
  await dropDatabase(url);
});

describe('rolling the demo forward', () => {
  it('places every timestamp column of the database in exactly one list, and every listed column exists', async () => {
    const actual = (await timestampColumns()).map((c) => `${c.table}.${c.column}`).sort();
    const listed = [...moving, ...Object.keys(UNSHIFTED_COLUMNS)];
    expect(listed.length).toBe(new Set(listed).size);
    expect(listed.sort()).toEqual(actual);
  });

  it('the test data has values in every column it checks, so no check passes on an empty column', () => {
    const empty = [...seeded].filter(([, s]) => s.rows === 0).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('moves every demo timestamp forward by the time since the anchor, and the anchor to now', async () => {
    const aged = await stats();
    const agedAnchor = (await anchorMicros())!;
    const result = await rollDemoDataForward(client);
    expect(result.rolled).toBe(true);
    const shiftMicros = BigInt(Math.round((result as { shiftMs: number }).shiftMs * 1000));
    expect((await anchorMicros())! - agedAnchor).toBe(shiftMicros);
    const { rows: [clock] } = await client.query<{ lag_ms: number }>(`SELECT EXTRACT(EPOCH FROM now() - anchored_at)::float8 * 1000 AS lag_ms FROM demo_data_anchor`);
    expect(Math.abs(clock.lag_ms)).toBeLessThan(HOUR);
    const after = await stats();
    for (const [key, before] of aged) {
      if (key === 'demo_data_anchor.anchored_at') continue;
      const now = after.get(key)!;
      expect({ key, rows: now.rows }).toEqual({ key, rows: before.rows });
      const expected = moving.has(key) ? before.sumMicros + shiftMicros * BigInt(before.rows) : before.sumMicros;
      expect({ key, sumMicros: now.sumMicros }).toEqual({ key, sumMicros: expected });
    }
  });

  it('open orders are again due within the next 46 hours, with the same spacing as at seed time', async () => {
    const offsets = await openOrderOffsets();
    expect(offsets).toEqual(seededOffsets);
    const crossDock = offsets.filter((micros) => micros <= 46 * HOUR * 1000);
    expect(crossDock.length).toBeGreaterThan(0);
    for (const micros of crossDock) expect(micros).toBeGreaterThanOrEqual(2 * HOUR * 1000);
  });

  it('has cross-dock candidates again: open orders due within the next 24 hours', async () => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM sales_orders WHERE status = 'OPEN' AND due_at > now() AND due_at <= now() + interval '24 hours'`);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('ends the history at about now: the last pick and the last shipment are hours old, not days', async () => {
    const { rows } = await client.query<{ last_move: Date; last_ship: Date; now: Date }>(
      `SELECT (SELECT MAX(created_at) FROM inventory_transactions) AS last_move, (SELECT MAX(shipped_at) FROM sales_orders) AS last_ship, now() AS now`);
    for (const at of [rows[0].last_move, rows[0].last_ship]) {
      expect(at.getTime()).toBeLessThanOrEqual(rows[0].now.getTime());
      expect(at.getTime()).toBeGreaterThan(rows[0].now.getTime() - DAY);
    }
  });

  it('changes nothing when run a second time', async () => {
    const before = await stats();
    expect(await rollDemoDataForward(client)).toEqual({ rolled: false, reason: 'under-an-hour' });
    expect(await stats()).toEqual(before);
  });

  it('shifts once when two starts roll the same database at the same moment', async () => {
    await age(-5 * DAY);
    const before = await stats();
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    const results = await Promise.all([rollDemoDataForward(client), rollDemoDataForward(other)]).finally(() => other.end());
    expect(results.filter((r) => r.rolled)).toHaveLength(1);
    expect(results.filter((r) => !r.rolled)).toEqual([{ rolled: false, reason: 'under-an-hour' }]);
    const shiftMicros = BigInt(Math.round((results.find((r) => r.rolled) as { shiftMs: number }).shiftMs * 1000));
    const after = await stats();
    for (const key of moving) expect({ key, sum: after.get(key)!.sumMicros }).toEqual({ key, sum: before.get(key)!.sumMicros + shiftMicros * BigInt(before.get(key)!.rows) });
  });

  it('never moves a row the app wrote after the anchor into the future', async () => {
    await age(-3 * DAY);
    const agedAnchor = new Date(Number((await anchorMicros())! / 1000n));
    const yesterday = new Date(agedAnchor.getTime() + 2 * DAY);
    const tenant = (await client.query<{ tenant_id: string }>(`SELECT tenant_id FROM tenants WHERE code = 'acme-print'`)).rows[0].tenant_id;
    const { rows } = await client.query<{ audit_event_id: string }>(
      `INSERT INTO audit_events (tenant_id, action, created_at) VALUES ($1, 'after-anchor', $2) RETURNING audit_event_id`, [tenant, yesterday]);
    const rollTo = new Date(agedAnchor.getTime() + 3 * DAY);
    const result = await rollDemoDataForward(client, { now: rollTo });
    expect(result.rolled).toBe(true);
    const { rows: [event] } = await client.query<{ created_at: Date }>('SELECT created_at FROM audit_events WHERE audit_event_id = $1', [rows[0].audit_event_id]);
    expect(event.created_at).toEqual(rollTo);
    await client.query('DELETE FROM audit_events WHERE audit_event_id = $1', [rows[0].audit_event_id]);
  });

  it("does nothing on the app's own role, which may not read the anchor", async () => {
    await age(-5 * DAY);
    const before = await stats();
    await client.query('SET ROLE binwise_app');
    const result = await rollDemoDataForward(client).finally(() => client.query('RESET ROLE'));
    expect(result).toEqual({ rolled: false, reason: 'no-anchor' });
    expect(await stats()).toEqual(before);
  });

  it('leaves a database without the demo anchor untouched', async () => {
    await client.query('DELETE FROM demo_data_anchor');
    await age(-5 * DAY);
    const before = await stats();
    expect(await rollDemoDataForward(client)).toEqual({ rolled: false, reason: 'no-anchor' });
    expect(await stats()).toEqual(before);
  });
});

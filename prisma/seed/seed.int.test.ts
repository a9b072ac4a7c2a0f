/**
 * The seed against a real PostgreSQL: a throwaway database on 127.0.0.1:5432 (or the server
 * of TEST_DATABASE_SERVER_URL / DATABASE_URL), migrated, seeded with 300 locations, audited
 * with the runbook's queries, re-seeded with --reset and compared, then dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import bcrypt from 'bcryptjs';
import { createDatabase, dropDatabase } from '../../scripts/lib/databases';
import { migrateUp } from '../../scripts/lib/migrations';
import { databaseUrl } from '../../test/integration/database-url';
import { DEMO_USERS, SEEDED_DEFECTS, SEEDED_DEFECT_TOTALS, seedDatabase, type SeedSummary } from './index';

const name = `binwise_seed_test_${randomBytes(4).toString('hex')}`;
const url = databaseUrl(name);
const args = { connectionString: url, seed: 42, locations: 300, now: '2026-11-29T00:00:00Z' };
let client: pg.Client;
let first: SeedSummary;

async function count(sql: string): Promise<number> {
  const { rows } = await client.query<{ count: string }>(sql);
  return Number(rows[0].count);
}

async function snapshot() {
  const q = async (sql: string) => (await client.query(sql)).rows;
  return {
    locations: await q('SELECT t.code AS tenant, location_code, x_feet, y_feet, cubic_feet, is_active FROM inventory_locations JOIN tenants t USING (tenant_id) ORDER BY 1, 2'),
    materials: await q('SELECT t.code AS tenant, sku, width_inches, height_inches, abc_classification FROM materials JOIN tenants t USING (tenant_id) ORDER BY 1, 2'),
    lots: await q('SELECT lot_id, lot_number, quantity_on_hand, received_at FROM lots ORDER BY lot_id'),
    counts: await q(`SELECT (SELECT count(*) FROM inventory_transactions) AS tx, (SELECT count(*) FROM sales_orders) AS orders,
      (SELECT count(*) FROM sales_order_lines) AS lines, (SELECT count(*) FROM pick_tasks) AS tasks, (SELECT sum(quantity) FROM inventory_transactions) AS units`),
  };
}

beforeAll(async () => {
  await createDatabase(url);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await migrateUp(client);
  first = await seedDatabase(args);
});

afterAll(async () => {
  await client?.end();
  await dropDatabase(url);
});

describe('seeding a real database', () => {
  it("the runbook's three audit queries return exactly the seeded defect counts", async () => {
    expect(await count('SELECT COUNT(*) FROM materials WHERE width_inches IS NULL OR height_inches IS NULL')).toBe(SEEDED_DEFECT_TOTALS.missingDimensions);
    expect(await count('SELECT COUNT(*) FROM materials WHERE abc_classification IS NULL')).toBe(SEEDED_DEFECT_TOTALS.missingAbc);
    expect(await count('SELECT COUNT(*) FROM inventory_locations WHERE cubic_feet <= 0 OR max_weight_lbs <= 0')).toBe(SEEDED_DEFECT_TOTALS.invalidCapacity);
    expect(await count('SELECT COUNT(*) FROM lots WHERE quantity_on_hand < 0')).toBe(SEEDED_DEFECT_TOTALS.negativeStock);
    const acme = first.tenants.find((t) => t.code === 'acme-print')!.tenantId;
    expect(await count(`SELECT COUNT(*) FROM materials WHERE abc_classification IS NULL AND tenant_id = '${acme}'`)).toBe(SEEDED_DEFECTS['acme-print'].missingAbc);
  });

  it("every lot's quantity on hand equals the sum of its transactions", async () => {
    expect(await count(`SELECT COUNT(*) FROM lots l
      LEFT JOIN (SELECT lot_id, SUM(quantity) AS total FROM inventory_transactions GROUP BY lot_id) x USING (lot_id)
      WHERE x.total IS DISTINCT FROM l.quantity_on_hand`)).toBe(0);
    expect(await count('SELECT COUNT(*) FROM inventory_transactions x WHERE NOT EXISTS (SELECT 1 FROM lots l WHERE l.lot_id = x.lot_id)')).toBe(0);
  });

  it('creates two tenants with a demo user for each role, whose password is binwise-demo', async () => {
    const { rows } = await client.query<{ code: string; n: string }>('SELECT t.code, COUNT(u.*) AS n FROM tenants t JOIN users u USING (tenant_id) GROUP BY 1 ORDER BY 1');
    expect(rows).toEqual([{ code: 'acme-print', n: '4' }, { code: 'northwind-press', n: '4' }]);
    const users = (await client.query<{ email: string; role: string; password_hash: string }>('SELECT email, role, password_hash FROM users')).rows;
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    for (const u of users) expect(u.role).toBe(DEMO_USERS.find((d) => d.email === u.email)!.role);
    expect(await bcrypt.compare('binwise-demo', users[0].password_hash)).toBe(true);
  });

  it('no bin is over its volume or weight capacity, and the broken bins hold nothing', async () => {
    expect(await count(`SELECT COUNT(*) FROM (
        SELECT il.location_id FROM inventory_locations il JOIN lots l ON l.location_id = il.location_id JOIN materials m ON m.material_id = l.material_id
        WHERE il.cubic_feet > 0 AND il.max_weight_lbs > 0
        GROUP BY il.location_id, il.cubic_feet, il.max_weight_lbs
        HAVING SUM(l.quantity_on_hand * m.width_inches * m.height_inches * m.length_inches / 1728.0) > il.cubic_feet + 1e-6
            OR SUM(l.quantity_on_hand * m.weight_lbs) > il.max_weight_lbs + 1e-6) over`)).toBe(0);
    expect(await count(`SELECT COUNT(*) FROM lots l JOIN inventory_locations il USING (location_id) WHERE il.cubic_feet <= 0 OR il.max_weight_lbs <= 0 OR NOT il.is_active`)).toBe(0);
  });

  it('has open orders due within 24 hours of the anchor and open pick tasks', async () => {
    expect(await count(`SELECT COUNT(*) FROM sales_orders WHERE status = 'OPEN' AND due_at BETWEEN '2026-11-29T00:00:00Z' AND '2026-11-30T00:00:00Z'`)).toBeGreaterThan(0);
    expect(await count(`SELECT COUNT(*) FROM pick_tasks WHERE status = 'OPEN'`)).toBe(first.tenants.reduce((s, t) => s + t.openPickTasks, 0));
  });

  it('refuses to seed a database that already holds data unless asked to reset', async () => {
    await expect(seedDatabase(args)).rejects.toThrow(/--reset/);
  });

  it('the same seed and arguments reproduce identical data after --reset', async () => {
    const before = await snapshot();
    const second = await seedDatabase({ ...args, reset: true });
    expect(second.tenants).toEqual(first.tenants);
    const after = await snapshot();
    expect(after.locations).toEqual(before.locations);
    expect(after.materials).toEqual(before.materials);
    expect(after.lots).toEqual(before.lots);
    expect(after.counts).toEqual(before.counts);
  });
});

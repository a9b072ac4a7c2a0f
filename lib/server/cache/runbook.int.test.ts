// The runbook's post-deployment, troubleshooting and rollback SQL, verbatim, against the
// migrated and seeded test database.
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { cacheAvailability } from './cache-availability';
import { findLocationFill } from './find-location-fill';
import { cacheRows, diffRows, recomputedRows } from './recompute.int-helpers';

// ---- The runbook's SQL, unchanged (docs/runbook: Post-Deployment Verification §2, Troubleshooting, Rollback). ----
const VERIFY_TRIGGERS = `SELECT tgname, tgrelid::regclass, tgenabled
FROM pg_trigger
WHERE tgname LIKE '%bin_utilization%';`;
const TEST_TRIGGER = `UPDATE lots SET quantity_on_hand = quantity_on_hand + 1 WHERE lot_id = (SELECT lot_id FROM lots LIMIT 1);`;
const CHECK_CACHE_REFRESH = `SELECT * FROM cache_refresh_status WHERE cache_name = 'bin_utilization_cache' ORDER BY last_refresh_time DESC LIMIT 1;`;
const CHECK_CACHE_STATUS = `SELECT * FROM cache_refresh_status ORDER BY last_refresh_time DESC LIMIT 1;`;
const CHECK_PG_CRON_JOBS = `SELECT * FROM cron.job WHERE jobname = 'refresh_bin_util';`;
const CHECK_TRIGGER_STATUS = `SELECT tgname, tgenabled FROM pg_trigger WHERE tgname LIKE '%bin_utilization%';`;
const MANUAL_REFRESH = `SELECT scheduled_refresh_bin_utilization();`;
const CHECK_ERRORS = `SELECT * FROM cache_refresh_status WHERE error_message IS NOT NULL;`;
const REENABLE_TRIGGER = `ALTER TABLE lots ENABLE TRIGGER refresh_bin_utilization_on_lot_change;`;
const ROLLBACK_BLOCK = [
  'ALTER TABLE lots DISABLE TRIGGER refresh_bin_utilization_on_lot_change;',
  'ALTER TABLE inventory_transactions DISABLE TRIGGER refresh_bin_utilization_on_transaction;',
  "SELECT cron.unschedule('refresh_bin_util');",
  'DROP FUNCTION IF EXISTS refresh_bin_utilization_for_location(uuid);',
  'DROP FUNCTION IF EXISTS scheduled_refresh_bin_utilization();',
  'DROP TABLE IF EXISTS cache_refresh_status;',
];
const CRON_UNSCHEDULE = "SELECT cron.unschedule('refresh_bin_util');";

let client: pg.Client;
let hasPgCron = false;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  hasPgCron = (await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_cron'`)).rowCount === 1;
});

afterAll(async () => {
  await client.end();
});

describe('runbook: database trigger verification', () => {
  it('lists exactly the two runbook triggers, enabled (O)', async () => {
    const { rows } = await client.query(VERIFY_TRIGGERS);
    const found = rows.map((r) => `${r.tgname}|${r.tgrelid}|${r.tgenabled}`).sort();
    expect(found).toEqual([
      'refresh_bin_utilization_on_lot_change|lots|O',
      'refresh_bin_utilization_on_transaction|inventory_transactions|O',
    ]);
  });

  it('refreshes cache_refresh_status within 5 seconds of the test UPDATE', async () => {
    // The stamp is throttled to once a second: wait past it so this UPDATE is the one recorded.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const before = Date.now();
    const target = (await client.query('SELECT lot_id FROM lots LIMIT 1')).rows[0].lot_id as string;
    const update = await client.query(TEST_TRIGGER);
    expect(update.rowCount).toBe(1);
    // Undo the +1 (through the same trigger) so later test files see the seeded stock.
    await client.query('UPDATE lots SET quantity_on_hand = quantity_on_hand - 1 WHERE lot_id = $1', [target]);
    const { rows } = await client.query(CHECK_CACHE_REFRESH);
    expect(rows).toHaveLength(1);
    const { rows: now } = await client.query('SELECT now() AS now');
    const age = (now[0].now as Date).getTime() - (rows[0].last_refresh_time as Date).getTime();
    expect(age).toBeLessThan(5_000);
    expect((rows[0].last_refresh_time as Date).getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(rows[0].error_message).toBeNull();
  });

  it('updates the bin of a changed lot to match a from-scratch recomputation', async () => {
    const sql = `UPDATE lots SET quantity_on_hand = quantity_on_hand + $1
      WHERE lot_id = (SELECT lot_id FROM lots WHERE location_id IS NOT NULL AND quantity_on_hand > 0 ORDER BY lot_id LIMIT 1)`;
    await client.query(sql, [3]);
    expect(diffRows(await cacheRows(client), await recomputedRows(client))).toEqual([]);
    await client.query(sql, [-3]);
  });
});

describe('runbook: troubleshooting "cache not refreshing"', () => {
  it('runs the diagnosis queries', async () => {
    expect((await client.query(CHECK_CACHE_STATUS)).rows[0].cache_name).toBe('bin_utilization_cache');
    expect((await client.query(CHECK_TRIGGER_STATUS)).rows).toHaveLength(2);
    // pg_cron is optional: without the extension the in-app scheduler runs the refresh (docs/cache.md).
    if (hasPgCron) expect((await client.query(CHECK_PG_CRON_JOBS)).rows).toHaveLength(1);
  });

  it('rebuilds everything with the manual refresh and records a FULL refresh without error', async () => {
    const { rows } = await client.query(MANUAL_REFRESH);
    const total = Number((await client.query('SELECT COUNT(*) AS n FROM inventory_locations')).rows[0].n);
    expect(rows[0].scheduled_refresh_bin_utilization).toBe(total);
    const status = (await client.query(CHECK_CACHE_REFRESH)).rows[0];
    expect(status.refresh_kind).toBe('FULL');
    expect(status.row_count).toBe(total);
    expect((await client.query(CHECK_ERRORS)).rows).toEqual([]);
    expect(diffRows(await cacheRows(client), await recomputedRows(client))).toEqual([]);
  });

  it('re-enables the lot trigger', async () => {
    await client.query(REENABLE_TRIGGER);
    const { rows } = await client.query(CHECK_TRIGGER_STATUS);
    expect(rows.every((r) => r.tgenabled === 'O')).toBe(true);
  });
});

describe('runbook: database rollback', () => {
  it('runs the rollback block, after which writes still succeed and reads fall back to live queries', async () => {
    const url = inject('databaseUrl');
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    const tenant = (await client.query(`SELECT tenant_id FROM tenants WHERE code = 'acme-print'`)).rows[0].tenant_id as string;
    const expected = (await client.query(
      `SELECT location_id, used_cubic_feet FROM bin_utilization_cache WHERE tenant_id = $1 AND lot_count > 0 ORDER BY location_id LIMIT 20`,
      [tenant],
    )).rows as { location_id: string; used_cubic_feet: number }[];
    const rolledBack = new Error('rolled back on purpose');
    try {
      // One transaction that is rolled back, so the other test files keep the cache.
      await prisma.$transaction(async (tx) => {
        for (const statement of ROLLBACK_BLOCK) {
          // `SELECT cron.unschedule(...)` needs pg_cron; without it the statement is skipped (docs/cache.md).
          if (statement === CRON_UNSCHEDULE && !hasPgCron) continue;
          await tx.$executeRawUnsafe(statement);
        }
        // The app's writes keep working: lots, ledger, bins and materials (helper triggers stand down).
        await tx.$executeRawUnsafe(`UPDATE lots SET quantity_on_hand = quantity_on_hand + 0 WHERE lot_id = (SELECT lot_id FROM lots WHERE location_id IS NOT NULL LIMIT 1)`);
        await tx.$executeRawUnsafe(`INSERT INTO inventory_transactions (tenant_id, transaction_type, material_id, quantity, to_location_id)
          SELECT tenant_id, 'ADJUST', material_id, 0, location_id FROM lots WHERE location_id IS NOT NULL LIMIT 1`);
        await tx.$executeRawUnsafe(`UPDATE inventory_locations SET cubic_feet = cubic_feet WHERE location_id = (SELECT location_id FROM inventory_locations LIMIT 1)`);
        await tx.$executeRawUnsafe(`DELETE FROM lots WHERE lot_id = (SELECT lot_id FROM lots WHERE location_id IS NULL LIMIT 1)`);

        // Reads, as the app role of one tenant, detect the rollback and compute live.
        await tx.$executeRaw`SELECT set_config('app.current_tenant', ${tenant}, true)`;
        await tx.$executeRawUnsafe('SET LOCAL ROLE binwise_app');
        const availability = await cacheAvailability(tx);
        expect(availability.usable).toBe(false);
        expect(availability.statusTableExists).toBe(false);
        const live = await findLocationFill(tx, expected.map((e) => e.location_id));
        expect(live).toHaveLength(expected.length);
        const byId = new Map(live.map((f) => [f.locationId, f.usedCubicFeet]));
        for (const e of expected) expect(byId.get(e.location_id)).toBeCloseTo(Number(e.used_cubic_feet), 6);
        throw rolledBack;
      });
    } catch (error) {
      if (error !== rolledBack) throw error;
    } finally {
      await prisma.$disconnect();
    }
    // Nothing of the rollback stuck.
    expect((await client.query(VERIFY_TRIGGERS)).rows.every((r) => r.tgenabled === 'O')).toBe(true);
    expect((await client.query(`SELECT to_regclass('cache_refresh_status') IS NOT NULL AS ok`)).rows[0].ok).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { contextFor } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { getCacheStatus } from './get-cache-status';
import { findLocationFill } from './find-location-fill';
import { refreshCacheNow } from './refresh-cache-now';
import { withTenant } from '../db';

let client: pg.Client;
let ops: AuthContext;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  ops = await contextFor('ops@acme.test');
  // Start each run outside the manual-refresh cooldown.
  await client.query(`UPDATE cache_refresh_log SET refreshed_at = refreshed_at - interval '1 minute'`);
});

afterAll(async () => {
  await client.end();
});

describe('cache health', () => {
  it('reports a healthy cache with its age, last refresh and the in-app scheduler', async () => {
    const status = await getCacheStatus(ops);
    expect(status.availability.usable).toBe(true);
    expect(status.health).toBe('HEALTHY');
    expect(status.last?.errorMessage).toBeNull();
    expect(status.ageSeconds).toBeGreaterThanOrEqual(0);
    const acmeBins = Number((await client.query(
      `SELECT COUNT(*) AS n FROM inventory_locations l JOIN tenants t ON t.tenant_id = l.tenant_id WHERE t.code = 'acme-print'`)).rows[0].n);
    expect(status.tenantRows).toBe(acmeBins);
    expect(status.scheduler.mode).toBe('in-app');
  });

  it('refreshes on demand, records an audit event, and refuses a second click within the cooldown', async () => {
    const result = await refreshCacheNow(ops);
    expect(result.rows).toBeGreaterThan(0);
    const audit = await client.query(`SELECT * FROM audit_events WHERE action = 'cache.refresh' AND actor_id = $1`, [ops.userId]);
    expect(audit.rowCount).toBeGreaterThanOrEqual(1);
    await expect(refreshCacheNow(ops)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect((await getCacheStatus(ops)).history[0]).toMatchObject({ kind: 'FULL', errorMessage: null });
  });

  it('refuses a SUPERVISOR the cache page and the refresh', async () => {
    const supervisor = await contextFor('supervisor@acme.test');
    await expect(getCacheStatus(supervisor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(refreshCacheNow(supervisor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('findLocationFill', () => {
  it("returns the tenant's bins only, with SKUs and lots from the cache", async () => {
    const fills = await withTenant(ops.tenantId, (tx) => findLocationFill(tx));
    const own = Number((await client.query(`SELECT COUNT(*) AS n FROM inventory_locations WHERE tenant_id = $1`, [ops.tenantId])).rows[0].n);
    expect(fills).toHaveLength(own);
    const occupied = fills.find((f) => f.lots.length > 0);
    expect(occupied?.skus.length).toBeGreaterThan(0);
    expect(occupied?.usedCubicFeet).toBeGreaterThanOrEqual(0);
  });

  it('returns nothing for an empty id list and only the asked ids otherwise', async () => {
    const ids = (await client.query(`SELECT location_id FROM inventory_locations WHERE tenant_id = $1 LIMIT 3`, [ops.tenantId])).rows.map((r) => r.location_id);
    expect(await withTenant(ops.tenantId, (tx) => findLocationFill(tx, []))).toEqual([]);
    const some = await withTenant(ops.tenantId, (tx) => findLocationFill(tx, ids));
    expect(some.map((f) => f.locationId).sort()).toEqual([...ids].sort());
  });
});

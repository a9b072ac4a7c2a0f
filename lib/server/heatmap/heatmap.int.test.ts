import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { contextFor } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { getBinDetail } from './get-bin-detail';
import { findUtilizationTrend } from './find-utilization-trend';
import { getHeatmap } from './get-heatmap';

let client: pg.Client;
let manager: AuthContext;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  manager = await contextFor('manager@acme.test');
});

afterAll(async () => {
  await client.end();
});

describe('getHeatmap', () => {
  it('returns every active bin of the tenant from the cache, as aligned column arrays', async () => {
    const payload = await getHeatmap(manager);
    const active = Number((await client.query(`SELECT COUNT(*) AS n FROM inventory_locations WHERE tenant_id = $1 AND is_active`, [manager.tenantId])).rows[0].n);
    expect(payload.source).toBe('cache');
    const n = payload.bins.code.length;
    expect(n).toBe(active);
    for (const column of [payload.bins.zone, payload.bins.aisle, payload.bins.bay, payload.bins.level, payload.bins.fill, payload.bins.weight, payload.bins.skus, payload.bins.lastMove]) {
      expect(column).toHaveLength(n);
    }
    expect(payload.bins.status).toHaveLength(n);
    expect(payload.bins.abc).toHaveLength(n);
    expect(payload.bins.status).toMatch(/^[UOVI]+$/);
    // The seeded invalid-capacity bins that are active show as I with fill -1.
    const i = payload.bins.status.indexOf('I');
    if (i >= 0) expect(payload.bins.fill[i]).toBe(-1);
  });

  it('shows a lot change in the next payload', async () => {
    const before = await getHeatmap(manager);
    const { rows } = await client.query(
      `SELECT l.location_code FROM lots lot JOIN inventory_locations l ON l.location_id = lot.location_id
       JOIN materials m ON m.material_id = lot.material_id
       WHERE lot.tenant_id = $1 AND l.is_active AND l.cubic_feet > 0 AND lot.quantity_on_hand > 0 AND m.length_inches IS NOT NULL AND m.width_inches IS NOT NULL AND m.height_inches IS NOT NULL
       ORDER BY l.location_code LIMIT 1`, [manager.tenantId]);
    const code = rows[0].location_code as string;
    const { rows: changed } = await client.query(`UPDATE lots SET quantity_on_hand = quantity_on_hand + 5 WHERE lot_id = (
      SELECT lot.lot_id FROM lots lot JOIN inventory_locations l ON l.location_id = lot.location_id WHERE l.location_code = $1 AND lot.tenant_id = $2 AND lot.quantity_on_hand > 0 LIMIT 1)
      RETURNING lot_id`, [code, manager.tenantId]);
    try {
      const after = await getHeatmap(manager);
      const i = after.bins.code.indexOf(code);
      expect(after.bins.fill[i]).toBeGreaterThan(before.bins.fill[before.bins.code.indexOf(code)]);
    } finally {
      // Put the stock back so later test files see the seeded quantities.
      await client.query('UPDATE lots SET quantity_on_hand = quantity_on_hand - 5 WHERE lot_id = $1', [changed[0].lot_id]);
    }
  });

  it('refuses an OPS user with FORBIDDEN', async () => {
    await expect(getHeatmap(await contextFor('ops@acme.test'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('getBinDetail', () => {
  it('lists the lots and recent movements of a bin', async () => {
    const { rows } = await client.query(
      `SELECT l.location_code FROM inventory_locations l JOIN lots lot ON lot.location_id = l.location_id
       WHERE l.tenant_id = $1 AND lot.quantity_on_hand > 0 ORDER BY l.location_code LIMIT 1`, [manager.tenantId]);
    const detail = await getBinDetail(manager, { code: rows[0].location_code });
    expect(detail.lots.length).toBeGreaterThan(0);
    expect(detail.transactions.length).toBeGreaterThan(0);
    expect(['UNDER', 'OPTIMAL', 'OVER', 'INVALID']).toContain(detail.status);
  });

  it("answers NOT_FOUND for another tenant's bin and BAD_USER_INPUT for a malformed code", async () => {
    const { rows } = await client.query(`SELECT location_code FROM inventory_locations WHERE tenant_id <> $1 LIMIT 1`, [manager.tenantId]);
    const ownCodes = await client.query(`SELECT 1 FROM inventory_locations WHERE tenant_id = $1 AND location_code = $2`, [manager.tenantId, rows[0].location_code]);
    if (ownCodes.rowCount === 0) await expect(getBinDetail(manager, { code: rows[0].location_code })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getBinDetail(manager, { code: "x'; DROP TABLE lots;--" })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('findUtilizationTrend', () => {
  it('returns one point per day for the last 30 days, ending today', async () => {
    const trend = await findUtilizationTrend(manager, {});
    expect(trend).toHaveLength(30);
    expect(trend.at(-1)?.day).toBe(new Date().toISOString().slice(0, 10));
    expect(trend.every((p) => p.fillPct >= 0 && p.fillPct <= 200)).toBe(true);
    expect(trend.some((p) => p.movements > 0)).toBe(true);
  });
});

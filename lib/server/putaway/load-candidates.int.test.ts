import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { loadCandidateLocations, OTHER_SKUS } from './load-candidates';
import type { LocationWithFill } from './load-putaway-inputs';
import { arrangeContendedBin, cleanUpPutawayTestData } from './putaway-test-fixtures';

let acme: AuthContext;
/** SKUs and lots held in the demo warehouse's bins: a receipt of them makes bins relevant. */
let relevant: { skus: string[]; lotNumbers: string[]; hazardClasses: string[] };
const startedAt = new Date();

beforeAll(async () => {
  acme = await contextFor('supervisor@acme.test');
  relevant = await withAdminClient(async (client) => {
    const skus = await client.query<{ sku: string }>(
      `SELECT DISTINCT m.sku FROM lots l JOIN materials m ON m.material_id = l.material_id
       WHERE l.tenant_id = $1 AND l.quantity_on_hand > 0 ORDER BY m.sku LIMIT 12`,
      [acme.tenantId],
    );
    const lots = await client.query<{ lot_number: string }>(
      `SELECT lot_number FROM lots WHERE tenant_id = $1 AND quantity_on_hand > 0 ORDER BY lot_number LIMIT 3`,
      [acme.tenantId],
    );
    return { skus: skus.rows.map((r) => r.sku), lotNumbers: [...lots.rows.map((r) => r.lot_number), 'NO-SUCH-LOT'], hazardClasses: ['3'] };
  });
});

afterAll(async () => {
  await withAdminClient((client) => cleanUpPutawayTestData(client, startedAt));
});

/** The engine's input, copied out of the shared bin objects. */
async function candidateBins(): Promise<{ bins: LocationWithFill[]; excluded: { inactive: number; invalidCapacity: number } }> {
  return withTenant(acme.tenantId, async (tx) => {
    const candidates = await loadCandidateLocations(tx, acme.tenantId, relevant);
    const bins = candidates.materialize().map((l) => ({ ...l, skus: [...l.skus], lots: [...l.lots], allowedHazardClasses: [...(l.allowedHazardClasses ?? [])] }));
    return { bins, excluded: candidates.excluded };
  });
}

async function withCacheRolledBack<T>(fn: () => Promise<T>): Promise<T> {
  await withAdminClient((client) => client.query('ALTER TABLE lots DISABLE TRIGGER refresh_bin_utilization_on_lot_change'));
  try {
    return await fn();
  } finally {
    await withAdminClient((client) => client.query('ALTER TABLE lots ENABLE TRIGGER refresh_bin_utilization_on_lot_change'));
  }
}

describe('loadCandidateLocations', () => {
  it('gives every bin, from the compact cache query, the fill the live path computes from lots, with SKU and lot lists wherever the receipt needs them', async () => {
    const cached = await candidateBins();
    const live = await withCacheRolledBack(candidateBins);
    expect(cached.excluded).toEqual(live.excluded);
    expect(cached.bins.map((b) => b.id)).toEqual(live.bins.map((b) => b.id));
    const receiptSkus = new Set(relevant.skus);
    const receiptLots = new Set(relevant.lotNumbers);
    let withRelevantSkus = 0;
    let withRelevantLots = 0;
    cached.bins.forEach((bin, i) => {
      const truth = live.bins[i]!;
      const { usedCubicFeet, usedWeightLbs, skus, lots, ...master } = bin;
      const { usedCubicFeet: liveCf, usedWeightLbs: liveLbs, skus: liveSkus, lots: liveLots, ...liveMaster } = truth;
      expect(master).toEqual(liveMaster);
      expect(usedCubicFeet).toBeCloseTo(liveCf, 9);
      expect(usedWeightLbs).toBeCloseTo(liveLbs, 9);
      if (liveSkus.some((s) => receiptSkus.has(s))) {
        withRelevantSkus++;
        expect(skus).toEqual(liveSkus);
      } else {
        expect(skus).toEqual(liveSkus.length ? [OTHER_SKUS] : []);
      }
      if (liveLots.some((l) => receiptLots.has(l))) {
        withRelevantLots++;
        expect(lots).toEqual(liveLots);
      } else {
        expect(lots).toEqual([]);
      }
    });
    // The comparison must have covered bins of both kinds.
    expect(withRelevantSkus).toBeGreaterThan(0);
    expect(withRelevantLots).toBeGreaterThan(0);
    expect(cached.bins.length - withRelevantSkus).toBeGreaterThan(0);
  });

  it('sees a bin added, changed or removed since the previous call (the per-process bin master is revalidated on every call)', async () => {
    await candidateBins(); // the master is now cached in this process
    const added = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 1, n: 0 }));
    const withBin = await candidateBins();
    expect(withBin.bins.find((b) => b.id === added.locationId)).toMatchObject({ code: added.locationCode, cubicFeet: added.capacityCubicFeet });

    await withAdminClient((client) => client.query(`UPDATE inventory_locations SET cubic_feet = cubic_feet * 2 WHERE location_id = $1`, [added.locationId]));
    const changed = await candidateBins();
    expect(changed.bins.find((b) => b.id === added.locationId)?.cubicFeet).toBeCloseTo(added.capacityCubicFeet * 2, 9);

    await withAdminClient((client) => client.query(`DELETE FROM inventory_locations WHERE location_id = $1`, [added.locationId]));
    const removed = await candidateBins();
    expect(removed.bins.some((b) => b.id === added.locationId)).toBe(false);
    expect(removed.bins.length).toBe(withBin.bins.length - 1);
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { AppError } from '../errors';
import { createPutawayBatch } from './create-putaway-batch';
import { findBatches } from './find-batches';
import { getBatch } from './get-batch';
import { cleanUpPutawayTestData, countRows } from './putaway-test-fixtures';

let acme: AuthContext;
let skus: string[];

beforeAll(async () => {
  acme = await contextFor('supervisor@acme.test');
  skus = await withAdminClient(async (client) => {
    const { rows } = await client.query<{ sku: string }>(
      `SELECT sku FROM materials WHERE tenant_id = $1 AND length_inches > 0 AND width_inches > 0 AND height_inches > 0 AND hazard_class IS NULL
       AND category IN ('FINISHED_CARTON', 'SMALL_PART') ORDER BY sku LIMIT 10`,
      [acme.tenantId],
    );
    return rows.map((r) => r.sku);
  });
});

const startedAt = new Date();

afterAll(async () => {
  await withAdminClient((client) => cleanUpPutawayTestData(client, startedAt));
});

describe('createPutawayBatch', () => {
  it('stores a batch with a PENDING recommendation and score breakdown for every line, and the flags used', async () => {
    const items = skus.slice(0, 4).map((sku) => ({ sku, quantity: 2 }));
    const batch = await createPutawayBatch(acme, { items });
    expect(batch.recommendations.length + batch.unplaceable.length).toBeGreaterThanOrEqual(items.length);
    expect(batch.recommendations.length).toBeGreaterThan(0);
    for (const r of batch.recommendations) {
      expect(r.status).toBe('PENDING');
      expect(Object.keys(r.scoreBreakdown).sort()).toEqual(['affinity', 'congestion', 'consolidation', 'travel', 'utilization']);
      expect(r.confidenceScore).toBeGreaterThanOrEqual(0);
      expect(r.confidenceScore).toBeLessThanOrEqual(1);
      expect(r.fillAfter).toBeGreaterThanOrEqual(r.fillBefore);
      expect(r.reason.length).toBeGreaterThan(0);
    }
    const stored = await getBatch(acme, { batchId: batch.batchId });
    expect(stored.recommendations.map((r) => r.id).sort()).toEqual(batch.recommendations.map((r) => r.id).sort());
    expect(stored.flags).toEqual(batch.flags);
    const features = await withAdminClient(async (client) => (await client.query(`SELECT features FROM putaway_recommendations WHERE batch_id = $1 LIMIT 1`, [batch.batchId])).rows[0].features);
    expect(Object.keys(features).length).toBeGreaterThan(3);
    const history = await findBatches(acme, { limit: 5 });
    expect(history[0]).toMatchObject({ batchId: batch.batchId, pending: batch.recommendations.length, acceptanceRate: null });
  });

  it('says how many inactive and invalid-capacity bins it left out', async () => {
    const batch = await createPutawayBatch(acme, { items: [{ sku: skus[0]!, quantity: 1 }] });
    const expected = await withAdminClient(async (client) => {
      const { rows } = await client.query(
        `SELECT COUNT(*) FILTER (WHERE NOT is_active)::int AS inactive, COUNT(*) FILTER (WHERE is_active AND (cubic_feet <= 0 OR max_weight_lbs <= 0))::int AS invalid
         FROM inventory_locations WHERE tenant_id = $1`,
        [acme.tenantId],
      );
      return rows[0];
    });
    expect(batch.excludedLocations).toEqual({ inactive: expected.inactive, invalidCapacity: expected.invalid });
    for (const r of batch.recommendations) expect(r.fillAfter).toBeLessThanOrEqual(1);
  });

  it('reads the fill live from lots when the utilization cache is rolled back, with the true fill of the bins', async () => {
    const items = [{ sku: skus[1]!, quantity: 1 }];
    await withAdminClient((client) => client.query('ALTER TABLE lots DISABLE TRIGGER refresh_bin_utilization_on_lot_change'));
    try {
      const live = await createPutawayBatch(acme, { items });
      expect(live.recommendations.length).toBeGreaterThan(0);
      const first = live.recommendations[0]!;
      const actual = await withAdminClient(async (client) => {
        const { rows } = await client.query(
          `SELECT COALESCE(SUM(l.quantity_on_hand * m.length_inches * m.width_inches * m.height_inches) / 1728.0, 0)::float8 / MAX(b.cubic_feet) AS fill
           FROM inventory_locations b LEFT JOIN lots l ON l.location_id = b.location_id AND l.quantity_on_hand > 0
           LEFT JOIN materials m ON m.material_id = l.material_id WHERE b.location_id = $1`,
          [first.locationId],
        );
        return rows[0].fill as number;
      });
      expect(first.fillBefore).toBeCloseTo(actual, 6);
    } finally {
      await withAdminClient((client) => client.query('ALTER TABLE lots ENABLE TRIGGER refresh_bin_utilization_on_lot_change'));
    }
  });

  it('refuses a MANAGER, who may not create batches, and writes nothing', async () => {
    const manager = await contextFor('manager@acme.test');
    const before = await withAdminClient((client) => countRows(client, acme.tenantId));
    await expect(createPutawayBatch(manager, { items: [{ sku: skus[0]!, quantity: 1 }] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await withAdminClient((client) => countRows(client, acme.tenantId))).toEqual(before);
  });
});

/** One bad input and the field its refusal must name. */
type BadCase = { input: unknown; field: RegExp };

const badQuantity = fc.constantFrom<unknown>(0, -1, 1e12, 100_001, 1.5, Number.NaN, '3', null, true, [], {});
const badSku = fc.constantFrom<unknown>('', 42, null, undefined, { sku: 'x' });

function badCases(goodSku: () => string): fc.Arbitrary<BadCase> {
  const good = () => ({ sku: goodSku(), quantity: 1 });
  return fc.oneof(
    fc.tuple(fc.nat({ max: 5 }), badQuantity).map(([at, quantity]) => ({
      input: { items: [...Array.from({ length: at }, good), { sku: goodSku(), quantity }] },
      field: new RegExp(`^items\\[${at}\\]\\.quantity`),
    })),
    fc.tuple(fc.nat({ max: 5 }), badSku).map(([at, sku]) => ({
      input: { items: [...Array.from({ length: at }, good), { sku, quantity: 1 }] },
      field: new RegExp(`^items\\[${at}\\]\\.sku`),
    })),
    fc.tuple(fc.nat({ max: 5 }), fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0)).map(([at, suffix]) => ({
      input: { items: [...Array.from({ length: at }, good), { sku: `NO-SUCH-SKU-${suffix}`, quantity: 1 }] },
      field: new RegExp(`^items\\[${at}\\]\\.sku: unknown SKU`),
    })),
    fc.constantFrom<unknown>(null, 'items', 42, [], { items: 'sku,3' }, { items: null }, { items: {} }, { item: [] }).map((input) => ({ input, field: /^(items|input)/ })),
    fc.constant<BadCase>({ input: { items: [] }, field: /^items: must contain at least one line/ }),
  );
}

describe('bad input', () => {
  it('refuses every malformed receipt with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await withAdminClient((client) => countRows(client, acme.tenantId));
    await fc.assert(
      fc.asyncProperty(badCases(() => skus[0]!), async ({ input, field }) => {
        const error = await createPutawayBatch(acme, input as never).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('BAD_USER_INPUT');
        expect((error as AppError).message).toMatch(field);
      }),
      { numRuns: 60, seed: 20261129 },
    );
    expect(await withAdminClient((client) => countRows(client, acme.tenantId))).toEqual(before);
  });

  it('refuses 10,001 lines naming items', async () => {
    const items = Array.from({ length: 10_001 }, () => ({ sku: skus[0]!, quantity: 1 }));
    await expect(createPutawayBatch(acme, { items })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^items: must contain at most 10000 lines/) });
  });
});

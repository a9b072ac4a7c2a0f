import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { AppError } from '../errors';
import { acceptAll } from './accept-all';
import { acceptRecommendation } from './accept-recommendation';
import { getBatch } from './get-batch';
import { overrideRecommendation } from './override-recommendation';
import { rejectRecommendation } from './reject-recommendation';
import { arrangeContendedBin, cleanUpPutawayTestData, countRows, lotsOutOfBalance, usedCubicFeet } from './putaway-test-fixtures';

let acme: AuthContext;
let northwind: AuthContext;

beforeAll(async () => {
  acme = await contextFor('supervisor@acme.test');
  northwind = await contextFor('supervisor@northwind.test');
});

const startedAt = new Date();

afterAll(async () => {
  await withAdminClient((client) => cleanUpPutawayTestData(client, startedAt));
});

const codeOf = (result: PromiseSettledResult<unknown>) => (result.status === 'rejected' ? (result.reason as AppError).code : 'OK');

describe('concurrent decisions', () => {
  it('lets exactly k of 20 simultaneous accepts and overrides into a bin with room for k succeed, never overfilling it', async () => {
    const k = 3;
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k, n: 20 }));
    const results = await Promise.allSettled(
      bin.recommendationIds.map((id, i) =>
        i % 2 === 0
          ? acceptRecommendation(acme, { recommendationId: id, idempotencyKey: `race-${id}` })
          : overrideRecommendation(acme, { recommendationId: id, locationCode: bin.locationCode, reasonCode: 'BETTER_SPOT_KNOWN', idempotencyKey: `race-${id}` }),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(k);
    expect(codes.filter((c) => c === 'CAPACITY_CONFLICT')).toHaveLength(20 - k);
    const conflict = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((conflict.reason as AppError).message).toMatch(/no longer has room/);

    await withAdminClient(async (client) => {
      expect(await usedCubicFeet(client, bin.locationId)).toBeLessThanOrEqual(bin.capacityCubicFeet + 1e-9);
      expect(await lotsOutOfBalance(client, bin.locationId)).toBe(0);
      const { rows } = await client.query(`SELECT COALESCE(SUM(quantity), 0)::int AS units FROM inventory_transactions WHERE to_location_id = $1 AND transaction_type = 'RECEIPT'`, [bin.locationId]);
      expect(rows[0].units).toBe(k * bin.quantity);
      const feedback = await client.query(`SELECT COUNT(*)::int AS n FROM ml_feedback_training_data WHERE recommendation_id = ANY($1::uuid[])`, [bin.recommendationIds]);
      expect(feedback.rows[0].n).toBe(k);
    });
  });

  it('never deadlocks or overfills when accept-all races single accepts on the same bin', async () => {
    const k = 3;
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k, n: 10 }));
    const [all, ...singles] = await Promise.allSettled([
      acceptAll(acme, { batchId: bin.batchId, minConfidence: 0.5 }),
      ...bin.recommendationIds.map((id) => acceptRecommendation(acme, { recommendationId: id })),
    ]);
    expect(all!.status).toBe('fulfilled');
    const acceptedByAll = all!.status === 'fulfilled' ? all!.value.acceptedIds.length : 0;
    const acceptedSingly = singles.filter((r) => r.status === 'fulfilled').length;
    expect(acceptedByAll + acceptedSingly).toBe(k);
    expect(singles.map(codeOf).filter((c) => !['OK', 'CAPACITY_CONFLICT', 'CONFLICT'].includes(c))).toEqual([]);
    await withAdminClient(async (client) => {
      expect(await usedCubicFeet(client, bin.locationId)).toBeLessThanOrEqual(bin.capacityCubicFeet + 1e-9);
      expect(await lotsOutOfBalance(client, bin.locationId)).toBe(0);
    });
  });

  it('lets two concurrent accept-alls of one batch both succeed with disjoint accepted sets, skipping what the other decided', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 12, n: 6 }));
    const [a, b] = await Promise.all([0, 1].map((i) => acceptAll(acme, { batchId: bin.batchId, minConfidence: 0, idempotencyKey: `aa-${i}-${randomUUID()}` })));
    expect(a!.acceptedIds.filter((id) => b!.acceptedIds.includes(id))).toEqual([]);
    expect(new Set([...a!.acceptedIds, ...b!.acceptedIds])).toEqual(new Set(bin.recommendationIds));
    for (const result of [a!, b!]) for (const skipped of result.skipped) expect(skipped.status).toBe('ACCEPTED');
    // A third accept-all after both finds nothing left to do and still succeeds.
    const third = await acceptAll(acme, { batchId: bin.batchId, minConfidence: 0 });
    expect(third.acceptedIds).toEqual([]);
    await withAdminClient(async (client) => {
      const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM inventory_transactions WHERE recommendation_id = ANY($1::uuid[])`, [bin.recommendationIds]);
      expect(rows[0].n).toBe(6);
      expect(await lotsOutOfBalance(client, bin.locationId)).toBe(0);
    });
  });

  it('leaves out a recommendation decided while accept-all waits for its lock, and accepts the rest', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 5, n: 3 }));
    const [first, ...rest] = bin.recommendationIds;
    // The first recommendation is held by an open transaction that decides it while accept-all waits.
    const result = await withAdminClient(async (client) => {
      await client.query('BEGIN');
      await client.query(`SELECT 1 FROM putaway_recommendations WHERE recommendation_id = $1 FOR UPDATE`, [first]);
      const pending = acceptAll(acme, { batchId: bin.batchId, minConfidence: 0 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await client.query(`UPDATE putaway_recommendations SET status = 'REJECTED' WHERE recommendation_id = $1`, [first]);
      await client.query('COMMIT');
      return pending;
    });
    expect(new Set(result.acceptedIds)).toEqual(new Set(rest));
    expect(result.acceptedIds).not.toContain(first);
  });

  it('names an alternative bin with room when the recommended bin is full', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 1, n: 2 }));
    const spare = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 5, n: 0 }));
    await withAdminClient((client) =>
      client.query(`UPDATE putaway_recommendations SET alternatives = $1::jsonb WHERE recommendation_id = ANY($2::uuid[])`, [
        JSON.stringify([{ locationId: spare.locationId, locationCode: spare.locationCode, scoreTotal: 1, fillAfter: 0.2 }]),
        bin.recommendationIds,
      ]),
    );
    await acceptRecommendation(acme, { recommendationId: bin.recommendationIds[0]! });
    const refusal = await acceptRecommendation(acme, { recommendationId: bin.recommendationIds[1]! }).catch((error: AppError) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('CAPACITY_CONFLICT');
    expect((refusal as AppError).details?.alternative).toEqual({ locationId: spare.locationId, locationCode: spare.locationCode });
  });
});

describe('idempotency', () => {
  it('has exactly one effect when the same accept is retried, sequentially and concurrently', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 5, n: 1 }));
    const id = bin.recommendationIds[0]!;
    const key = `retry-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => acceptRecommendation(acme, { recommendationId: id, idempotencyKey: key })));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.recommendation.status))).toEqual(new Set(['ACCEPTED']));
    const again = await acceptRecommendation(acme, { recommendationId: id, idempotencyKey: key });
    expect(again.replayed).toBe(true);
    await withAdminClient(async (client) => {
      const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM inventory_transactions WHERE recommendation_id = $1`, [id]);
      expect(rows[0].n).toBe(1);
      expect(await lotsOutOfBalance(client, bin.locationId)).toBe(0);
    });
  });

  it('refuses a key reused for a different decision', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 5, n: 2 }));
    const key = `reuse-${randomUUID()}`;
    await rejectRecommendation(acme, { recommendationId: bin.recommendationIds[0]!, reasonCode: 'DAMAGED', idempotencyKey: key });
    await expect(acceptRecommendation(acme, { recommendationId: bin.recommendationIds[1]!, idempotencyKey: key })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a second decision on an already decided recommendation without a key', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 5, n: 1 }));
    await acceptRecommendation(acme, { recommendationId: bin.recommendationIds[0]! });
    await expect(acceptRecommendation(acme, { recommendationId: bin.recommendationIds[0]! })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('decisions', () => {
  it('records a rejection with its reason code in the training data and moves nothing', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 5, n: 1 }));
    const result = await rejectRecommendation(acme, { recommendationId: bin.recommendationIds[0]!, reasonCode: 'OTHER', note: 'forklift parked in front' });
    expect(result.recommendation).toMatchObject({ status: 'REJECTED', decisionReasonCode: 'OTHER', decisionNote: 'forklift parked in front' });
    await withAdminClient(async (client) => {
      const { rows } = await client.query(`SELECT accepted, decision, reason_code, features FROM ml_feedback_training_data WHERE recommendation_id = $1`, [bin.recommendationIds[0]]);
      expect(rows).toEqual([{ accepted: false, decision: 'REJECTED', reason_code: 'OTHER', features: { travel: 1 } }]);
      expect(await usedCubicFeet(client, bin.locationId)).toBe(0);
    });
  });

  it('requires a note when the reason is OTHER', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 5, n: 1 }));
    await expect(rejectRecommendation(acme, { recommendationId: bin.recommendationIds[0]!, reasonCode: 'OTHER' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('note') });
  });

  it('accepts all high-confidence recommendations and reports the ones that no longer fit', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 2, n: 4 }));
    const result = await acceptAll(acme, { batchId: bin.batchId, minConfidence: 0.8 });
    expect(result.acceptedIds).toHaveLength(2);
    expect(result.conflicts).toHaveLength(2);
    const batch = await getBatch(acme, { batchId: bin.batchId });
    expect(batch.recommendations.filter((r) => r.status === 'ACCEPTED')).toHaveLength(2);
    expect(batch.recommendations.filter((r) => r.status === 'PENDING')).toHaveLength(2);
  });

  it('refuses a MANAGER with FORBIDDEN before touching anything', async () => {
    const manager = await contextFor('manager@acme.test');
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 5, n: 1 }));
    await expect(acceptRecommendation(manager, { recommendationId: bin.recommendationIds[0]! })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('tenant isolation of decisions', () => {
  it('refuses another tenant deciding or reading a recommendation, and changes nothing', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 5, n: 1 }));
    const id = bin.recommendationIds[0]!;
    const before = await withAdminClient((client) => countRows(client, acme.tenantId));
    await expect(acceptRecommendation(northwind, { recommendationId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(overrideRecommendation(northwind, { recommendationId: id, locationCode: bin.locationCode, reasonCode: 'WRONG_ZONE' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rejectRecommendation(northwind, { recommendationId: id, reasonCode: 'DAMAGED' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getBatch(northwind, { batchId: bin.batchId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await withAdminClient((client) => countRows(client, acme.tenantId))).toEqual(before);
  });

  it('is stopped by row-level security even when a query leaves out every tenant filter', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acme.tenantId, { k: 5, n: 1 }));
    const id = bin.recommendationIds[0]!;
    const { seen, updated } = await withTenant(northwind.tenantId, async (tx) => {
      const rows = await tx.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM putaway_recommendations WHERE recommendation_id = ${id}::uuid`;
      const changed = await tx.$executeRaw`UPDATE putaway_recommendations SET status = 'ACCEPTED' WHERE recommendation_id = ${id}::uuid`;
      return { seen: rows[0]!.n, updated: changed };
    });
    expect(seen).toBe(0);
    expect(updated).toBe(0);
    await withAdminClient(async (client) => {
      const { rows } = await client.query(`SELECT status FROM putaway_recommendations WHERE recommendation_id = $1`, [id]);
      expect(rows[0].status).toBe('PENDING');
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAdminClient } from '@/test/integration/contexts';
import { AppError } from '../errors';
import { acceptRecommendation } from '../putaway/accept-recommendation';
import { createPutawayBatch } from '../putaway/create-putaway-batch';
import { overrideRecommendation } from '../putaway/override-recommendation';
import { usedCubicFeet } from '../putaway/putaway-test-fixtures';
import { addBin, arrangeCapacityTestTenant, BIN_CUBIC_FEET, pendingRecommendations, removeCapacityTestTenant, type CapacityTestTenant } from './capacity-test-tenant';
import { setCapacitySettings } from './index';

// One 10 ft³ bin and 1 ft³ cubes (see capacity-test-tenant.ts): the tenant's hard cap is the
// only thing that decides whether the tenth cube may go in.
let t: CapacityTestTenant;

beforeAll(async () => {
  t = await withAdminClient(arrangeCapacityTestTenant);
});

afterAll(async () => {
  if (t) await withAdminClient((client) => removeCapacityTestTenant(client, t.tenantId));
});

const setHardCap = (hardCap: number, reason: string) => setCapacitySettings(t.ops, { targetBandMin: 0.6, targetBandMax: 0.85, hardCap, reason });
const codeOf = (result: PromiseSettledResult<unknown>) => (result.status === 'rejected' ? (result.reason as AppError).code : 'OK');

describe('the tenant’s capacity rules in the engine', () => {
  it('plans a new batch under the default 95 % cap: 9 of 10 cubes, the tenth left for lack of room', async () => {
    const batch = await createPutawayBatch(t.supervisor, { items: [{ sku: t.sku, quantity: 10 }] });
    const placed = batch.recommendations.reduce((sum, r) => sum + r.quantity, 0);
    expect(placed).toBe(9);
    expect(Math.max(...batch.recommendations.map((r) => r.fillAfter))).toBeLessThanOrEqual(0.95);
    expect(batch.unplaceable).toEqual([expect.objectContaining({ quantity: 1, reasonCode: 'NO_CAPACITY' })]);
  });

  it('fills the bin past 95 %, to 100 %, in a batch created after the tenant raised its hard cap to 1.0', async () => {
    await setHardCap(1, 'Nearly full warehouse: use every bin to the brim');
    const batch = await createPutawayBatch(t.supervisor, { items: [{ sku: t.sku, quantity: 10 }] });
    expect(batch.unplaceable).toEqual([]);
    expect(batch.recommendations.reduce((sum, r) => sum + r.quantity, 0)).toBe(10);
    expect(batch.recommendations.every((r) => r.locationCode === t.binCode)).toBe(true);
    expect(Math.max(...batch.recommendations.map((r) => r.fillAfter))).toBeCloseTo(1, 9);
    // The batch keeps the rules it was planned under, beside its flags.
    const stored = await withAdminClient((client) => client.query('SELECT flags FROM putaway_batches WHERE batch_id = $1', [batch.batchId]));
    expect(stored.rows[0].flags.capacity).toEqual({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 1, source: 'tenant' });
  });
});

describe('the tenant’s hard cap at accept time', () => {
  it('refuses an accept past the cap in force now, and accepts it once the cap allows it, filling the bin exactly', async () => {
    const batch = await createPutawayBatch(t.supervisor, { items: [{ sku: t.sku, quantity: 10 }] });
    // The engine may split the ten cubes over several lines; the last one takes the bin to 100 %.
    const lines = [...batch.recommendations].sort((a, b) => a.fillAfter - b.fillAfter);
    const last = lines.pop()!;
    expect(last.fillAfter).toBeCloseTo(1, 9);
    expect(lines.every((line) => line.fillAfter <= 0.95)).toBe(true);

    await setHardCap(0.95, 'Back to 5% headroom');
    for (const line of lines) await acceptRecommendation(t.supervisor, { recommendationId: line.id });
    const refusal = await acceptRecommendation(t.supervisor, { recommendationId: last.id }).catch((error: AppError) => error);
    expect(refusal).toMatchObject({ code: 'CAPACITY_CONFLICT', message: expect.stringContaining('under the 95% hard cap') });

    await setHardCap(1, 'Full bins allowed again');
    const accepted = await acceptRecommendation(t.supervisor, { recommendationId: last.id });
    expect(accepted.recommendation.status).toBe('ACCEPTED');
    expect(await withAdminClient((client) => usedCubicFeet(client, t.binId))).toBeCloseTo(BIN_CUBIC_FEET, 9);
  });

  it('under a 100 % cap lets exactly 10 of 14 concurrent one-cube accepts and overrides in, never past full', async () => {
    const bin = await withAdminClient((client) => addBin(client, t, 'CAP-02'));
    const ids = await withAdminClient((client) => pendingRecommendations(client, t, bin.locationId, 14));
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        i % 2 === 0
          ? acceptRecommendation(t.supervisor, { recommendationId: id })
          : overrideRecommendation(t.supervisor, { recommendationId: id, locationCode: bin.locationCode, reasonCode: 'BETTER_SPOT_KNOWN' }),
      ),
    );
    expect(results.map(codeOf).sort()).toEqual([...Array(10).fill('OK'), ...Array(4).fill('CAPACITY_CONFLICT')].sort());
    expect(await withAdminClient((client) => usedCubicFeet(client, bin.locationId))).toBeLessThanOrEqual(BIN_CUBIC_FEET + 1e-9);
  });

  it('under the default 95 % cap lets exactly 9 of 14 concurrent one-cube accepts in', async () => {
    await withAdminClient((client) => client.query('DELETE FROM optimizer_capacity_settings WHERE tenant_id = $1', [t.tenantId]));
    const bin = await withAdminClient((client) => addBin(client, t, 'CAP-03'));
    const ids = await withAdminClient((client) => pendingRecommendations(client, t, bin.locationId, 14));
    const results = await Promise.allSettled(ids.map((id) => acceptRecommendation(t.supervisor, { recommendationId: id })));
    expect(results.filter((r) => codeOf(r) === 'OK')).toHaveLength(9);
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(refused.every((r) => (r.reason as AppError).code === 'CAPACITY_CONFLICT')).toBe(true);
    expect((refused[0]!.reason as AppError).message).toMatch(/no longer has room: 0\.5 ft³ free under the 95% hard cap, 1 ft³ needed/);
    expect(await withAdminClient((client) => usedCubicFeet(client, bin.locationId))).toBeCloseTo(9, 9);
  });
});

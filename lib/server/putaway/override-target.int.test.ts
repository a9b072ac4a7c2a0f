import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIMIZER_CONFIG } from '@/lib/optimizer';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { AppError } from '../errors';
import { overrideRecommendation } from './override-recommendation';
import { arrangeContendedBin, cleanUpPutawayTestData, countRows } from './putaway-test-fixtures';

let acme: AuthContext;

beforeAll(async () => {
  acme = await contextFor('supervisor@acme.test');
});

const startedAt = new Date();

afterAll(async () => {
  await withAdminClient((client) => cleanUpPutawayTestData(client, startedAt));
});

type Material = { materialId: string; sku: string; dims: [number, number, number]; weightLbs: number };
type BinSpec = { type: string; level: number; inside: [number, number, number]; cubicFeet?: number; maxWeightLbs?: number };

/** A plain (not hazardous, ambient, not one of the seed's oversize crates) material, heavier than the heavy-unit limit or not. */
async function material(client: pg.Client, tenantId: string, heavy: boolean): Promise<Material> {
  const { rows } = await client.query<{ material_id: string; sku: string; l: number; w: number; h: number; lbs: number }>(
    `SELECT material_id::text, sku, length_inches AS l, width_inches AS w, height_inches AS h, weight_lbs AS lbs FROM materials
     WHERE tenant_id = $1 AND is_active AND length_inches > 0 AND width_inches > 0 AND height_inches > 0
       AND hazard_class IS NULL AND temperature_class IS NULL AND (weight_lbs > $2) = $3 AND sku NOT LIKE 'OVS-%'
     ORDER BY sku LIMIT 1`,
    [tenantId, DEFAULT_OPTIMIZER_CONFIG.heavyUnitLbs, heavy],
  );
  const row = rows[0]!;
  return { materialId: row.material_id, sku: row.sku, dims: [row.l, row.w, row.h], weightLbs: row.lbs };
}

/** An empty TEST- bin, with room to spare in volume and weight unless the spec sets them, so only the rule under test can refuse it. */
async function addBin(client: pg.Client, tenantId: string, spec: BinSpec): Promise<string> {
  const code = `TEST-${randomUUID().slice(0, 8)}`;
  await client.query(
    `INSERT INTO inventory_locations (tenant_id, facility_id, zone_id, location_code, aisle, bay, level, x_feet, y_feet, location_type,
       cubic_feet, max_weight_lbs, inside_length_inches, inside_width_inches, inside_height_inches)
     SELECT $1::uuid, l.facility_id, l.zone_id, $2, 'T2', 1, $3::int, 5, 5, $4::location_type, $8::float8, $9::float8, $5::float8, $6::float8, $7::float8
     FROM inventory_locations l JOIN zones z ON z.zone_id = l.zone_id WHERE l.tenant_id = $1::uuid AND NOT z.hazard_allowed LIMIT 1`,
    [tenantId, code, spec.level, spec.type, ...spec.inside, spec.cubicFeet ?? 10000, spec.maxWeightLbs ?? 1000000],
  );
  return code;
}

/** One PENDING recommendation of `material` (two units), as a storage line or promised to an order (cross-dock). */
async function pendingRecommendation(client: pg.Client, tenantId: string, of: Material, crossDockOrderRef: string | null = null): Promise<string> {
  const arranged = await arrangeContendedBin(client, tenantId, { k: 5, n: 1 });
  const id = arranged.recommendationIds[0]!;
  await client.query(`UPDATE putaway_recommendations SET material_id = $2, cross_dock_order_ref = $3 WHERE recommendation_id = $1`, [id, of.materialId, crossDockOrderRef]);
  return id;
}

async function statusOf(recommendationId: string): Promise<string> {
  return withAdminClient(async (client) => (await client.query(`SELECT status::text FROM putaway_recommendations WHERE recommendation_id = $1`, [recommendationId])).rows[0].status);
}

/** Overrides into `locationCode` with an idempotency key and expects a refusal with `code`, the recommendation still PENDING and nothing written. */
async function refusedWithoutEffect(recommendationId: string, locationCode: string, code: AppError['code']): Promise<AppError> {
  const before = await withAdminClient((client) => countRows(client, acme.tenantId));
  const refusal = await overrideRecommendation(acme, { recommendationId, locationCode, reasonCode: 'BETTER_SPOT_KNOWN', idempotencyKey: `refused-${randomUUID()}` }).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(AppError);
  const error = refusal as AppError;
  expect(error.code).toBe(code);
  expect(await statusOf(recommendationId)).toBe('PENDING');
  // lots, inventory transactions, training rows and the idempotency key: all rolled back with the transaction
  expect(await withAdminClient((client) => countRows(client, acme.tenantId))).toEqual(before);
  return error;
}

/** As {@link refusedWithoutEffect}, for a break of the engine's rules: BAD_USER_INPUT naming the bin. */
async function expectRefusedWithoutEffect(recommendationId: string, locationCode: string): Promise<AppError> {
  const error = await refusedWithoutEffect(recommendationId, locationCode, 'BAD_USER_INPUT');
  expect(error.message.startsWith(`locationCode: ${locationCode}`)).toBe(true);
  expect(error.fieldErrors?.locationCode?.length).toBeGreaterThan(0);
  return error;
}

describe('override target rules', () => {
  it('refuses a heavy unit overridden onto hand-picked shelving above the floor, names the weight, level and limit, and writes nothing', async () => {
    const roll = await withAdminClient((client) => material(client, acme.tenantId, true));
    const roomy: [number, number, number] = [200, 200, 200];
    const shelf = await withAdminClient((client) => addBin(client, acme.tenantId, { type: 'PICK_FACE', level: 4, inside: roomy }));
    const id = await withAdminClient((client) => pendingRecommendation(client, acme.tenantId, roll));
    const error = await expectRefusedWithoutEffect(id, shelf);
    const pounds = roll.weightLbs.toLocaleString('en-US', { maximumFractionDigits: 1 });
    expect(error.message).toContain(`is hand-picked shelving above the floor (level 4), where a ${pounds} lb unit may not go`);
    expect(error.message).toContain(`over ${DEFAULT_OPTIMIZER_CONFIG.heavyUnitLbs} lb`);
  });

  it('lets the same heavy unit be overridden to a floor-level pick face after a refusal with the same idempotency key', async () => {
    const roll = await withAdminClient((client) => material(client, acme.tenantId, true));
    const roomy: [number, number, number] = [200, 200, 200];
    const high = await withAdminClient((client) => addBin(client, acme.tenantId, { type: 'PICK_FACE', level: 3, inside: roomy }));
    const floor = await withAdminClient((client) => addBin(client, acme.tenantId, { type: 'PICK_FACE', level: 1, inside: roomy }));
    const id = await withAdminClient((client) => pendingRecommendation(client, acme.tenantId, roll));
    const key = `retry-${randomUUID()}`;
    await expect(overrideRecommendation(acme, { recommendationId: id, locationCode: high, reasonCode: 'BETTER_SPOT_KNOWN', idempotencyKey: key })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const result = await overrideRecommendation(acme, { recommendationId: id, locationCode: floor, reasonCode: 'BETTER_SPOT_KNOWN', idempotencyKey: key });
    expect(result.replayed).toBe(false);
    expect(result.recommendation).toMatchObject({ status: 'OVERRIDDEN', finalLocationCode: floor });
  });

  it('refuses a bin whose opening the unit cannot pass in any orientation, even with room to spare, and writes nothing', async () => {
    const carton = await withAdminClient((client) => material(client, acme.tenantId, false));
    const thinnest = Math.min(...carton.dims);
    const flat = await withAdminClient((client) => addBin(client, acme.tenantId, { type: 'RESERVE', level: 1, inside: [200, 200, thinnest - 0.5] }));
    const id = await withAdminClient((client) => pendingRecommendation(client, acme.tenantId, carton));
    const error = await expectRefusedWithoutEffect(id, flat);
    expect(error.message).toMatch(/has a 200 × 200 × [\d.]+ in opening, which a [\d.]+ × [\d.]+ × [\d.]+ in unit does not pass in any orientation/);
  });

  it('refuses a storage recommendation overridden to a staging lane or a dock door, and writes nothing', async () => {
    const carton = await withAdminClient((client) => material(client, acme.tenantId, false));
    const roomy: [number, number, number] = [200, 200, 200];
    for (const type of ['STAGING', 'DOCK']) {
      const lane = await withAdminClient((client) => addBin(client, acme.tenantId, { type, level: 1, inside: roomy }));
      const id = await withAdminClient((client) => pendingRecommendation(client, acme.tenantId, carton));
      const error = await expectRefusedWithoutEffect(id, lane);
      expect(error.message).toContain('for cross-dock only');
    }
  });

  it('keeps a cross-dock recommendation on staging: refused into a storage bin, accepted into a staging lane', async () => {
    const carton = await withAdminClient((client) => material(client, acme.tenantId, false));
    const roomy: [number, number, number] = [200, 200, 200];
    const rack = await withAdminClient((client) => addBin(client, acme.tenantId, { type: 'RESERVE', level: 1, inside: roomy }));
    const lane = await withAdminClient((client) => addBin(client, acme.tenantId, { type: 'STAGING', level: 1, inside: roomy }));
    const id = await withAdminClient((client) => pendingRecommendation(client, acme.tenantId, carton, 'SO-TEST-1'));
    const error = await expectRefusedWithoutEffect(id, rack);
    expect(error.message).toContain('promised to order SO-TEST-1');
    const result = await overrideRecommendation(acme, { recommendationId: id, locationCode: lane, reasonCode: 'BIN_BLOCKED' });
    expect(result.recommendation).toMatchObject({ status: 'OVERRIDDEN', finalLocationCode: lane });
  });
});

// The engine's rules pass (a roomy opening, a floor-level rack), but the bin's volume or weight
// limit is below what the line needs even with nothing in it: not the race "no longer has room".
describe('override into a bin too small for the line even when empty', () => {
  it('refuses a line larger than the bin holds under the hard cap, says it has room for at most so much even empty and what the units need, and writes nothing', async () => {
    const carton = await withAdminClient((client) => material(client, acme.tenantId, false));
    const unitCubicFeet = carton.dims.reduce((a, b) => a * b, 1) / 1728;
    // The recommendation is for two units; the bin is one unit's volume, so never big enough.
    const small = await withAdminClient((client) => addBin(client, acme.tenantId, { type: 'RESERVE', level: 1, inside: [200, 200, 200], cubicFeet: unitCubicFeet }));
    const id = await withAdminClient((client) => pendingRecommendation(client, acme.tenantId, carton));
    const error = await refusedWithoutEffect(id, small, 'CAPACITY_CONFLICT');
    const ft3 = (value: number) => String(Math.round(value * 100) / 100);
    expect(error.message).toContain(`Bin ${small} has room for at most ${ft3(0.95 * unitCubicFeet)} ft³ under the 95% hard cap, even empty; these 2 units need ${ft3(2 * unitCubicFeet)} ft³.`);
    expect(error.message).not.toContain('no longer');
    // The recommended bin still has room, and is offered instead.
    expect(error.message).toMatch(/ Try TEST-\w+ instead\.$/);
  });

  it('refuses a line heavier than the bin takes under the hard cap, says it has room for at most so much weight even empty and what the units weigh, and writes nothing', async () => {
    const carton = await withAdminClient((client) => material(client, acme.tenantId, false));
    const weak = await withAdminClient((client) => addBin(client, acme.tenantId, { type: 'RESERVE', level: 1, inside: [200, 200, 200], maxWeightLbs: carton.weightLbs }));
    const id = await withAdminClient((client) => pendingRecommendation(client, acme.tenantId, carton));
    const error = await refusedWithoutEffect(id, weak, 'CAPACITY_CONFLICT');
    const lb = (value: number) => String(Math.round(value * 100) / 100);
    expect(error.message).toContain(`Bin ${weak} has room for at most ${lb(0.95 * carton.weightLbs)} lb under the 95% hard cap, even empty; these 2 units weigh ${lb(2 * carton.weightLbs)} lb.`);
    expect(error.message).not.toContain('no longer');
  });
});

import 'server-only';
import { formatPercent } from '@/lib/schemas/capacity';
import type { Tx } from '../db';

/** Floating-point slack when comparing cubic feet and pounds (sums of products of inches). */
const EPSILON = 1e-6;

/**
 * `hardCap` is the tenant's fill limit (fraction of the bin's volume and of its weight limit,
 * as in the engine). It is clamped to 1 here as well: whatever is stored, no bin is ever
 * filled past its capacity.
 */
export type PlacementTarget = { locationId: string; materialId: string; sku: string; quantity: number; hardCap: number };
export type LockedBin = {
  locationId: string;
  locationCode: string;
  cubicFeet: number;
  maxWeightLbs: number;
  usedCubicFeet: number;
  usedWeightLbs: number;
  addedCubicFeet: number;
  addedWeightLbs: number;
};
export type PlacementCheck = { ok: true; bin: LockedBin; fillBefore: number; fillAfter: number } | { ok: false; message: string; locationCode: string | null };

type LocationRow = { location_code: string; cubic_feet: number; max_weight_lbs: number; allow_mixing: boolean; is_active: boolean };
type UsageRow = { used_cf: number; used_lbs: number; other_skus: number };
type UnitRow = { unit_cf: number; unit_lbs: number };

/**
 * Locks the bin row (FOR UPDATE) and only then recomputes its used volume and weight from
 * live lots, against the hard cap. Every accept and override into the same bin queues on
 * that lock, and under READ COMMITTED each statement after the lock sees the previous
 * winner's committed lot, so two supervisors can never both fit the last space.
 *
 * The refusal says which it is: a line the bin could not take even empty ("has room for at most
 * …, even empty"), or a bin whose stock now leaves too little ("no longer has room", the race
 * above). Both speak of room: API clients and the reliability races match on it.
 */
export async function lockAndCheckRoom(tx: Tx, target: PlacementTarget): Promise<PlacementCheck> {
  const [location] = await tx.$queryRaw<LocationRow[]>`
    SELECT location_code, cubic_feet, max_weight_lbs, allow_mixing, is_active
    FROM inventory_locations WHERE location_id = ${target.locationId}::uuid FOR UPDATE`;
  if (!location) return { ok: false, message: 'The bin no longer exists.', locationCode: null };
  if (!location.is_active) return { ok: false, message: `Bin ${location.location_code} is inactive.`, locationCode: location.location_code };
  if (!(location.cubic_feet > 0) || !(location.max_weight_lbs > 0)) {
    return { ok: false, message: `Bin ${location.location_code} has an invalid capacity.`, locationCode: location.location_code };
  }
  // Sequential on purpose: the usage must be read after the lock above is held.
  const [usage] = await tx.$queryRaw<UsageRow[]>`
      SELECT COALESCE(SUM(lot.quantity_on_hand * COALESCE(m.length_inches * m.width_inches * m.height_inches, 0)) / 1728.0, 0)::float8 AS used_cf,
             COALESCE(SUM(lot.quantity_on_hand * COALESCE(m.weight_lbs, 0)), 0)::float8 AS used_lbs,
             COUNT(*) FILTER (WHERE m.sku <> ${target.sku})::int AS other_skus
      FROM lots lot JOIN materials m ON m.material_id = lot.material_id
      WHERE lot.location_id = ${target.locationId}::uuid AND lot.quantity_on_hand > 0`;
  const [unit] = await tx.$queryRaw<UnitRow[]>`
      SELECT COALESCE(length_inches * width_inches * height_inches, 0) / 1728.0 AS unit_cf, COALESCE(weight_lbs, 0) AS unit_lbs
      FROM materials WHERE material_id = ${target.materialId}::uuid`;
  const usedCf = usage?.used_cf ?? 0;
  const usedLbs = usage?.used_lbs ?? 0;
  const addedCf = target.quantity * (unit?.unit_cf ?? 0);
  const addedLbs = target.quantity * (unit?.unit_lbs ?? 0);
  const code = location.location_code;
  const cap = capOf(target.hardCap);
  const roomCf = cap * location.cubic_feet;
  const roomLbs = cap * location.max_weight_lbs;
  const under = cap < 1 ? ` under the ${formatPercent(cap)} hard cap` : '';
  // A line larger than the bin allows even when empty never had room there: a lasting limit of
  // the bin, checked before its stock as the engine ranks them, so emptying it would not help.
  const these = target.quantity === 1 ? { units: 'this unit', need: 'needs', weigh: 'weighs' } : { units: `these ${target.quantity} units`, need: 'need', weigh: 'weigh' };
  if (addedCf > roomCf + EPSILON) {
    return { ok: false, message: `Bin ${code} has room for at most ${fmt(roomCf)} ft³${under}, even empty; ${these.units} ${these.need} ${fmt(addedCf)} ft³.`, locationCode: code };
  }
  if (addedLbs > roomLbs + EPSILON) {
    return { ok: false, message: `Bin ${code} has room for at most ${fmt(roomLbs)} lb${under}, even empty; ${these.units} ${these.weigh} ${fmt(addedLbs)} lb.`, locationCode: code };
  }
  if (!location.allow_mixing && (usage?.other_skus ?? 0) > 0) {
    return { ok: false, message: `Bin ${code} no longer has room: it now holds another SKU and does not allow mixing.`, locationCode: code };
  }
  if (usedCf + addedCf > roomCf + EPSILON) {
    return { ok: false, message: `Bin ${code} no longer has room: ${fmt(roomCf - usedCf)} ft³ free${under}, ${fmt(addedCf)} ft³ needed.`, locationCode: code };
  }
  if (usedLbs + addedLbs > roomLbs + EPSILON) {
    return { ok: false, message: `Bin ${code} no longer has room: ${fmt(roomLbs - usedLbs)} lb of weight capacity left${under}, ${fmt(addedLbs)} lb needed.`, locationCode: code };
  }
  return {
    ok: true,
    bin: { locationId: target.locationId, locationCode: code, cubicFeet: location.cubic_feet, maxWeightLbs: location.max_weight_lbs, usedCubicFeet: usedCf, usedWeightLbs: usedLbs, addedCubicFeet: addedCf, addedWeightLbs: addedLbs },
    fillBefore: usedCf / location.cubic_feet,
    fillAfter: (usedCf + addedCf) / location.cubic_feet,
  };
}

const fmt = (value: number) => (Math.round(Math.max(0, value) * 100) / 100).toString();

/** The fill limit actually applied: the tenant's cap, never above 100 % (nor below 0). */
const capOf = (hardCap: number) => Math.min(1, Math.max(0, hardCap));

/**
 * Puts the units away: creates the lot at the bin (or adds to the same lot already there)
 * and writes the RECEIPT transaction for exactly those units, which keeps
 * lots.quantity_on_hand equal to the sum of the lot's transactions.
 */
export async function receiveIntoBin(
  tx: Tx,
  input: { tenantId: string; materialId: string; lotNumber: string; quantity: number; locationId: string; recommendationId: string; performedBy: string | null; reference: string },
): Promise<string> {
  const [lot] = await tx.$queryRaw<{ lot_id: string }[]>`
    INSERT INTO lots (tenant_id, lot_number, material_id, location_id, quantity_on_hand, received_at)
    VALUES (${input.tenantId}::uuid, ${input.lotNumber}, ${input.materialId}::uuid, ${input.locationId}::uuid, ${input.quantity}, now())
    ON CONFLICT (tenant_id, lot_number, location_id)
    DO UPDATE SET quantity_on_hand = lots.quantity_on_hand + EXCLUDED.quantity_on_hand, updated_at = now()
    RETURNING lot_id::text`;
  await tx.$executeRaw`
    INSERT INTO inventory_transactions (tenant_id, transaction_type, material_id, lot_id, quantity, to_location_id, reference, recommendation_id, performed_by)
    VALUES (${input.tenantId}::uuid, 'RECEIPT', ${input.materialId}::uuid, ${lot!.lot_id}::uuid, ${input.quantity}, ${input.locationId}::uuid,
            ${input.reference}, ${input.recommendationId}::uuid, ${input.performedBy}::uuid)`;
  return lot!.lot_id;
}

/**
 * The first of the recommendation's stored alternatives that still has room under the hard
 * cap right now (one query for all of them, no lock: it is a suggestion for the next click).
 */
export async function findAlternativeWithRoom(
  tx: Tx,
  input: { materialId: string; quantity: number; candidateIds: string[]; excludeId: string; hardCap: number },
): Promise<{ locationId: string; locationCode: string } | null> {
  const ids = input.candidateIds.filter((id) => id !== input.excludeId);
  if (!ids.length) return null;
  const cap = capOf(input.hardCap);
  const rows = await tx.$queryRaw<{ location_id: string; location_code: string }[]>`
    WITH unit AS (
      SELECT COALESCE(length_inches * width_inches * height_inches, 0) / 1728.0 AS cf, COALESCE(weight_lbs, 0) AS lbs
      FROM materials WHERE material_id = ${input.materialId}::uuid
    ), used AS (
      SELECT lot.location_id,
             SUM(lot.quantity_on_hand * COALESCE(m.length_inches * m.width_inches * m.height_inches, 0)) / 1728.0 AS cf,
             SUM(lot.quantity_on_hand * COALESCE(m.weight_lbs, 0)) AS lbs
      FROM lots lot JOIN materials m ON m.material_id = lot.material_id
      WHERE lot.location_id = ANY(${ids}::uuid[]) AND lot.quantity_on_hand > 0
      GROUP BY lot.location_id
    )
    SELECT l.location_id::text, l.location_code
    FROM inventory_locations l CROSS JOIN unit LEFT JOIN used ON used.location_id = l.location_id
    WHERE l.location_id = ANY(${ids}::uuid[]) AND l.is_active AND l.cubic_feet > 0 AND l.max_weight_lbs > 0
      AND COALESCE(used.cf, 0) + ${input.quantity} * unit.cf <= ${cap}::float8 * l.cubic_feet + ${EPSILON}::float8
      AND COALESCE(used.lbs, 0) + ${input.quantity} * unit.lbs <= ${cap}::float8 * l.max_weight_lbs + ${EPSILON}::float8
    ORDER BY array_position(${ids}::uuid[], l.location_id)
    LIMIT 1`;
  return rows[0] ? { locationId: rows[0].location_id, locationCode: rows[0].location_code } : null;
}

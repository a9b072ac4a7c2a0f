import 'server-only';
import { ZBinDetailInput } from '@/lib/schemas/heatmap';
import { parseInput } from '../action';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import { AppError } from '../errors';
import { findLocationFill } from '../cache/find-location-fill';
import type { BinDetail, BinStatus } from './types';

type LocationRow = {
  location_id: string; code: string; zone: string; aisle: string; bay: number; level: number; location_type: string;
  cubic_feet: number; max_weight_lbs: number; is_active: boolean;
};
type LotRow = { lot_number: string; sku: string; description: string; abc: string; quantity: number; cf: number; lbs: number; received_at: Date };
type TxRow = {
  id: string; type: string; sku: string; lot_number: string | null; quantity: number; from_code: string | null; to_code: string | null;
  reference: string | null; created_at: Date;
};

function statusOf(usedCf: number, cubicFeet: number, maxWeight: number): BinStatus {
  if (cubicFeet <= 0 || maxWeight <= 0) return 'INVALID';
  const pct = (100 * usedCf) / cubicFeet;
  return pct < 60 ? 'UNDER' : pct <= 85 ? 'OPTIMAL' : 'OVER';
}

/** The bin-detail drawer: the bin, its lots and its 25 most recent movements. */
export async function getBinDetail(context: AuthContext, input: unknown): Promise<BinDetail> {
  assertPermission(context, 'heatmap.read');
  const { code } = parseInput(ZBinDetailInput, input);
  return withTenant(context.tenantId, async (tx) => {
    const [location] = await tx.$queryRaw<LocationRow[]>`
      SELECT l.location_id, l.location_code AS code, z.code AS zone, l.aisle, l.bay, l.level, l.location_type::text AS location_type,
             l.cubic_feet, l.max_weight_lbs, l.is_active
      FROM inventory_locations l JOIN zones z ON z.zone_id = l.zone_id WHERE l.location_code = ${code}`;
    if (!location) throw new AppError('NOT_FOUND', `No bin with code ${code}.`);
    const [fill] = await findLocationFill(tx, [location.location_id]);
    const lots = await tx.$queryRaw<LotRow[]>`
      SELECT lot.lot_number, m.sku, m.description, COALESCE(m.abc_classification, 'C') AS abc, lot.quantity_on_hand AS quantity,
             (lot.quantity_on_hand * COALESCE(m.length_inches * m.width_inches * m.height_inches, 0) / 1728.0)::float8 AS cf,
             (lot.quantity_on_hand * COALESCE(m.weight_lbs, 0))::float8 AS lbs, lot.received_at
      FROM lots lot JOIN materials m ON m.material_id = lot.material_id
      WHERE lot.location_id = ${location.location_id}::uuid AND lot.quantity_on_hand <> 0
      ORDER BY lot.received_at, lot.lot_number`;
    // Movements into the bin (indexed by to_location_id) and of the lots now in it (indexed
    // by lot_id): the ledger has no index on from_location_id, so picks from lots that have
    // since left the bin are not listed.
    const transactions = await tx.$queryRaw<TxRow[]>`
      SELECT t.transaction_id AS id, t.transaction_type::text AS type, m.sku, lot.lot_number, t.quantity,
             lf.location_code AS from_code, lt.location_code AS to_code, t.reference, t.created_at
      FROM (
        SELECT * FROM inventory_transactions WHERE to_location_id = ${location.location_id}::uuid
        UNION
        SELECT t2.* FROM inventory_transactions t2 JOIN lots l2 ON l2.lot_id = t2.lot_id
        WHERE l2.location_id = ${location.location_id}::uuid AND t2.tenant_id = l2.tenant_id
      ) t
      JOIN materials m ON m.material_id = t.material_id
      LEFT JOIN lots lot ON lot.lot_id = t.lot_id
      LEFT JOIN inventory_locations lf ON lf.location_id = t.from_location_id
      LEFT JOIN inventory_locations lt ON lt.location_id = t.to_location_id
      ORDER BY t.created_at DESC LIMIT 25`;
    const usedCf = fill?.usedCubicFeet ?? 0;
    const usedLbs = fill?.usedWeightLbs ?? 0;
    return {
      locationId: location.location_id,
      code: location.code,
      zone: location.zone,
      aisle: location.aisle,
      bay: location.bay,
      level: location.level,
      locationType: location.location_type,
      cubicFeet: location.cubic_feet,
      maxWeightLbs: location.max_weight_lbs,
      isActive: location.is_active,
      utilizationPct: location.cubic_feet > 0 ? (100 * usedCf) / location.cubic_feet : null,
      weightPct: location.max_weight_lbs > 0 ? (100 * usedLbs) / location.max_weight_lbs : null,
      status: statusOf(usedCf, location.cubic_feet, location.max_weight_lbs),
      lots: lots.map((l) => ({
        lotNumber: l.lot_number, sku: l.sku, description: l.description, abc: l.abc, quantity: l.quantity,
        cubicFeet: Math.round(l.cf * 100) / 100, weightLbs: Math.round(l.lbs * 10) / 10, receivedAt: l.received_at.toISOString(),
      })),
      transactions: transactions.map((t) => ({
        id: t.id, type: t.type, sku: t.sku, lotNumber: t.lot_number, quantity: t.quantity, from: t.from_code, to: t.to_code,
        reference: t.reference, createdAt: t.created_at.toISOString(),
      })),
    };
  });
}

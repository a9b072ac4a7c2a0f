import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '../db';
import { cacheAvailability } from './cache-availability';

/** What a bin holds now. Volume in cubic feet, weight in pounds. */
export type LocationFill = {
  locationId: string;
  usedCubicFeet: number;
  usedWeightLbs: number;
  /** SKUs of the lots on hand, sorted, distinct. */
  skus: string[];
  /** Lot numbers on hand, sorted. */
  lots: string[];
};

type Row = { location_id: string; used_cf: number; used_lbs: number; skus: string[]; lots: string[] };

/**
 * Current fill of the tenant's locations (all of them, or `locationIds`), for the putaway
 * candidate query. `tx` must come from withTenant: row-level security scopes both paths.
 * Reads bin_utilization_cache when it is usable (kept exact by triggers); after the
 * runbook's rollback it computes the same figures from lots and materials.
 * Lots with quantity <= 0 hold nothing; materials without dimensions count as 0 volume
 * (the data-quality audit lists them).
 */
export async function findLocationFill(tx: Tx, locationIds?: string[]): Promise<LocationFill[]> {
  if (locationIds && locationIds.length === 0) return [];
  const ids = locationIds ? Prisma.sql`AND l.location_id = ANY(${locationIds}::uuid[])` : Prisma.empty;
  const { usable } = await cacheAvailability(tx);
  const rows = usable
    ? await tx.$queryRaw<Row[]>`
        SELECT c.location_id, c.used_cubic_feet AS used_cf, c.used_weight_lbs AS used_lbs, COALESCE(c.skus, '{}') AS skus, COALESCE(c.lot_numbers, '{}') AS lots
        FROM bin_utilization_cache c JOIN inventory_locations l ON l.location_id = c.location_id
        WHERE true ${ids}`
    : await tx.$queryRaw<Row[]>`
        SELECT l.location_id,
               COALESCE(f.used_cf, 0)::float8 AS used_cf, COALESCE(f.used_lbs, 0)::float8 AS used_lbs,
               COALESCE(f.skus, '{}') AS skus, COALESCE(f.lots, '{}') AS lots
        FROM inventory_locations l
        LEFT JOIN LATERAL (
          SELECT SUM(lot.quantity_on_hand * COALESCE(m.length_inches * m.width_inches * m.height_inches, 0)) / 1728.0 AS used_cf,
                 SUM(lot.quantity_on_hand * COALESCE(m.weight_lbs, 0)) AS used_lbs,
                 array_agg(DISTINCT m.sku ORDER BY m.sku) AS skus,
                 array_agg(lot.lot_number ORDER BY lot.lot_number COLLATE "C") AS lots
          FROM lots lot JOIN materials m ON m.material_id = lot.material_id
          WHERE lot.tenant_id = l.tenant_id AND lot.location_id = l.location_id AND lot.quantity_on_hand > 0
        ) f ON true
        WHERE true ${ids}`;
  return rows.map((row) => ({
    locationId: row.location_id,
    usedCubicFeet: Number(row.used_cf),
    usedWeightLbs: Number(row.used_lbs),
    skus: row.skus,
    lots: row.lots,
  }));
}

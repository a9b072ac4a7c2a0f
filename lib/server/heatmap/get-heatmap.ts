import 'server-only';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant, type Tx } from '../db';
import { cacheAvailability } from '../cache/cache-availability';
import { encodeHeatmap, type HeatmapRow } from './encode-heatmap';
import type { BinStatus, HeatmapPayload } from './types';

type Row = {
  code: string; zone_code: string; aisle: string; bay: number; level: number;
  utilization_pct: number | null; weight_pct: number | null; status: BinStatus;
  abc_classes: string; skus: string[]; last_movement_at: Date | null;
};

const toRow = (r: Row): HeatmapRow => ({
  code: r.code, zoneCode: r.zone_code, aisle: r.aisle, bay: r.bay, level: r.level,
  utilizationPct: r.utilization_pct, weightPct: r.weight_pct, status: r.status,
  abcClasses: r.abc_classes, skus: r.skus, lastMovementAt: r.last_movement_at,
});

async function cachedRows(tx: Tx): Promise<Row[]> {
  return tx.$queryRaw<Row[]>`
    SELECT l.location_code AS code, z.code AS zone_code, l.aisle, l.bay, l.level,
           c.utilization_pct, c.weight_pct, c.status, c.abc_classes, COALESCE(c.skus, '{}') AS skus, c.last_movement_at
    FROM inventory_locations l
    JOIN zones z ON z.zone_id = l.zone_id
    JOIN bin_utilization_cache c ON c.location_id = l.location_id
    WHERE l.is_active
    ORDER BY z.code, l.level, l.aisle, l.bay`;
}

/** The same figures computed from lots, for when the cache is rolled back or its triggers are off. */
async function liveRows(tx: Tx): Promise<Row[]> {
  return tx.$queryRaw<Row[]>`
    WITH fill AS (
      SELECT lot.location_id,
             SUM(lot.quantity_on_hand * COALESCE(m.length_inches * m.width_inches * m.height_inches, 0)) / 1728.0 AS used_cf,
             SUM(lot.quantity_on_hand * COALESCE(m.weight_lbs, 0)) AS used_lbs,
             array_agg(DISTINCT m.sku ORDER BY m.sku) AS skus,
             string_agg(DISTINCT COALESCE(m.abc_classification, 'C'), '' ORDER BY COALESCE(m.abc_classification, 'C')) AS abc_classes
      FROM lots lot JOIN materials m ON m.material_id = lot.material_id
      WHERE lot.location_id IS NOT NULL AND lot.quantity_on_hand > 0
      GROUP BY lot.location_id
    ), moved AS (
      SELECT location_id, max(created_at) AS last_movement_at FROM (
        SELECT to_location_id AS location_id, created_at FROM inventory_transactions WHERE to_location_id IS NOT NULL
        UNION ALL SELECT from_location_id, created_at FROM inventory_transactions WHERE from_location_id IS NOT NULL) t
      GROUP BY location_id
    )
    SELECT l.location_code AS code, z.code AS zone_code, l.aisle, l.bay, l.level,
           CASE WHEN l.cubic_feet > 0 THEN 100.0 * COALESCE(f.used_cf, 0) / l.cubic_feet END AS utilization_pct,
           CASE WHEN l.max_weight_lbs > 0 THEN 100.0 * COALESCE(f.used_lbs, 0) / l.max_weight_lbs END AS weight_pct,
           CASE WHEN l.cubic_feet <= 0 OR l.max_weight_lbs <= 0 THEN 'INVALID'
                WHEN 100.0 * COALESCE(f.used_cf, 0) / l.cubic_feet < 60 THEN 'UNDER'
                WHEN 100.0 * COALESCE(f.used_cf, 0) / l.cubic_feet <= 85 THEN 'OPTIMAL'
                ELSE 'OVER' END AS status,
           COALESCE(f.abc_classes, '') AS abc_classes, COALESCE(f.skus, '{}') AS skus, mv.last_movement_at
    FROM inventory_locations l
    JOIN zones z ON z.zone_id = l.zone_id
    LEFT JOIN fill f ON f.location_id = l.location_id
    LEFT JOIN moved mv ON mv.location_id = l.location_id
    WHERE l.is_active
    ORDER BY z.code, l.level, l.aisle, l.bay`;
}

/**
 * Every active bin of the tenant, as compact column arrays for the canvas heatmap (zone,
 * aisle × bay per level). Filters run in the browser, so a filter change needs no request.
 */
export async function getHeatmap(context: AuthContext): Promise<HeatmapPayload> {
  assertPermission(context, 'heatmap.read');
  return withTenant(
    context.tenantId,
    async (tx) => {
      const { usable } = await cacheAvailability(tx);
      const zones = await tx.$queryRaw<{ code: string; name: string }[]>`SELECT code, name FROM zones ORDER BY code`;
      const rows = usable ? await cachedRows(tx) : await liveRows(tx);
      return encodeHeatmap(rows.map(toRow), zones, usable ? 'cache' : 'live', new Date());
    },
    { timeoutMs: 30_000 },
  );
}

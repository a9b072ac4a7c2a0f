// Test helper (integration tests only): the cache recomputed from scratch, for comparison.
import type pg from 'pg';

export type CacheRow = {
  location_id: string;
  tenant_id: string;
  zone_id: string;
  used_cubic_feet: number;
  used_weight_lbs: number;
  utilization_pct: number | null;
  weight_pct: number | null;
  lot_count: number;
  sku_count: number;
  skus: string[];
  lot_numbers: string[];
  abc_classes: string;
  status: string;
  last_movement_at: Date | null;
};

const COLUMNS = `location_id, tenant_id, zone_id, used_cubic_feet, used_weight_lbs, utilization_pct, weight_pct,
  lot_count, sku_count, skus, lot_numbers, abc_classes, status, last_movement_at`;

/** Straight from lots, materials, locations and the ledger, with no shared code with the triggers. */
export const RECOMPUTE_SQL = `
  SELECT l.location_id, l.tenant_id, l.zone_id,
         COALESCE(f.used_cf, 0) AS used_cubic_feet, COALESCE(f.used_lbs, 0) AS used_weight_lbs,
         CASE WHEN l.cubic_feet > 0 THEN 100.0 * COALESCE(f.used_cf, 0) / l.cubic_feet END AS utilization_pct,
         CASE WHEN l.max_weight_lbs > 0 THEN 100.0 * COALESCE(f.used_lbs, 0) / l.max_weight_lbs END AS weight_pct,
         COALESCE(f.lot_count, 0) AS lot_count, COALESCE(f.sku_count, 0) AS sku_count,
         COALESCE(f.skus, '{}') AS skus, COALESCE(f.lot_numbers, '{}') AS lot_numbers, COALESCE(f.abc, '') AS abc_classes,
         CASE WHEN l.cubic_feet <= 0 OR l.max_weight_lbs <= 0 THEN 'INVALID'
              WHEN COALESCE(f.used_cf, 0) / l.cubic_feet < 0.60 THEN 'UNDER'
              WHEN COALESCE(f.used_cf, 0) / l.cubic_feet <= 0.85 THEN 'OPTIMAL' ELSE 'OVER' END AS status,
         (SELECT max(t.created_at) FROM inventory_transactions t
          WHERE t.to_location_id = l.location_id OR t.from_location_id = l.location_id) AS last_movement_at
  FROM inventory_locations l
  LEFT JOIN (
    SELECT lot.location_id,
           SUM(lot.quantity_on_hand * COALESCE(m.length_inches, 0) * COALESCE(m.width_inches, 0) * COALESCE(m.height_inches, 0)) / 1728.0 AS used_cf,
           SUM(lot.quantity_on_hand * COALESCE(m.weight_lbs, 0)) AS used_lbs,
           COUNT(*)::int AS lot_count, COUNT(DISTINCT lot.material_id)::int AS sku_count,
           array_agg(DISTINCT m.sku ORDER BY m.sku) AS skus, array_agg(lot.lot_number ORDER BY lot.lot_number COLLATE "C") AS lot_numbers,
           (SELECT string_agg(c, '' ORDER BY c) FROM (SELECT DISTINCT COALESCE(m2.abc_classification, 'C') AS c
              FROM lots x JOIN materials m2 ON m2.material_id = x.material_id
              WHERE x.location_id = lot.location_id AND x.quantity_on_hand > 0) s) AS abc
    FROM lots lot JOIN materials m ON m.material_id = lot.material_id
    WHERE lot.quantity_on_hand > 0 AND lot.location_id IS NOT NULL
    GROUP BY lot.location_id
  ) f ON f.location_id = l.location_id`;

/** All cache rows, or those of `ids`. */
export async function cacheRows(client: pg.ClientBase, ids?: string[]): Promise<CacheRow[]> {
  const where = ids ? 'WHERE location_id = ANY($1::uuid[])' : '';
  return (await client.query<CacheRow>(`SELECT ${COLUMNS} FROM bin_utilization_cache ${where} ORDER BY location_id`, ids ? [ids] : [])).rows;
}

export async function recomputedRows(client: pg.ClientBase, ids?: string[]): Promise<CacheRow[]> {
  const where = ids ? 'WHERE location_id = ANY($1::uuid[])' : '';
  return (await client.query<CacheRow>(`SELECT ${COLUMNS} FROM (${RECOMPUTE_SQL}) r ${where} ORDER BY location_id`, ids ? [ids] : [])).rows;
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(Number(a) - Number(b)) <= 1e-6 * Math.max(1, Math.abs(Number(a)), Math.abs(Number(b)));

/** Differences between the cache and the recomputation, as readable strings (empty = equal). */
export function diffRows(cache: CacheRow[], fresh: CacheRow[]): string[] {
  const problems: string[] = [];
  const byId = new Map(cache.map((r) => [r.location_id, r]));
  if (cache.length !== fresh.length) problems.push(`row count ${cache.length} != ${fresh.length}`);
  for (const want of fresh) {
    const got = byId.get(want.location_id);
    if (!got) {
      problems.push(`missing ${want.location_id}`);
      continue;
    }
    for (const key of ['used_cubic_feet', 'used_weight_lbs', 'utilization_pct', 'weight_pct'] as const) {
      if (!close(got[key], want[key])) problems.push(`${want.location_id} ${key}: ${got[key]} != ${want[key]}`);
    }
    for (const key of ['tenant_id', 'zone_id', 'lot_count', 'sku_count', 'abc_classes', 'status'] as const) {
      if (String(got[key]) !== String(want[key])) problems.push(`${want.location_id} ${key}: ${got[key]} != ${want[key]}`);
    }
    for (const key of ['skus', 'lot_numbers'] as const) {
      if (got[key].join('|') !== want[key].join('|')) problems.push(`${want.location_id} ${key}: ${got[key].join(',')} != ${want[key].join(',')}`);
    }
    if ((got.last_movement_at?.getTime() ?? null) !== (want.last_movement_at?.getTime() ?? null)) {
      problems.push(`${want.location_id} last_movement_at: ${got.last_movement_at?.toISOString()} != ${want.last_movement_at?.toISOString()}`);
    }
  }
  return problems;
}

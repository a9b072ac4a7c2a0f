import 'server-only';
import type { Tx } from '../db';

export type AffinityRefresh = { pairs: number; removed: number; orders: number; windowDays: number; ms: number };

/** Days of orders the co-pick lift is mined over; putaway reads recent orders over the same window. */
export const AFFINITY_WINDOW_DAYS = 90;

/**
 * Mines co-pick lift per SKU pair from the last `windowDays` of order lines into
 * sku_affinity, in ONE statement (upsert the current pairs, delete the ones that fell out
 * of the window), for the transaction's tenant (row-level security scopes every table).
 *
 *   lift(a, b) = P(a and b on one order) / (P(a) · P(b)) = co · N / (n_a · n_b)
 *
 * 1 means independent; above 1, picked together more than chance. Pairs seen on fewer than
 * two orders are noise and are left out. Cancelled orders do not count.
 */
export async function refreshSkuAffinity(tx: Tx, options: { windowDays?: number } = {}): Promise<AffinityRefresh> {
  const windowDays = options.windowDays ?? AFFINITY_WINDOW_DAYS;
  const started = performance.now();
  const [row] = await tx.$queryRaw<{ pairs: number; removed: number; orders: number }[]>`
    WITH order_materials AS (
      SELECT DISTINCT so.sales_order_id, sol.material_id
      FROM sales_orders so JOIN sales_order_lines sol ON sol.sales_order_id = so.sales_order_id
      WHERE so.created_at >= now() - make_interval(days => ${windowDays}::int) AND so.status <> 'CANCELLED'
    ),
    total AS (SELECT COUNT(DISTINCT sales_order_id)::float8 AS orders FROM order_materials),
    singles AS (SELECT material_id, COUNT(*)::float8 AS orders FROM order_materials GROUP BY material_id),
    pairs AS (
      SELECT a.material_id AS material_a_id, b.material_id AS material_b_id, COUNT(*)::int AS co_pick_count
      FROM order_materials a JOIN order_materials b ON b.sales_order_id = a.sales_order_id AND b.material_id > a.material_id
      GROUP BY a.material_id, b.material_id
      HAVING COUNT(*) >= 2
    ),
    upserted AS (
      INSERT INTO sku_affinity (tenant_id, material_a_id, material_b_id, co_pick_count, lift, computed_at)
      SELECT binwise_current_tenant(), p.material_a_id, p.material_b_id, p.co_pick_count,
             p.co_pick_count * t.orders / (sa.orders * sb.orders), now()
      FROM pairs p CROSS JOIN total t
      JOIN singles sa ON sa.material_id = p.material_a_id
      JOIN singles sb ON sb.material_id = p.material_b_id
      ON CONFLICT (tenant_id, material_a_id, material_b_id)
      DO UPDATE SET co_pick_count = EXCLUDED.co_pick_count, lift = EXCLUDED.lift, computed_at = EXCLUDED.computed_at
      RETURNING 1
    ),
    removed AS (
      DELETE FROM sku_affinity s
      WHERE NOT EXISTS (SELECT 1 FROM pairs p WHERE p.material_a_id = s.material_a_id AND p.material_b_id = s.material_b_id)
      RETURNING 1
    )
    SELECT (SELECT COUNT(*) FROM upserted)::int AS pairs, (SELECT COUNT(*) FROM removed)::int AS removed, (SELECT orders FROM total)::int AS orders`;
  return { pairs: row?.pairs ?? 0, removed: row?.removed ?? 0, orders: row?.orders ?? 0, windowDays, ms: performance.now() - started };
}

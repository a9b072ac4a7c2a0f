import 'server-only';
import { ZTrendInput } from '@/lib/schemas/heatmap';
import { parseInput } from '../action';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import type { UtilizationTrendPoint } from './types';

type Row = { day: Date; used_cf: number | null; capacity_cf: number | null; movements: bigint };

/**
 * Warehouse fill (used volume / capacity of active, valid bins) at the end of each of the
 * last `days` days. Derived from the ledger: today's fill minus the volume that every later
 * inventory_transactions row added (each row's quantity lands on to_location_id when
 * positive, on from_location_id when negative), so no snapshot table is needed.
 */
export async function findUtilizationTrend(context: AuthContext, input: unknown = {}): Promise<UtilizationTrendPoint[]> {
  assertPermission(context, 'heatmap.read');
  const { days } = parseInput(ZTrendInput, input);
  const rows = await withTenant(context.tenantId, (tx) => tx.$queryRaw<Row[]>`
    WITH bins AS (
      SELECT location_id, cubic_feet FROM inventory_locations WHERE is_active AND cubic_feet > 0 AND max_weight_lbs > 0
    ), current AS (
      SELECT SUM(lot.quantity_on_hand * COALESCE(m.length_inches * m.width_inches * m.height_inches, 0)) / 1728.0 AS used_cf
      FROM lots lot JOIN materials m ON m.material_id = lot.material_id JOIN bins b ON b.location_id = lot.location_id
      WHERE lot.quantity_on_hand > 0
    ), days AS (
      SELECT generate_series(date_trunc('day', now()) - make_interval(days => ${days - 1}), date_trunc('day', now()), interval '1 day') AS day
    ), deltas AS (
      SELECT date_trunc('day', t.created_at) AS day,
             SUM(t.quantity * COALESCE(m.length_inches * m.width_inches * m.height_inches, 0)) / 1728.0 AS delta_cf,
             COUNT(*) AS movements
      FROM inventory_transactions t
      JOIN materials m ON m.material_id = t.material_id
      JOIN bins b ON b.location_id = CASE WHEN t.quantity > 0 THEN COALESCE(t.to_location_id, t.from_location_id) ELSE COALESCE(t.from_location_id, t.to_location_id) END
      WHERE t.created_at >= date_trunc('day', now()) - make_interval(days => ${days - 1})
      GROUP BY 1
    )
    SELECT d.day,
           (SELECT used_cf FROM current) - COALESCE((SELECT SUM(x.delta_cf) FROM deltas x WHERE x.day > d.day), 0) AS used_cf,
           (SELECT SUM(cubic_feet) FROM bins) AS capacity_cf,
           COALESCE((SELECT x.movements FROM deltas x WHERE x.day = d.day), 0) AS movements
    FROM days d ORDER BY d.day`);
  return rows.map((r) => ({
    day: r.day.toISOString().slice(0, 10),
    fillPct: r.capacity_cf ? Math.round((1000 * Math.max(0, Number(r.used_cf ?? 0))) / Number(r.capacity_cf)) / 10 : 0,
    movements: Number(r.movements),
  }));
}

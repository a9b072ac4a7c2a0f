import 'server-only';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';

export type HeadlineFigures = {
  activeLocations: number;
  occupiedLocations: number;
  /** Mean volume utilization of occupied, valid bins, percent 0–100. */
  averageUtilizationPct: number;
  /** Share of occupied bins inside the 60–85% target band, percent 0–100. */
  inBandPct: number;
  openRecommendations: number;
  openOrdersDue24h: number;
  openPickTasks: number;
};

/**
 * Live figures for the overview. Computed from lots and materials directly, so the page is
 * correct even when the utilization cache is stale or rolled back.
 */
export async function getHeadlineFigures(context: AuthContext): Promise<HeadlineFigures> {
  assertPermission(context, 'dashboards.read');
  return withTenant(context.tenantId, async (tx) => {
    const [row] = await tx.$queryRaw<
      { active: bigint; occupied: bigint; avg_util: number | null; in_band: bigint; pending: bigint; due: bigint; picks: bigint }[]
    >`
      WITH fill AS (
        SELECT l.location_id, l.cubic_feet,
               SUM(lot.quantity_on_hand * COALESCE(m.length_inches * m.width_inches * m.height_inches, 0)) / 1728.0 AS used_cf
        FROM inventory_locations l
        JOIN lots lot ON lot.location_id = l.location_id AND lot.quantity_on_hand > 0
        JOIN materials m ON m.material_id = lot.material_id
        WHERE l.is_active AND l.cubic_feet > 0
        GROUP BY l.location_id, l.cubic_feet
      )
      SELECT
        (SELECT COUNT(*) FROM inventory_locations WHERE is_active) AS active,
        (SELECT COUNT(*) FROM fill) AS occupied,
        (SELECT AVG(100.0 * used_cf / cubic_feet) FROM fill)::float8 AS avg_util,
        (SELECT COUNT(*) FROM fill WHERE used_cf / cubic_feet BETWEEN 0.60 AND 0.85) AS in_band,
        (SELECT COUNT(*) FROM putaway_recommendations WHERE status = 'PENDING') AS pending,
        (SELECT COUNT(*) FROM sales_orders WHERE status = 'OPEN' AND due_at <= now() + interval '24 hours') AS due,
        (SELECT COUNT(*) FROM pick_tasks WHERE status = 'OPEN') AS picks`;
    const occupied = Number(row?.occupied ?? 0);
    return {
      activeLocations: Number(row?.active ?? 0),
      occupiedLocations: occupied,
      averageUtilizationPct: Math.round((row?.avg_util ?? 0) * 10) / 10,
      inBandPct: occupied ? Math.round((1000 * Number(row?.in_band ?? 0)) / occupied) / 10 : 0,
      openRecommendations: Number(row?.pending ?? 0),
      openOrdersDue24h: Number(row?.due ?? 0),
      openPickTasks: Number(row?.picks ?? 0),
    };
  });
}

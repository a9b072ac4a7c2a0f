import 'server-only';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';

export type DemoReceipt = { ref: string; label: string; items: { sku: string; quantity: number }[] };

/**
 * Inbound receipts for the demo: the open orders' lines, as if the stock to fill them had
 * just arrived at the dock (so cross-dock and affinity show up). Ten orders, one query.
 */
export async function findDemoReceipts(context: AuthContext): Promise<DemoReceipt[]> {
  assertPermission(context, 'recommendations.create');
  return withTenant(context.tenantId, async (tx) => {
    const rows = await tx.$queryRaw<{ order_number: string; customer: string; due_at: Date; items: { sku: string; quantity: number }[] }[]>`
      SELECT so.order_number, so.customer, so.due_at,
             json_agg(json_build_object('sku', m.sku, 'quantity', sol.quantity) ORDER BY m.sku) AS items
      FROM sales_orders so
      JOIN sales_order_lines sol ON sol.sales_order_id = so.sales_order_id
      JOIN materials m ON m.material_id = sol.material_id
      WHERE so.status = 'OPEN'
      GROUP BY so.sales_order_id
      ORDER BY so.due_at
      LIMIT 10`;
    return rows.map((r) => ({
      ref: r.order_number,
      label: `${r.order_number} · ${r.customer} · due ${r.due_at.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${r.items.length} lines`,
      items: r.items,
    }));
  });
}

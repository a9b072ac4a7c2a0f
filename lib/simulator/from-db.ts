import { parseScenario, type Scenario } from './scenario';

/**
 * Builds a scenario from the product's tables: the facility, its active bins and materials,
 * the stock as it stood when the window opened as the initial lots, and the last `days` days of
 * receipts and orders replayed from day 0 (orders of the 60 days before that become history for
 * ABC and affinity).
 * The stock at the start is each lot's quantity on hand today less its inventory transactions
 * since (receipts, picks, moves and adjustments are signed changes to the lot), in the bin the lot
 * lies in: a lot received inside the window starts empty, and one picked empty inside it starts
 * with what was picked. A lot picked empty is closed (its location cleared), so it is placed in
 * the bin its last transaction took it from. Lots empty since before the window are skipped. Starting from today's stock instead would count a receipt of the window
 * that is still on hand twice, and miss the stock picked out inside the window. The lots come
 * oldest first, since the replay picks its day-0 stock in that order (FIFO).
 * It runs through an injected query function, so it stays free of I/O itself and works both
 * from the CLI (a pg client filtered by tenant) and the server (a withTenant transaction).
 */
export type QueryFunction = <Row>(text: string, values: readonly unknown[]) => Promise<Row[]>;

const DAY_MS = 86_400_000;

export async function scenarioFromDatabase(query: QueryFunction, tenantId: string, options: { days?: number; now?: Date; name?: string } = {}): Promise<Scenario> {
  const days = options.days ?? 30;
  const now = options.now ?? new Date();
  const start = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
  const historyStart = new Date(start.getTime() - 60 * DAY_MS);
  const dayOf = (value: Date | string) => Math.floor((new Date(value).getTime() - start.getTime()) / DAY_MS);

  const facilities = await query<{ x: number; y: number; name: string }>(`SELECT dock_x_feet AS x, dock_y_feet AS y, name FROM facilities WHERE tenant_id = $1::uuid ORDER BY code LIMIT 1`, [tenantId]);
  const locations = await query<{
    code: string; zone: string; aisle: string; bay: number; level: number; x: number; y: number; type: string;
    cubic_feet: number; max_weight_lbs: number; l: number; w: number; h: number; allow_mixing: boolean;
  }>(
    `SELECT l.location_code AS code, z.code AS zone, l.aisle, l.bay, l.level, l.x_feet AS x, l.y_feet AS y, l.location_type::text AS type,
            l.cubic_feet, l.max_weight_lbs, l.inside_length_inches AS l, l.inside_width_inches AS w, l.inside_height_inches AS h, l.allow_mixing
       FROM inventory_locations l JOIN zones z ON z.zone_id = l.zone_id
      WHERE l.tenant_id = $1::uuid AND l.is_active AND l.cubic_feet > 0 AND l.max_weight_lbs > 0`,
    [tenantId],
  );
  const materials = await query<{ sku: string; l: number | null; w: number | null; h: number | null; weight: number | null; abc: string | null }>(
    `SELECT sku, length_inches AS l, width_inches AS w, height_inches AS h, weight_lbs AS weight, abc_classification AS abc
       FROM materials WHERE tenant_id = $1::uuid AND is_active`,
    [tenantId],
  );
  const lots = await query<{ sku: string; code: string; quantity: number }>(
    `SELECT sku, code, quantity FROM (
       SELECT m.sku, l.location_code AS code, lot.lot_id, lot.received_at,
              lot.quantity_on_hand - COALESCE((SELECT SUM(t.quantity) FROM inventory_transactions t
                                                WHERE t.tenant_id = lot.tenant_id AND t.lot_id = lot.lot_id AND t.created_at >= $2), 0) AS quantity
         FROM lots lot
         JOIN materials m ON m.material_id = lot.material_id
         CROSS JOIN LATERAL (
           SELECT COALESCE(lot.location_id, (SELECT COALESCE(t.from_location_id, t.to_location_id) FROM inventory_transactions t
                                              WHERE t.tenant_id = lot.tenant_id AND t.lot_id = lot.lot_id
                                              ORDER BY t.created_at DESC LIMIT 1)) AS location_id) placed
         JOIN inventory_locations l ON l.location_id = placed.location_id
        WHERE lot.tenant_id = $1::uuid AND l.is_active AND m.is_active AND l.cubic_feet > 0 AND l.max_weight_lbs > 0
          AND (lot.quantity_on_hand > 0 OR EXISTS (SELECT 1 FROM inventory_transactions t
                                                  WHERE t.tenant_id = lot.tenant_id AND t.lot_id = lot.lot_id AND t.created_at >= $2))) at_start
      WHERE quantity > 0
      ORDER BY received_at, lot_id`,
    [tenantId, start],
  );
  const receipts = await query<{ sku: string; quantity: number; at: Date }>(
    `SELECT m.sku, t.quantity, t.created_at AS at FROM inventory_transactions t JOIN materials m ON m.material_id = t.material_id
      WHERE t.tenant_id = $1::uuid AND t.transaction_type = 'RECEIPT' AND t.quantity > 0 AND t.created_at >= $2 AND m.is_active
      ORDER BY t.created_at`,
    [tenantId, start],
  );
  const orderLines = await query<{ order_number: string; created_at: Date; due_at: Date; sku: string; quantity: number }>(
    `SELECT so.order_number, so.created_at, so.due_at, m.sku, sol.quantity
       FROM sales_orders so JOIN sales_order_lines sol ON sol.sales_order_id = so.sales_order_id JOIN materials m ON m.material_id = sol.material_id
      WHERE so.tenant_id = $1::uuid AND so.status <> 'CANCELLED' AND so.created_at >= $2 AND sol.quantity > 0 AND m.is_active
      ORDER BY so.created_at, so.order_number`,
    [tenantId, historyStart],
  );

  const orders = new Map<string, { day: number; due: number; lines: { sku: string; quantity: number }[] }>();
  for (const line of orderLines) {
    const day = dayOf(line.created_at);
    const entry = orders.get(line.order_number) ?? { day, due: Math.max(day, Math.min(days - 1, dayOf(line.due_at))), lines: [] };
    entry.lines.push({ sku: line.sku, quantity: Math.round(Number(line.quantity)) });
    orders.set(line.order_number, entry);
  }
  const knownSkus = new Set(materials.map((material) => material.sku));
  const scenario = {
    name: options.name ?? `${facilities[0]?.name ?? 'warehouse'} (last ${days} days)`,
    dock: { x: Number(facilities[0]?.x ?? 0), y: Number(facilities[0]?.y ?? 0) },
    locations: locations.map((row) => ({
      code: row.code, zone: row.zone, aisle: row.aisle, bay: Number(row.bay), level: Number(row.level), x: Number(row.x), y: Number(row.y), type: row.type,
      cubicFeet: Number(row.cubic_feet), maxWeightLbs: Number(row.max_weight_lbs), insideInches: { l: Number(row.l), w: Number(row.w), h: Number(row.h) }, allowMixing: row.allow_mixing,
    })),
    // Materials without dimensions are given 1-inch cubes so they still count, as the runbook audit flags them.
    materials: materials.map((row) => ({ sku: row.sku, lengthIn: Number(row.l) || 1, widthIn: Number(row.w) || 1, heightIn: Number(row.h) || 1, weightLbs: Number(row.weight) || 0, ...(row.abc === 'A' || row.abc === 'B' || row.abc === 'C' ? { abc: row.abc } : {}) })),
    initialLots: lots.map((row) => ({ sku: row.sku, locationCode: row.code, quantity: Number(row.quantity) })),
    events: [
      ...receipts.filter((row) => knownSkus.has(row.sku)).map((row) => ({ day: Math.max(0, dayOf(row.at)), kind: 'receipt' as const, sku: row.sku, quantity: Number(row.quantity) })),
      ...[...orders].map(([id, order]) => ({ day: order.day, kind: 'order' as const, id, ...(order.day >= 0 ? { due: order.due } : {}), lines: order.lines })),
    ],
  };
  return parseScenario(scenario);
}

/**
 * Outbound demand: 90 days of shipped sales orders (co-picked families, Pareto SKUs), then
 * ~40 open orders, a share of them due within the next 24–46 hours (cross-dock candidates).
 */
import type { MaterialRow, SalesOrderLineRow, SalesOrderRow } from './types';
import { DAY_MS, HOUR_MS, Rng, WeightedSampler } from './random';

export const CUSTOMERS = ['Harbor Books', 'Summit Publishing', 'Greenleaf Foods', 'Bright Cosmetics', 'Pinecrest University', 'Northgate Retail',
  'Bluewater Beverages', 'Atlas Pharma', 'Cedar Toys', 'Metro Transit Authority', 'Redwood Outdoor', 'Lakeside Hospital', 'Orbit Electronics',
  'Meadow Dairy', 'Crown Stationery', 'Union Mail House'];

/** One pick of shipped demand: a line of an order, picked at `at` (ms). */
export type PickEvent = { materialIndex: number; quantity: number; at: number; lineId: string; orderNumber: string };

export type OrderBook = { orders: SalesOrderRow[]; lines: SalesOrderLineRow[]; picks: PickEvent[] };

export function ordersPerDayFor(locations: number): number {
  return Math.min(600, Math.max(15, Math.round(locations / 25)));
}

function linesFor(rng: Rng, materials: MaterialRow[], sampler: WeightedSampler, families: Map<number, number[]>): number[] {
  const chosen = new Set<number>();
  const primary = sampler.draw(rng);
  chosen.add(primary);
  const family = materials[primary].family;
  if (family !== null && rng.chance(0.8)) {
    const members = families.get(family)!.filter((i) => i !== primary);
    for (const i of rng.sample(members, rng.int(1, members.length))) chosen.add(i);
  }
  const extra = rng.weightedIndex([0.5, 0.33, 0.17]);
  for (let e = 0; e < extra; e++) chosen.add(sampler.draw(rng));
  return [...chosen];
}

export function generateShippedOrders(rng: Rng, materials: MaterialRow[], now: number, perDay: number): OrderBook {
  const sampler = new WeightedSampler(materials.map((m) => m.demand));
  const families = new Map<number, number[]>();
  materials.forEach((m, i) => { if (m.family !== null) families.set(m.family, [...(families.get(m.family) ?? []), i]); });
  const orders: SalesOrderRow[] = [];
  const lines: SalesOrderLineRow[] = [];
  const picks: PickEvent[] = [];
  const start = now - 90 * DAY_MS;
  for (let d = 0; d < 90; d++) {
    const dayStart = start + d * DAY_MS;
    const weekday = new Date(dayStart).getUTCDay();
    const factor = weekday === 0 || weekday === 6 ? 0.25 : 1;
    const n = Math.round(perDay * factor * rng.range(0.8, 1.2));
    for (let o = 0; o < n; o++) {
      const created = dayStart + rng.range(6, 18) * HOUR_MS;
      const shipped = Math.min(created + rng.range(3, 20) * HOUR_MS, now - HOUR_MS);
      const orderNumber = `SO-${String(orders.length + 1).padStart(6, '0')}`;
      const salesOrderId = rng.uuid();
      orders.push({ salesOrderId, orderNumber, customer: rng.pick(CUSTOMERS), status: 'SHIPPED',
        createdAt: new Date(created), dueAt: new Date(created + rng.int(1, 3) * DAY_MS), shippedAt: new Date(shipped) });
      for (const materialIndex of linesFor(rng, materials, sampler, families)) {
        const [lo, hi] = materials[materialIndex].lineQty;
        const quantity = rng.int(lo, hi);
        const lineId = rng.uuid();
        lines.push({ lineId, salesOrderId, materialId: materials[materialIndex].materialId, quantity, quantityPicked: quantity });
        picks.push({ materialIndex, quantity, at: Math.round(created + (shipped - created) * rng.range(0.3, 0.9)), lineId, orderNumber });
      }
    }
  }
  return { orders, lines, picks };
}

/**
 * Open orders after the history: `crossDock` of them due between now+2h and now+46h (so at any
 * time of the anchor day several are due within 24 hours) for SKUs that are received often; the
 * rest due in 2–14 days.
 */
export function generateOpenOrders(rng: Rng, materials: MaterialRow[], now: number, count: number, crossDock: number,
  frequentlyReceived: number[], firstNumber: number): { orders: SalesOrderRow[]; lines: SalesOrderLineRow[] } {
  const sampler = new WeightedSampler(materials.map((m) => m.demand));
  const families = new Map<number, number[]>();
  materials.forEach((m, i) => { if (m.family !== null) families.set(m.family, [...(families.get(m.family) ?? []), i]); });
  const orders: SalesOrderRow[] = [];
  const lines: SalesOrderLineRow[] = [];
  for (let o = 0; o < count; o++) {
    const isCrossDock = o < crossDock;
    const dueAt = isCrossDock ? now + (2 + (44 * (o + rng.next())) / crossDock) * HOUR_MS : now + rng.range(2, 14) * DAY_MS;
    const salesOrderId = rng.uuid();
    orders.push({ salesOrderId, orderNumber: `SO-${String(firstNumber + o).padStart(6, '0')}`, customer: rng.pick(CUSTOMERS), status: 'OPEN',
      createdAt: new Date(now - rng.range(1, 72) * HOUR_MS), dueAt: new Date(dueAt), shippedAt: null });
    const picked = isCrossDock
      ? rng.sample(frequentlyReceived, rng.int(1, 3))
      : linesFor(rng, materials, sampler, families);
    for (const i of picked) {
      const [lo, hi] = materials[i].lineQty;
      lines.push({ lineId: rng.uuid(), salesOrderId, materialId: materials[i].materialId, quantity: rng.int(lo, hi), quantityPicked: 0 });
    }
  }
  return { orders, lines };
}

import type { CrossDockNeed } from './policies/types';
import type { OrderEvent } from './scenario';
import type { Lot, WarehouseState } from './state';

/**
 * Open demand against the stock during a replay: which lots a FIFO pick draws from, the pick lines
 * planned per aisle (the congestion signal), and what orders due soon are short of (cross-dock).
 */

/** Orders due within this many days (today included) may claim a receipt for cross-docking. */
export const CROSS_DOCK_HORIZON_DAYS = 2;

/** The lots a FIFO pick of `quantity` units would draw from, oldest first (reserved lots of the order first). */
export function* fifoLots(state: WarehouseState, sku: string, orderRef: string): Generator<Lot> {
  const lots = state.lotsBySku.get(sku) ?? [];
  for (const lot of lots) if (lot.reservedFor === orderRef && lot.quantity > 0) yield lot;
  for (const lot of lots) if (!lot.reservedFor && lot.quantity > 0) yield lot;
}

/** Pick lines planned for today per aisle, from where FIFO would take the stock now. */
export function plannedPicksByAisle(state: WarehouseState, orders: readonly OrderEvent[]): Map<string, number> {
  const byAisle = new Map<string, number>();
  const drawn = new Map<Lot, number>();
  for (const order of orders) {
    for (const line of order.lines) {
      let left = line.quantity;
      for (const lot of fifoLots(state, line.sku, order.id)) {
        if (left <= 0) break;
        const available = lot.quantity - (drawn.get(lot) ?? 0);
        if (available <= 0) continue;
        const take = Math.min(available, left);
        drawn.set(lot, (drawn.get(lot) ?? 0) + take);
        left -= take;
        const aisle = state.locations[lot.bin].aisle;
        byAisle.set(aisle, (byAisle.get(aisle) ?? 0) + 1);
      }
    }
  }
  return byAisle;
}

/** Shortfalls of orders due soon for the skus received today, earliest due first. */
export function crossDockNeeds(state: WarehouseState, open: readonly OrderEvent[], day: number, received: ReadonlySet<string>): CrossDockNeed[] {
  const soon = open
    .filter((order) => (order.due ?? order.day) < day + CROSS_DOCK_HORIZON_DAYS)
    .sort((a, b) => (a.due ?? a.day) - (b.due ?? b.day) || a.day - b.day);
  const free = new Map<string, number>();
  const needs: CrossDockNeed[] = [];
  for (const order of soon) {
    // One need per sku and order: an order may name a sku on several lines.
    const wanted = new Map<string, number>();
    for (const line of order.lines) if (received.has(line.sku)) wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.quantity);
    for (const [sku, quantity] of wanted) {
      if (!free.has(sku)) free.set(sku, state.onHand(sku));
      const reserved = (state.lotsBySku.get(sku) ?? []).reduce((sum, lot) => sum + (lot.reservedFor === order.id ? lot.quantity : 0), 0);
      const fromStock = Math.min(free.get(sku) ?? 0, Math.max(0, quantity - reserved));
      free.set(sku, (free.get(sku) ?? 0) - fromStock);
      const short = quantity - reserved - fromStock;
      if (short > 0) needs.push({ sku, quantity: short, dueDay: order.due ?? order.day, orderRef: order.id });
    }
  }
  return needs;
}

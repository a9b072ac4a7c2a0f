import type { OpenDemand, PutawayItem } from './types';

/** Units of one received line promised to one outbound order. */
export type CrossDockAllocation = { itemIndex: number; orderRef: string; dueAt: number; quantity: number };

/** Milliseconds per hour. */
export const MS_PER_HOUR = 3_600_000;

/**
 * Matches received units to open outbound demand due within the horizon
 * (`dueAt <= now + horizonHours`; overdue demand counts too), earliest due
 * first (ties: orderRef, then input order). Each demand line and each
 * received unit is used at most once; received lines are consumed in input
 * order. Quantities are whole units (demand is floored).
 */
export function allocateCrossDock(
  items: readonly PutawayItem[],
  demand: readonly OpenDemand[],
  now: number,
  horizonHours: number,
): CrossDockAllocation[] {
  const limit = now + horizonHours * MS_PER_HOUR;
  const bySku = new Map<string, { orderRef: string; dueAt: number; left: number; idx: number }[]>();
  demand.forEach((d, idx) => {
    const qty = Math.floor(d.quantity);
    if (qty <= 0 || d.dueAt > limit) return;
    const list = bySku.get(d.sku) ?? [];
    list.push({ orderRef: d.orderRef, dueAt: d.dueAt, left: qty, idx });
    bySku.set(d.sku, list);
  });
  for (const list of bySku.values()) {
    list.sort((a, b) => a.dueAt - b.dueAt || (a.orderRef < b.orderRef ? -1 : a.orderRef > b.orderRef ? 1 : 0) || a.idx - b.idx);
  }
  const out: CrossDockAllocation[] = [];
  items.forEach((it, itemIndex) => {
    const list = bySku.get(it.sku);
    if (!list) return;
    let left = it.quantity;
    for (const d of list) {
      if (left === 0) break;
      if (d.left === 0) continue;
      const q = Math.min(left, d.left);
      d.left -= q;
      left -= q;
      out.push({ itemIndex, orderRef: d.orderRef, dueAt: d.dueAt, quantity: q });
    }
  });
  return out;
}

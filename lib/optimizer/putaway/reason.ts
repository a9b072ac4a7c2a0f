import { MS_PER_HOUR } from './cross-dock';
import type { AbcClass } from './types';

/** Facts shown in a one-line reason. */
export type ReasonInput = {
  abc: AbcClass;
  distanceFt: number;
  fillAfter: number;
  partners: number;
  consolidation: number;
  openTasks: number;
  aisle: string;
  showCongestion: boolean;
  showAffinity: boolean;
  /** Mean feet of pick tour this bin's aisle adds to the SKU's recent orders (order-aware travel). */
  tourFt?: number;
  crossDock?: { orderRef: string; dueAt: number; now: number };
};

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * One-line human explanation, e.g.
 * "A-class, 38 ft from dock, fills bin to 78%, next to 2 co-picked SKUs".
 */
export function buildReason(r: ReasonInput): string {
  const ft = `${Math.round(r.distanceFt)} ft from dock`;
  if (r.crossDock) {
    const hours = (r.crossDock.dueAt - r.crossDock.now) / MS_PER_HOUR;
    const due = hours < 0 ? `overdue by ${Math.abs(hours).toFixed(1)} h` : `due in ${hours.toFixed(1)} h`;
    return `Cross-dock for order ${r.crossDock.orderRef} (${due}), staged ${ft}, fills to ${pct(r.fillAfter)}`;
  }
  const parts = [`${r.abc}-class`, ft, `fills bin to ${pct(r.fillAfter)}`];
  if (r.showAffinity && r.partners > 0) parts.push(`next to ${r.partners} co-picked SKU${r.partners === 1 ? '' : 's'}`);
  if (r.showAffinity && r.tourFt !== undefined) parts.push(`adds ${Math.round(r.tourFt)} ft to its orders' pick tours`);
  if (r.consolidation >= 1) parts.push('same SKU and lot already there');
  else if (r.consolidation > 0) parts.push('same SKU already there');
  if (r.showCongestion && r.openTasks > 0) parts.push(`${r.openTasks} open pick${r.openTasks === 1 ? '' : 's'} in aisle ${r.aisle}`);
  return parts.join(', ');
}

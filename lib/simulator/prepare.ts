import type { DayZeroStock } from './policies/names';
import type { AbcClass } from './policies/types';
import type { OrderEvent, ReceiptEvent, Scenario } from './scenario';
import { STORAGE_TYPES, materialMap, type Material } from './state';
import { buildLayout, type Layout } from './travel';

/** Everything derived once from a scenario and shared by every policy's replay. */
export type PreparedScenario = {
  /** With `slotted` day-0 stock, a copy without `initialLots` (they are day-0 receipts instead). */
  scenario: Scenario;
  dayZeroStock: DayZeroStock;
  materials: Map<string, Material>;
  layout: Layout;
  binIndexByCode: Map<string, number>;
  binsByCode: number[];
  binsByDistance: number[];
  stagingBins: number[];
  explicitAbc: Map<string, AbcClass>;
  history: OrderEvent[];
  /** History orders still due on or after day 0: open at the start and picked on their due day. */
  openAtStart: OrderEvent[];
  ordersByDay: Map<number, OrderEvent[]>;
  dueByDay: Map<number, OrderEvent[]>;
  receiptsByDay: Map<number, ReceiptEvent[]>;
  lastDay: number;
};

const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function prepareScenario(original: Scenario, options: { dayZeroStock?: DayZeroStock } = {}): PreparedScenario {
  const dayZeroStock = options.dayZeroStock ?? 'as-is';
  const scenario = dayZeroStock === 'slotted' ? { ...original, initialLots: [] } : original;
  const locations = scenario.locations;
  const layout = buildLayout(locations, scenario.dock);
  const indices = locations.map((_, index) => index);
  const active = indices.filter((index) => STORAGE_TYPES.has(locations[index].type));
  // Plain code-point order, the way a database sorts location names (Odoo orders by name).
  const binsByCode = [...active].sort((a, b) => compareCodes(locations[a].code, locations[b].code));
  const byDistance = (a: number, b: number) => layout.oneWay(a) - layout.oneWay(b) || compareCodes(locations[a].code, locations[b].code);
  const binsByDistance = [...active].sort(byDistance);
  const stagingBins = indices.filter((index) => locations[index].type === 'STAGING').sort(byDistance);

  const explicitAbc = new Map<string, AbcClass>();
  for (const material of scenario.materials) if (material.abc) explicitAbc.set(material.sku, material.abc);

  const history: OrderEvent[] = [];
  const openAtStart: OrderEvent[] = [];
  const ordersByDay = new Map<number, OrderEvent[]>();
  const dueByDay = new Map<number, OrderEvent[]>();
  const receiptsByDay = new Map<number, ReceiptEvent[]>();
  let lastDay = 0;
  if (dayZeroStock === 'slotted') {
    // One receipt line per sku, in the order the lots are listed, before the day's own receipts.
    const units = new Map<string, number>();
    for (const lot of original.initialLots) units.set(lot.sku, (units.get(lot.sku) ?? 0) + lot.quantity);
    for (const [sku, quantity] of units) if (quantity > 0) push(receiptsByDay, 0, { day: 0, kind: 'receipt', sku, quantity });
  }
  // Order ids need not be unique (exports often restart numbering every day), but the replay
  // keys staged stock and open demand by order: each order gets its own id here.
  const usedIds = new Set<string>();
  const uniqueId = (id: string) => {
    let ref = id;
    for (let n = 2; usedIds.has(ref); n += 1) ref = `${id}#${n}`;
    usedIds.add(ref);
    return ref;
  };
  for (const original of scenario.events) {
    const event = original.kind === 'order' ? { ...original, id: uniqueId(original.id) } : original;
    if (event.kind === 'receipt') {
      if (event.day < 0) continue;
      push(receiptsByDay, event.day, event);
      lastDay = Math.max(lastDay, event.day);
      continue;
    }
    if (event.day < 0) {
      history.push(event);
      if (event.due !== undefined && event.due >= 0) {
        openAtStart.push(event);
        push(dueByDay, event.due, event);
        lastDay = Math.max(lastDay, event.due);
      }
      continue;
    }
    push(ordersByDay, event.day, event);
    const due = event.due ?? event.day;
    push(dueByDay, due, event);
    lastDay = Math.max(lastDay, due);
  }
  return {
    scenario,
    dayZeroStock,
    materials: materialMap(scenario),
    layout,
    binIndexByCode: new Map(locations.map((location, index) => [location.code, index])),
    binsByCode,
    binsByDistance,
    stagingBins,
    explicitAbc,
    history,
    openAtStart,
    ordersByDay,
    dueByDay,
    receiptsByDay,
    lastDay,
  };
}

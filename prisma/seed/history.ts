/**
 * Stock history that reconciles exactly: every lot's quantity_on_hand equals the sum of its
 * inventory_transactions. Current lots (in bins) get a RECEIPT sized to cover what was picked
 * from them since; older demand is served by depleted lots (received, picked to zero, closed:
 * location_id NULL). A few lots were moved (two MOVE rows) or adjusted by cycle counts.
 */
import type { LocationRow, LotRow, MaterialRow, PickTaskRow, SalesOrderLineRow, TransactionRow } from './types';
import type { PlacedLot } from './placement';
import type { PickEvent } from './orders';
import { fits } from './placement';
import { CATEGORY_ZONE } from './materials';
import { DAY_MS, HOUR_MS, Rng } from './random';

type Event = { at: number; quantity: number; type: 'PICK' | 'ADJUST'; reference: string; lineId: string | null };
type LotState = {
  lotId: string; materialIndex: number; locationId: string | null; home: string; receivedAt: number;
  finalQty: number; absorbed: number; cap: number; events: Event[]; move: { at: number; from: string } | null;
};

export type StockHistory = { lots: LotRow[]; transactions: TransactionRow[]; doneTasks: PickTaskRow[]; pickCounts: number[]; receiptCounts: number[] };

export function buildStockHistory(rng: Rng, now: number, materials: MaterialRow[], locations: LocationRow[], placed: PlacedLot[],
  picks: PickEvent[], negativeStockLots: number): StockHistory {
  const matIndex = new Map(materials.map((m, i) => [m.materialId, i]));
  const start = now - 90 * DAY_MS;
  const perMaterial: LotState[][] = materials.map(() => []);
  const current: LotState[] = placed.map((p) => {
    const lot: LotState = { lotId: p.lotId, materialIndex: matIndex.get(p.materialId)!, locationId: p.locationId, home: p.locationId,
      receivedAt: Math.round(now - (0.25 + 89.5 * Math.pow(rng.next(), 1.5)) * DAY_MS), finalQty: p.quantity, absorbed: 0, cap: 0, events: [], move: null };
    perMaterial[lot.materialIndex].push(lot);
    return lot;
  });
  const stdQty = perMaterial.map((lots, i) => Math.max(1, ...lots.map((l) => l.finalQty), materials[i].lineQty[1]));
  for (const lot of current) lot.cap = lot.finalQty + 2 * stdQty[lot.materialIndex];
  for (const lots of perMaterial) lots.sort((a, b) => a.receivedAt - b.receivedAt);

  // Serve demand newest-first: a pick comes from a current lot received before it, else a depleted lot.
  const depleted: LotState[] = [];
  const openDepleted = new Map<number, LotState>();
  const sorted = [...picks].sort((a, b) => b.at - a.at);
  for (const pick of sorted) {
    const mi = pick.materialIndex;
    let lot: LotState | undefined;
    const lots = perMaterial[mi];
    const received = receivedBefore(lots, pick.at - HOUR_MS);
    for (let attempt = 0; attempt < 12 && received > 0 && !lot; attempt++) {
      const candidate = lots[rng.int(0, received - 1)];
      if (candidate.absorbed + pick.quantity <= candidate.cap) lot = candidate;
    }
    if (!lot) {
      lot = openDepleted.get(mi);
      if (!lot || (lot.absorbed > 0 && lot.absorbed + pick.quantity > 3 * stdQty[mi])) {
        const home = perMaterial[mi].length > 0 ? rng.pick(perMaterial[mi]).home : homeFor(rng, materials[mi], locations);
        lot = { lotId: rng.uuid(), materialIndex: mi, locationId: null, home, receivedAt: pick.at, finalQty: 0, absorbed: 0, cap: Infinity, events: [], move: null };
        openDepleted.set(mi, lot);
        depleted.push(lot);
      }
    }
    lot.absorbed += pick.quantity;
    lot.events.push({ at: pick.at, quantity: -pick.quantity, type: 'PICK', reference: pick.orderNumber, lineId: pick.lineId });
    if (lot.locationId === null) lot.receivedAt = Math.max(start, Math.min(lot.receivedAt, pick.at - rng.range(2, 72) * HOUR_MS));
  }

  // Cycle-count adjustments (mostly shrinkage) on ~0.5% of current lots.
  for (const lot of rng.sample(current, Math.max(3, Math.round(current.length * 0.005)))) {
    const delta = lot.finalQty + lot.absorbed >= 3 ? rng.pick([-2, -1, -1, 1]) : -1;
    lot.events.push({ at: lot.receivedAt + (now - lot.receivedAt) * rng.range(0.1, 0.95), quantity: delta, type: 'ADJUST', reference: 'CYCLE-COUNT', lineId: null });
  }
  // Moves: ~1% of current lots arrived in another bin of the same zone and were moved to where they are now.
  const byZone = new Map<string, LocationRow[]>();
  for (const l of locations) {
    if (!l.isActive || l.cubicFeet <= 0 || l.maxWeightLbs <= 0 || l.type === 'DOCK' || l.type === 'STAGING') continue;
    const list = byZone.get(l.zoneCode);
    if (list) list.push(l);
    else byZone.set(l.zoneCode, [l]);
  }
  for (const lot of rng.sample(current.filter((l) => l.receivedAt < now - 2 * DAY_MS), Math.max(3, Math.round(current.length * 0.01)))) {
    const candidates = byZone.get(CATEGORY_ZONE[materials[lot.materialIndex].category]) ?? [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const from = rng.pick(candidates);
      if (from.locationId !== lot.locationId && fits(materials[lot.materialIndex], from)) {
        lot.move = { at: lot.receivedAt + (now - lot.receivedAt) * rng.range(0.2, 0.9), from: from.locationId };
        lot.home = from.locationId;
        break;
      }
    }
  }
  // Deliberate defect: a short pick drives one lot to -2 (a receipt was never posted).
  const shortable = current.filter((l) => !l.move && l.finalQty >= 1 && ['PLATES', 'FINISHED'].includes(CATEGORY_ZONE[materials[l.materialIndex].category]));
  for (const lot of rng.sample(shortable, negativeStockLots)) {
    lot.events.push({ at: now - 3 * HOUR_MS, quantity: -(lot.finalQty + 2), type: 'PICK', reference: 'SHORT-PICK (receipt not posted)', lineId: null });
    lot.finalQty = -2;
  }

  const all = [...current, ...depleted].sort((a, b) => a.receivedAt - b.receivedAt || (a.lotId < b.lotId ? -1 : 1));
  const lots: LotRow[] = [];
  const transactions: TransactionRow[] = [];
  const doneTasks: PickTaskRow[] = [];
  const pickCounts = new Array<number>(materials.length).fill(0);
  const receiptCounts = new Array<number>(materials.length).fill(0);
  all.forEach((lot, seq) => {
    const m = materials[lot.materialIndex];
    const received = new Date(lot.receivedAt);
    const lotNumber = `L${String(received.getUTCFullYear() % 100).padStart(2, '0')}${String(received.getUTCMonth() + 1).padStart(2, '0')}-${String(seq + 1).padStart(6, '0')}`;
    lots.push({ lotId: lot.lotId, lotNumber, materialId: m.materialId, locationId: lot.locationId, quantityOnHand: lot.finalQty, receivedAt: received });
    const receiptQty = lot.finalQty - lot.events.reduce((s, e) => s + e.quantity, 0);
    receiptCounts[lot.materialIndex]++;
    const tx = (type: TransactionRow['type'], quantity: number, at: number, from: string | null, to: string | null, reference: string | null) =>
      transactions.push({ transactionId: rng.uuid(), type, materialId: m.materialId, lotId: lot.lotId, quantity, fromLocationId: from, toLocationId: to, reference, createdAt: new Date(Math.round(at)) });
    tx('RECEIPT', receiptQty, lot.receivedAt, null, lot.home, `PO-${String(700000 + seq)}`);
    const where = (at: number) => (lot.move && at < lot.move.at ? lot.move.from : (lot.locationId ?? lot.home));
    for (const e of lot.events.sort((a, b) => a.at - b.at)) {
      const loc = where(e.at);
      if (e.type === 'PICK') {
        tx('PICK', e.quantity, e.at, loc, null, e.reference);
        pickCounts[lot.materialIndex]++;
        if (e.lineId && e.at >= now - 7 * DAY_MS) {
          doneTasks.push({ pickTaskId: rng.uuid(), locationId: loc, materialId: m.materialId, lineId: e.lineId, quantity: -e.quantity, status: 'DONE',
            createdAt: new Date(Math.round(e.at - rng.range(10, 60) * 60_000)), completedAt: new Date(Math.round(e.at)) });
        }
      } else tx('ADJUST', e.quantity, e.at, loc, loc, e.reference);
    }
    if (lot.move) {
      const later = lot.events.filter((e) => e.at >= lot.move!.at).reduce((s, e) => s + e.quantity, 0);
      const q = lot.finalQty - later;
      tx('MOVE', -q, lot.move.at, lot.move.from, lot.locationId, 'REPLENISH');
      tx('MOVE', q, lot.move.at, lot.move.from, lot.locationId, 'REPLENISH');
    }
  });
  return { lots, transactions, doneTasks, pickCounts, receiptCounts };
}

/** How many of `lots` (sorted by receivedAt) were received before `at`. */
function receivedBefore(lots: LotState[], at: number): number {
  let lo = 0;
  let hi = lots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lots[mid].receivedAt < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function homeFor(rng: Rng, m: MaterialRow, locations: LocationRow[]): string {
  const zone = CATEGORY_ZONE[m.category];
  const options = locations.filter((l) => l.zoneCode === zone && l.isActive && fits(m, l));
  return (options.length > 0 ? rng.pick(options) : locations[0]).locationId;
}

/** ~50–150 open pick tasks, 75% of them crowded into three "hot" aisles (congestion), the rest for open order lines. */
export function openPickTasks(rng: Rng, now: number, count: number, lots: LotRow[], locations: LocationRow[], openLines: SalesOrderLineRow[]): PickTaskRow[] {
  const locById = new Map(locations.map((l) => [l.locationId, l]));
  const stocked = lots.filter((l) => l.locationId !== null && l.quantityOnHand > 0);
  const aisleKey = (l: LotRow) => { const loc = locById.get(l.locationId!)!; return `${loc.zoneCode}/${loc.aisle}`; };
  const aisles = [...new Set(stocked.filter((l) => ['FINISHED', 'PLATES'].includes(locById.get(l.locationId!)!.zoneCode)).map(aisleKey))].sort();
  const hot = new Set(rng.sample(aisles, 3));
  const hotLots = stocked.filter((l) => hot.has(aisleKey(l)));
  const byMaterial = new Map<string, LotRow[]>();
  for (const l of stocked) {
    const list = byMaterial.get(l.materialId);
    if (list) list.push(l);
    else byMaterial.set(l.materialId, [l]);
  }
  const tasks: PickTaskRow[] = [];
  const task = (lot: LotRow, lineId: string | null, quantity: number) => tasks.push({ pickTaskId: rng.uuid(), locationId: lot.locationId!, materialId: lot.materialId,
    lineId, quantity, status: 'OPEN', createdAt: new Date(Math.round(now - rng.range(0.1, 4) * HOUR_MS)), completedAt: null });
  const hotCount = Math.round(count * 0.75);
  for (let i = 0; i < hotCount && hotLots.length > 0; i++) {
    const lot = rng.pick(hotLots);
    task(lot, null, Math.max(1, Math.min(lot.quantityOnHand, rng.int(1, 6))));
  }
  for (const line of rng.shuffle([...openLines])) {
    if (tasks.length >= count) break;
    const options = byMaterial.get(line.materialId);
    if (options) task(rng.pick(options), line.lineId, line.quantity);
  }
  return tasks;
}

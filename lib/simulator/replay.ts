import { MAX_SKUS_PER_ORDER, RECENT_ORDERS_PER_SKU, mulberry32 } from '../optimizer';
import { deriveAbc } from './abc';
import { AffinityMiner } from './affinity';
import { BAND_HIGH, BAND_LOW } from './band';
import { crossDockNeeds, fifoLots, plannedPicksByAisle } from './demand';
import { NotPlacedTally, type NotPlacedByReason } from './not-placed';
import type { SimulationCapacity } from './policies/names';
import type { Policy, PolicyInput, PutawayRequest } from './policies/types';
import type { PreparedScenario } from './prepare';
import type { OrderEvent } from './scenario';
import { STORAGE_TYPES, WarehouseState } from './state';

export { BAND_HIGH, BAND_LOW } from './band';

/**
 * The first day of the "second half" of a replay of `dayCount` days. The second-half reductions
 * (run.ts) and the day-0 pick share must cut at the same day, so both read it here.
 */
export const secondHalfStart = (dayCount: number) => Math.floor(dayCount / 2);

export type DayResult = {
  day: number;
  pickTravel: number;
  orders: number;
  putawayTravel: number;
  bandShare: number;
  occupiedBins: number;
  /** Share of the occupied storage bins that are below the band and hold a single unit (a paper roll alone on a pallet position). */
  oneUnitBelowBand: number;
  unitsPicked: number;
  /** Units picked from the day-0 stock (initialLots), which no policy placed. */
  unitsPickedFromStart: number;
};

export type ReplayResult = {
  policy: string;
  /** The capacity rules of a binwise policy (absent for the baselines, which fill bins to 100%). */
  capacity?: SimulationCapacity;
  pickTravel: number;
  orders: number;
  pickTravelPerOrder: number;
  putawayTravel: number;
  unitsReceived: number;
  unitsNotPlaced: number;
  /** {@link unitsNotPlaced} per reason (lib/simulator/not-placed.ts); the counts add up to it. */
  notPlacedByReason: NotPlacedByReason;
  receiptLinesNotPlaced: number;
  unitsShort: number;
  crossDockHits: number;
  binsUsedEnd: number;
  bandShareEnd: number;
  bandShareAvg: number;
  /**
   * Average over days of {@link DayResult.oneUnitBelowBand}. Such a bin enters the band by volume
   * only when more units share it, so this is how much of the band gap lies with the goods, not the policy.
   */
  oneUnitBelowBandAvg: number;
  /** Share of the storage bins a putaway filled that were in the band right after it (what putaway controls; picks then drain bins). */
  bandShareAfterPutaway: number;
  /** Share of the units picked that came from the day-0 stock, over the first and the second half of the days (0..1). */
  startStockPickShare: { firstHalf: number; secondHalf: number };
  days: DayResult[];
  runMs: number;
};

const inBand = (fill: number) => fill >= BAND_LOW - 1e-9 && fill <= BAND_HIGH + 1e-9;

function bandShare(state: WarehouseState, bins: readonly number[]): { share: number; occupied: number; oneUnitBelow: number } {
  let occupied = 0;
  let inBandCount = 0;
  let oneUnitBelow = 0;
  for (const bin of bins) {
    const held = state.contents[bin];
    if (held.size === 0) continue;
    occupied += 1;
    const fill = state.fill(bin);
    if (inBand(fill)) inBandCount += 1;
    else if (fill < BAND_LOW && held.size === 1 && held.values().next().value === 1) oneUnitBelow += 1;
  }
  return { share: occupied === 0 ? 0 : inBandCount / occupied, occupied, oneUnitBelow: occupied === 0 ? 0 : oneUnitBelow / occupied };
}

export type ReplayOptions = { seed?: number; onDay?: (day: number, lastDay: number) => void };

export type ReplayRun = {
  /** Simulates the next day; false once every day is done. */
  step(): boolean;
  result(): ReplayResult;
};

/** Replays the scenario under one policy, day by day (see docs/simulator.md, "Replay"). */
export function replay(prepared: PreparedScenario, policy: Policy, options: ReplayOptions = {}): ReplayResult {
  const run = startReplay(prepared, policy, options);
  while (run.step());
  return run.result();
}

/** A replay that advances one day per `step()`, so a server job can yield and report progress. */
export function startReplay(prepared: PreparedScenario, policy: Policy, options: ReplayOptions = {}): ReplayRun {
  let elapsed = 0;
  const { scenario, layout } = prepared;
  const state = new WarehouseState(scenario.locations, prepared.materials, scenario.dock);
  for (const lot of scenario.initialLots) {
    const bin = prepared.binIndexByCode.get(lot.locationCode);
    if (bin !== undefined) state.add(bin, lot.sku, lot.quantity, -1);
  }
  const miner = new AffinityMiner();
  const pastOrders: string[][] = [];
  const ordersOfSku = new Map<string, number[]>();
  const remember = (order: OrderEvent) => {
    const skus = order.lines.map((line) => line.sku);
    miner.addOrder(skus);
    // the engine reads at most MAX_SKUS_PER_ORDER skus of an order (a wave order may hold more)
    const distinct = [...new Set(skus)].slice(0, MAX_SKUS_PER_ORDER);
    for (const sku of distinct) {
      const list = ordersOfSku.get(sku);
      if (list) list.push(pastOrders.length);
      else ordersOfSku.set(sku, [pastOrders.length]);
    }
    pastOrders.push(distinct);
  };
  /** What the product reads back for a batch: the newest RECENT_ORDERS_PER_SKU orders of each of its skus, oldest first. */
  const recentOrdersFor = (skus: Iterable<string>): string[][] => {
    const picked = new Set<number>();
    for (const sku of skus) for (const index of (ordersOfSku.get(sku) ?? []).slice(-RECENT_ORDERS_PER_SKU)) picked.add(index);
    return [...picked].sort((a, b) => a - b).map((index) => pastOrders[index]);
  };
  for (const order of prepared.history) remember(order);
  const rand = mulberry32(options.seed ?? 1);
  const skus = scenario.materials.map((material) => material.sku);

  const open: OrderEvent[] = [...prepared.openAtStart];
  const days: DayResult[] = [];
  let pickTravel = 0;
  let orders = 0;
  let putawayTravel = 0;
  let unitsReceived = 0;
  let unitsNotPlaced = 0;
  const notPlaced = new NotPlacedTally(prepared);
  let receiptLinesNotPlaced = 0;
  let unitsShort = 0;
  let crossDockHits = 0;
  let filledBins = 0;
  let filledInBand = 0;

  let day = 0;
  const step = () => {
    if (day > prepared.lastDay) return false;
    const started = performance.now();
    open.push(...(prepared.ordersByDay.get(day) ?? []));
    const dueToday = prepared.dueByDay.get(day) ?? [];
    const receipts = prepared.receiptsByDay.get(day) ?? [];
    let dayPutaway = 0;

    if (receipts.length > 0) {
      const requests: PutawayRequest[] = receipts.filter((receipt) => receipt.quantity > 0).map((receipt) => ({ sku: receipt.sku, quantity: receipt.quantity }));
      const needs = crossDockNeeds(state, open, day, new Set(requests.map((request) => request.sku)));
      const needLeft = new Map(needs.map((need) => [`${need.orderRef}\u0000${need.sku}`, need.quantity]));
      const placedBySku = new Map<string, number>();
      const received = new Map<string, number>();
      for (const request of requests) received.set(request.sku, (received.get(request.sku) ?? 0) + request.quantity);
      const visited = new Set<string>();
      const filled = new Set<number>();
      const place: PolicyInput['place'] = (sku, bin, quantity, placeOptions) => {
        const material = prepared.materials.get(sku);
        const location = scenario.locations[bin];
        if (!material || !location || quantity <= 0) return 0;
        const remaining = (received.get(sku) ?? 0) - (placedBySku.get(sku) ?? 0);
        let units = Math.min(quantity, remaining, state.capacityFor(bin, material));
        let reservedFor: string | undefined;
        if (placeOptions?.crossDock) {
          // Staging only holds what a due order is short of; anything else must go to storage.
          const key = `${placeOptions.orderRef ?? ''}\u0000${sku}`;
          if (location.type !== 'STAGING' || !needLeft.has(key)) return 0;
          units = Math.min(units, needLeft.get(key) ?? 0);
          needLeft.set(key, (needLeft.get(key) ?? 0) - Math.max(0, units));
          reservedFor = placeOptions.orderRef;
        } else if (!STORAGE_TYPES.has(location.type)) return 0;
        if (units <= 0) return 0;
        state.add(bin, sku, units, day, reservedFor);
        if (!reservedFor) filled.add(bin);
        placedBySku.set(sku, (placedBySku.get(sku) ?? 0) + units);
        // One trip per (sku, bin): a pallet or cart load from the dock and back.
        const trip = `${sku}\u0000${bin}`;
        if (!visited.has(trip)) {
          visited.add(trip);
          dayPutaway += 2 * layout.oneWay(bin);
        }
        return units;
      };
      policy.putaway({
        day,
        requests,
        state,
        layout,
        abc: deriveAbc(miner.lineCounts, skus, prepared.explicitAbc),
        affinity: miner.lifts(requests.map((request) => request.sku)),
        recentOrders: recentOrdersFor(requests.map((request) => request.sku)),
        openPicksByAisle: plannedPicksByAisle(state, dueToday),
        crossDockNeeds: needs,
        binsByCode: prepared.binsByCode,
        binsByDistance: prepared.binsByDistance,
        stagingBins: prepared.stagingBins,
        rand,
        place,
        notPlaced: (sku, units, code) => notPlaced.report(sku, units, code),
      });
      for (const bin of filled) {
        filledBins += 1;
        if (inBand(state.fill(bin))) filledInBand += 1;
      }
      for (const [sku, quantity] of received) {
        unitsReceived += quantity;
        const missing = quantity - (placedBySku.get(sku) ?? 0);
        if (missing > 0) {
          unitsNotPlaced += missing;
          receiptLinesNotPlaced += 1;
          notPlaced.settle(sku, missing);
        }
      }
      notPlaced.endDay();
    }

    let dayTravel = 0;
    let dayPicked = 0;
    let dayFromStart = 0;
    for (const order of dueToday) {
      const bins: number[] = [];
      for (const line of order.lines) {
        let left = line.quantity;
        for (const lot of fifoLots(state, line.sku, order.id)) {
          if (left <= 0) break;
          if (lot.reservedFor === order.id) crossDockHits += 1;
          const taken = state.take(lot, left);
          left -= taken;
          dayPicked += taken;
          if (lot.day < 0) dayFromStart += taken;
          bins.push(lot.bin);
        }
        unitsShort += left;
        state.compact(line.sku);
      }
      dayTravel += layout.tour(bins);
      // Whatever was staged for this order and not needed goes back to the free pool.
      for (const line of order.lines) for (const lot of state.lotsBySku.get(line.sku) ?? []) if (lot.reservedFor === order.id) lot.reservedFor = undefined;
      orders += 1;
    }
    const dueIds = new Set(dueToday.map((order) => order.id));
    for (let index = open.length - 1; index >= 0; index -= 1) if (dueIds.has(open[index].id) && (open[index].due ?? open[index].day) === day) open.splice(index, 1);
    // Orders placed today become history for tomorrow's ABC and affinity.
    for (const order of prepared.ordersByDay.get(day) ?? []) remember(order);

    const band = bandShare(state, prepared.binsByCode);
    pickTravel += dayTravel;
    putawayTravel += dayPutaway;
    days.push({ day, pickTravel: dayTravel, orders: dueToday.length, putawayTravel: dayPutaway, bandShare: band.share, occupiedBins: band.occupied, oneUnitBelowBand: band.oneUnitBelow, unitsPicked: dayPicked, unitsPickedFromStart: dayFromStart });
    options.onDay?.(day, prepared.lastDay);
    day += 1;
    elapsed += performance.now() - started;
    return true;
  };

  const result = (): ReplayResult => {
    const end = bandShare(state, prepared.binsByCode);
    const half = secondHalfStart(prepared.lastDay + 1);
    const startShare = (from: number, to: number) => {
      const slice = days.slice(from, to);
      const picked = slice.reduce((sum, entry) => sum + entry.unitsPicked, 0);
      return picked === 0 ? 0 : slice.reduce((sum, entry) => sum + entry.unitsPickedFromStart, 0) / picked;
    };
    return {
      policy: policy.name,
      ...(policy.capacity ? { capacity: policy.capacity } : {}),
      pickTravel,
      orders,
      pickTravelPerOrder: orders === 0 ? 0 : pickTravel / orders,
      putawayTravel,
      unitsReceived,
      unitsNotPlaced,
      notPlacedByReason: notPlaced.byReason(),
      receiptLinesNotPlaced,
      unitsShort,
      crossDockHits,
      binsUsedEnd: end.occupied,
      bandShareEnd: end.share,
      bandShareAvg: days.length === 0 ? 0 : days.reduce((sum, entry) => sum + entry.bandShare, 0) / days.length,
      oneUnitBelowBandAvg: days.length === 0 ? 0 : days.reduce((sum, entry) => sum + entry.oneUnitBelowBand, 0) / days.length,
      bandShareAfterPutaway: filledBins === 0 ? 0 : filledInBand / filledBins,
      startStockPickShare: { firstHalf: startShare(0, half), secondHalf: startShare(half, days.length) },
      days,
      runMs: elapsed,
    };
  };
  return { step, result };
}

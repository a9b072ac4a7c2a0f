import { MaxTree } from '../packing/max-tree';
import { deriveLayout, layoutFits, type BinLayout } from './layout';
import type { CandidateLocation, PutawayContext } from './types';

export { sortByDistance } from './layout';

/**
 * Mutable working copy of the bins for one run. The input locations are never
 * touched: used volume/weight live in typed arrays, and SKUs/lots added by this
 * run in per-bin sets created on first placement.
 */
export type BinState = {
  readonly locations: readonly CandidateLocation[];
  readonly usedCf: Float64Array;
  readonly usedLbs: Float64Array;
  /** Rectilinear distance from the dock, ft. */
  readonly dist: Float64Array;
  /** Sorted inside dimensions (largest first), 3 per bin, inches. */
  readonly inside: Float64Array;
  /**
   * Aisle-aware travel cost from the dock (aisleTravelCost, aisles.ts): the walk to
   * the aisle's entry plus a small weight on the depth along it.
   */
  readonly travel: Float64Array;
  /** Usable storage bins, lowest travel cost first. */
  readonly storage: Int32Array;
  /** Usable STAGING / DOCK bins, nearest first. */
  readonly staging: Int32Array;
  /** Farthest usable storage distance, ft (>= 1e-9). */
  readonly maxDist: number;
  /** Highest travel cost of a usable storage bin (>= 1e-9). */
  readonly maxTravel: number;
  /** Storage bins holding each SKU (input contents plus this run's placements). */
  readonly skuBins: Map<string, number[]>;
  /** Dense id of every location's bay (same aisle and bay = same id). */
  readonly bayId: Int32Array;
  /** Dense id of every location's aisle (zone + aisle name). */
  readonly aisleId: Int32Array;
  /** Storage bins per bay id. */
  readonly bayBins: Map<number, number[]>;
  readonly addedSkus: Map<number, Set<string>>;
  readonly addedLots: Map<number, Set<string>>;
  readonly excluded: number;
  /**
   * Max-tree over `storage` positions of the room left under the hard cap,
   * [cu ft, lbs], so a scan jumps to the next bin with room for a unit.
   * Only bins open to any SKU are in it: allowMixing bins, and no-mixing bins
   * while empty (occupied no-mixing bins are reached through `skuBins`).
   */
  readonly room: MaxTree;
  /** Position of each location in `storage`, or -1. */
  readonly storagePos: Int32Array;
  readonly hardCap: number;
  /** Largest room of any usable storage bin when empty, [cu ft, lbs]. */
  readonly maxRoom: [number, number];
};

const CLOSED = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];

/** Key of a bay: aisle and bay joined by a separator that cannot occur in either. */
export function bayKey(l: CandidateLocation): string {
  return `${l.aisle}\u0000${l.bay}`;
}

/**
 * Builds the working state and indexes. O(m log m) for m locations, O(m) with a
 * `layout` built for these very bins and this dock ({@link layoutFits}); any other
 * layout is ignored and the layout is derived again.
 * @param hardCap fill limit (0..1) used for the room index.
 */
export function buildState(locations: readonly CandidateLocation[], context: PutawayContext, hardCap: number, layout?: BinLayout): BinState {
  const lay = layout !== undefined && layoutFits(layout, locations, context.dock) ? layout : deriveLayout(locations, context.dock);
  const m = locations.length;
  const usedCf = new Float64Array(m);
  const usedLbs = new Float64Array(m);
  for (let b = 0; b < m; b++) {
    usedCf[b] = locations[b].usedCubicFeet;
    usedLbs[b] = locations[b].usedWeightLbs;
  }
  const skuBins = new Map<string, number[]>();
  for (const b of lay.storageByIndex) {
    for (const sku of locations[b].skus) {
      const list = skuBins.get(sku);
      if (list) list.push(b);
      else skuBins.set(sku, [b]);
    }
  }
  const sorted = lay.storage;
  const room = new MaxTree(Math.max(1, sorted.length), 2, [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  const maxRoom: [number, number] = [0, 0];
  const leaf = new Float64Array(2);
  for (let k = 0; k < sorted.length; k++) {
    const b = sorted[k];
    const l = locations[b];
    if (l.allowMixing || l.skus.length === 0) {
      leaf[0] = hardCap * l.cubicFeet - usedCf[b];
      leaf[1] = hardCap * l.maxWeightLbs - usedLbs[b];
      room.set(k, leaf);
    }
    maxRoom[0] = Math.max(maxRoom[0], hardCap * l.cubicFeet);
    maxRoom[1] = Math.max(maxRoom[1], hardCap * l.maxWeightLbs);
  }
  return {
    room,
    storagePos: lay.storagePos,
    hardCap,
    maxRoom,
    locations,
    usedCf,
    usedLbs,
    dist: lay.dist,
    travel: lay.travel,
    inside: lay.inside,
    storage: sorted,
    staging: lay.staging,
    maxDist: lay.maxDist,
    maxTravel: lay.maxTravel,
    skuBins,
    bayId: lay.bayId,
    aisleId: lay.aisleId,
    bayBins: lay.bayBins,
    addedSkus: new Map(),
    addedLots: new Map(),
    excluded: lay.excluded,
  };
}

/** Does bin b hold `sku` now (input contents or this run)? */
export function holdsSku(state: BinState, b: number, sku: string): boolean {
  return state.locations[b].skus.includes(sku) || (state.addedSkus.get(b)?.has(sku) ?? false);
}

/** Does bin b hold `lot` now? */
export function holdsLot(state: BinState, b: number, lot: string): boolean {
  return state.locations[b].lots.includes(lot) || (state.addedLots.get(b)?.has(lot) ?? false);
}

/** True when bin b holds no SKU other than `sku` (an empty bin qualifies). */
export function holdsOnly(state: BinState, b: number, sku: string): boolean {
  for (const s of state.locations[b].skus) if (s !== sku) return false;
  const added = state.addedSkus.get(b);
  if (added) for (const s of added) if (s !== sku) return false;
  return true;
}

/** Every SKU in bin b now. */
export function heldSkus(state: BinState, b: number): string[] {
  const added = state.addedSkus.get(b);
  const base = state.locations[b].skus;
  if (!added) return base.slice();
  const all = new Set(base);
  for (const s of added) all.add(s);
  return [...all];
}

/** Records a placement of `units` units in bin b. */
export function place(
  state: BinState,
  b: number,
  sku: string,
  lot: string | null,
  units: number,
  unitCf: number,
  unitLbs: number,
  isStorage: boolean,
): void {
  state.usedCf[b] += units * unitCf;
  state.usedLbs[b] += units * unitLbs;
  const pos = state.storagePos[b];
  if (pos >= 0) {
    const l = state.locations[b];
    // a no-mixing bin now belongs to one SKU: it leaves the open index and is
    // reached only through skuBins (consolidation candidates)
    if (l.allowMixing) state.room.set(pos, [state.hardCap * l.cubicFeet - state.usedCf[b], state.hardCap * l.maxWeightLbs - state.usedLbs[b]]);
    else state.room.set(pos, CLOSED);
  }
  if (!holdsSku(state, b, sku)) {
    let set = state.addedSkus.get(b);
    if (!set) state.addedSkus.set(b, (set = new Set()));
    set.add(sku);
    if (isStorage) {
      const list = state.skuBins.get(sku);
      if (list) list.push(b);
      else state.skuBins.set(sku, [b]);
    }
  }
  if (lot !== null && !holdsLot(state, b, lot)) {
    let set = state.addedLots.get(b);
    if (!set) state.addedLots.set(b, (set = new Set()));
    set.add(lot);
  }
}

/**
 * The same bins under another fill cap (0..1): a new room index and `maxRoom`,
 * sharing every other array and map with `state`: fills and contents placed
 * through either are seen by both, but only the state placed through keeps its
 * room index current, so use one at a time. Used to open the headroom between
 * the target band and the hard cap once nothing fits inside the band. O(m).
 */
export function withCap(state: BinState, cap: number): BinState {
  const sorted = state.storage;
  const room = new MaxTree(Math.max(1, sorted.length), 2, [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  const maxRoom: [number, number] = [0, 0];
  const leaf = new Float64Array(2);
  for (let k = 0; k < sorted.length; k++) {
    const b = sorted[k];
    const l = state.locations[b];
    if (l.allowMixing || (l.skus.length === 0 && !state.addedSkus.has(b))) {
      leaf[0] = cap * l.cubicFeet - state.usedCf[b];
      leaf[1] = cap * l.maxWeightLbs - state.usedLbs[b];
      room.set(k, leaf);
    }
    maxRoom[0] = Math.max(maxRoom[0], cap * l.cubicFeet);
    maxRoom[1] = Math.max(maxRoom[1], cap * l.maxWeightLbs);
  }
  return { ...state, room, hardCap: cap, maxRoom };
}

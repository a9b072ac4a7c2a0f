import { aisleDirection, emptyExtent, extendExtent } from './aisles';
import type { TourSearch } from './candidates';
import type { BinState } from './state';

/**
 * Order-aware travel: how many feet of pick tour a SKU adds, per order, in each aisle.
 *
 * Pickers walk one S-shape (traversal) tour per order (docs/simulator.md, "Travel model"):
 * out from the dock to the outermost aisles with a pick and back, and through every aisle
 * with a pick. So a tour costs about
 * ```
 *   2 × (span across the aisles it enters, dock included) + Σ length of the aisles it enters
 * ```
 * and putting a SKU in aisle a adds, to an order o it is picked in,
 * ```
 *   0                                               when o already enters a (a co-picked SKU is there)
 *   length(a) + 2 × (how far a lies outside o's span) otherwise
 * ```
 * The cost of aisle a for the SKU is the mean over its recent orders, with every other SKU of
 * an order that is co-picked with it (lift ≥ {@link TOUR_MIN_LIFT}) at its primary aisle (the
 * aisle holding most of its bins); the others are left out. An order holding the SKU
 * alone costs length(a) + 2 × |a − dock| across: the distance-only view. Aisle-aware distance
 * from the dock (aisles.ts) ranks aisles for a SKU picked alone; this ranks them for the SKU
 * as it is really picked, so co-picked SKUs gather in the aisles their orders already enter.
 */

/** Orders read per SKU (the most recent ones): enough for a stable mean, bounded work. */
export const RECENT_ORDERS_PER_SKU = 30;

/**
 * Co-pick lift (context.affinity) from which another SKU of an order counts as where the order
 * goes. SKUs that share orders only by chance (lift near 1) land anywhere in the next orders,
 * and following them drifts a SKU to the middle of the building (each SKU sees the others'
 * spread as a wide span that costs nothing to stay inside) instead of towards the dock.
 * Measured with the simulator: lift ≥ 2 (instead of every SKU) cost 1–2 points against
 * abc-class-based on seed 2 and gained 1.3–3.7 points against first-fit on hand-built
 * scenarios whose orders are random (aisles-along-x, long-small-bins, zones-repeated-aisles).
 */
export const TOUR_MIN_LIFT = 2;

/** Where the storage aisles lie, for tour estimates. Indexed by `state.aisleId`. */
export type AisleGeometry = {
  /** Centre line of each aisle on the axis across the aisles, ft (NaN: no storage bin). */
  readonly u: Float64Array;
  /** Length of each aisle along its axis, ft. */
  readonly length: Float64Array;
  /** The dock on the axis across the aisles, ft. */
  readonly dockU: number;
  /** Ids of the aisles holding storage bins. */
  readonly aisles: readonly number[];
  /** Storage bins of each aisle, lowest travel cost first (empty for aisles without storage). */
  readonly binsByAisle: readonly Int32Array[];
  /** The storage aisle ids in order across the building (ascending `u`). */
  readonly byU: Int32Array;
};

/** Aisle centre lines and lengths from the storage bins. O(m). */
export function buildAisleGeometry(state: BinState, dock: { x: number; y: number }): AisleGeometry {
  let n = 0;
  for (let b = 0; b < state.aisleId.length; b++) n = Math.max(n, state.aisleId[b] + 1);
  const ext = Array.from({ length: n }, emptyExtent);
  for (const b of state.storage) extendExtent(ext[state.aisleId[b]], state.locations[b].x, state.locations[b].y);
  const used = ext.map((e, id) => ({ e, id })).filter(({ e }) => e.n > 0);
  const { vertical } = aisleDirection(used.map(({ e }) => e));
  const u = new Float64Array(n).fill(Number.NaN);
  const length = new Float64Array(n);
  for (const { e, id } of used) {
    u[id] = vertical ? e.sumX / e.n : e.sumY / e.n;
    length[id] = vertical ? e.maxY - e.minY : e.maxX - e.minX;
  }
  // state.storage is in travel-cost order, so each aisle's list comes out front to back
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (const b of state.storage) lists[state.aisleId[b]].push(b);
  const aisles = used.map(({ id }) => id);
  const byU = Int32Array.from(aisles).sort((p, q) => u[p] - u[q] || p - q);
  return { u, length, dockU: vertical ? dock.x : dock.y, aisles, binsByAisle: lists.map((list) => Int32Array.from(list)), byU };
}

/**
 * The recent orders holding each SKU, as indices into `orders` (most recent last, at most
 * {@link RECENT_ORDERS_PER_SKU}); `counts`, when given, receives how many of `orders` hold each SKU.
 */
export function indexOrdersBySku(orders: readonly (readonly string[])[], counts?: Map<string, number>): Map<string, number[]> {
  const bySku = new Map<string, number[]>();
  for (let o = orders.length - 1; o >= 0; o--) {
    for (const sku of new Set(orders[o])) {
      if (counts) counts.set(sku, (counts.get(sku) ?? 0) + 1);
      let list = bySku.get(sku);
      if (!list) bySku.set(sku, (list = []));
      if (list.length < RECENT_ORDERS_PER_SKU) list.push(o);
    }
  }
  for (const list of bySku.values()) list.reverse();
  return bySku;
}

/** Aisle holding most of a SKU's storage bins (ties: the lower travel cost), or -1 when it has none. */
export function primaryAisle(state: BinState, sku: string): number {
  const bins = state.skuBins.get(sku);
  if (!bins || bins.length === 0) return -1;
  const count = new Map<number, number>();
  let best = -1;
  let bestCount = 0;
  let bestTravel = Infinity;
  for (const b of bins) {
    const a = state.aisleId[b];
    const c = (count.get(a) ?? 0) + 1;
    count.set(a, c);
    if (c > bestCount || (c === bestCount && state.travel[b] < bestTravel)) {
      best = a;
      bestCount = c;
      bestTravel = state.travel[b];
    }
  }
  return best;
}

/**
 * Mean feet of tour that placing `sku` in each aisle adds to its recent orders (see the file
 * comment), indexed by aisle id (NaN for aisles without storage). Null when the SKU has no
 * recent order. The walk-across part is summed for all aisles in one sweep across the
 * building (sorted span ends and prefix sums), so a line costs
 * O(orders × SKUs per order + orders log orders + aisles), not orders × aisles.
 */
export function tourCostByAisle(
  state: BinState,
  geometry: AisleGeometry,
  sku: string,
  orders: readonly (readonly string[])[],
  orderIndex: ReadonlyMap<string, readonly number[]>,
  primary: (sku: string) => number,
  related: (other: string) => boolean = () => true,
): Float64Array | null {
  const mine = orderIndex.get(sku);
  if (!mine || mine.length === 0) return null;
  const { u, length, dockU, byU } = geometry;
  const n = mine.length;
  const cost = new Float64Array(u.length).fill(Number.NaN);
  // orders already entering each aisle (they pay nothing more for it)
  const cover = new Int32Array(u.length);
  const his = new Float64Array(n);
  const los = new Float64Array(n);
  const entered: number[] = [];
  for (let k = 0; k < n; k++) {
    let lo = dockU;
    let hi = dockU;
    entered.length = 0;
    for (const other of orders[mine[k]]) {
      if (other === sku || !related(other)) continue;
      const a = primary(other);
      if (a < 0 || Number.isNaN(u[a]) || entered.includes(a)) continue;
      entered.push(a);
      lo = Math.min(lo, u[a]);
      hi = Math.max(hi, u[a]);
    }
    for (const a of entered) cover[a]++;
    his[k] = hi;
    los[k] = lo;
  }
  his.sort();
  los.sort();
  let totalLo = 0;
  for (let k = 0; k < n; k++) totalLo += los[k];
  // Σ over orders of 2·max(0, u − hi) + 2·max(0, lo − u); it is 0 for an order entering the aisle
  let below = 0;
  let sumHi = 0;
  let atOrLeft = 0;
  let sumLo = 0;
  for (const a of byU) {
    const x = u[a];
    while (below < n && his[below] < x) sumHi += his[below++];
    while (atOrLeft < n && los[atOrLeft] <= x) sumLo += los[atOrLeft++];
    const across = 2 * (below * x - sumHi) + 2 * (totalLo - sumLo - (n - atOrLeft) * x);
    cost[a] = ((n - cover[a]) * length[a] + across) / n;
  }
  return cost;
}

/** What one engine run needs for order-aware travel; built once per run. */
export type TourContext = {
  readonly geometry: AisleGeometry;
  readonly orders: readonly (readonly string[])[];
  readonly index: ReadonlyMap<string, readonly number[]>;
  /** Primary aisle of a SKU now (cached until its bins change). */
  readonly primary: (sku: string) => number;
  /** How many of the recent orders hold each SKU (a pick-frequency signal finer than ABC). */
  readonly orderCount: ReadonlyMap<string, number>;
};

/** Builds the run's {@link TourContext}; null when there is no recent order or no storage aisle. */
export function buildTourContext(state: BinState, dock: { x: number; y: number }, orders: readonly (readonly string[])[] | undefined): TourContext | null {
  if (!orders || orders.length === 0) return null;
  const geometry = buildAisleGeometry(state, dock);
  if (geometry.aisles.length === 0) return null;
  const cache = new Map<string, { bins: number; aisle: number }>();
  const primary = (sku: string): number => {
    const bins = state.skuBins.get(sku)?.length ?? 0;
    const hit = cache.get(sku);
    if (hit && hit.bins === bins) return hit.aisle;
    const aisle = primaryAisle(state, sku);
    cache.set(sku, { bins, aisle });
    return aisle;
  };
  const orderCount = new Map<string, number>();
  return { geometry, orders, index: indexOrdersBySku(orders, orderCount), primary, orderCount };
}

/** The order-aware search of a storage line for `sku`, or null when it has no recent order. */
export function tourSearch(ctx: TourContext, state: BinState, sku: string, excessLift: ReadonlyMap<string, number> | undefined): TourSearch | null {
  const related = (other: string): boolean => (excessLift?.get(other) ?? 0) >= TOUR_MIN_LIFT - 1;
  const cost = tourCostByAisle(state, ctx.geometry, sku, ctx.orders, ctx.index, ctx.primary, related);
  if (!cost) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const a of ctx.geometry.aisles) {
    min = Math.min(min, cost[a]);
    max = Math.max(max, cost[a]);
  }
  return { geometry: ctx.geometry, cost, min, spread: Math.max(1e-9, max - min), aisles: Int32Array.from(ctx.geometry.aisles), ranked: 0, rank: 0, pos: 0, pool: [] };
}

/** Aisles ranked fully by selection before the rest is sorted at once (a scan rarely needs more). */
const SELECT_FIRST = 16;

/**
 * Storage aisle id at `rank` in the line's order (cheapest tour cost first; ties: nearer the
 * dock across the aisles, then id), or -1 past the last. The order is built lazily: most lines
 * find room in their first few aisles, so sorting every aisle of the building for each line
 * would be wasted work.
 */
export function aisleAtRank(tour: TourSearch, rank: number): number {
  const { aisles, cost, geometry: g } = tour;
  if (rank >= aisles.length) return -1;
  // the scan asks for its current aisle once per bin it reads: answer from the ranked prefix
  // before building the comparator
  if (rank < tour.ranked) return aisles[rank];
  const before = (p: number, q: number): number => cost[p] - cost[q] || Math.abs(g.u[p] - g.dockU) - Math.abs(g.u[q] - g.dockU) || p - q;
  while (tour.ranked <= rank) {
    if (tour.ranked >= SELECT_FIRST) {
      aisles.subarray(tour.ranked).sort(before);
      tour.ranked = aisles.length;
      break;
    }
    let best = tour.ranked;
    for (let k = tour.ranked + 1; k < aisles.length; k++) if (before(aisles[k], aisles[best]) < 0) best = k;
    const chosen = aisles[best];
    aisles[best] = aisles[tour.ranked];
    aisles[tour.ranked++] = chosen;
  }
  return aisles[rank];
}

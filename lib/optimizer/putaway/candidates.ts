import { CODE_RANK, heavyRestricted, unitsThatFit } from './eligibility';
import { holdsLot, holdsOnly, holdsSku, type BinState } from './state';
import { scorePlacement } from './scoring';
import { aisleAtRank, type AisleGeometry } from './tour-cost';
import type { OptimizerConfig, PutawayItem, ScoreBreakdown, UnplaceableCode } from './types';

/** Feasible bins collected per round from the travel-cost window. */
export const WINDOW_K = 12;
/** Extra bins added per round: ones already holding the SKU, and ones in co-picked bays. */
export const CONSOLIDATION_K = 24;
export const AFFINITY_K = 24;
/** Feasible bins kept per round from the order-aware scan (aisles by tour cost). */
export const TOUR_K = 12;
/** Bins read per round in the order-aware scan at most, so full aisles cost bounded work. */
export const TOUR_SCAN_LIMIT = 4096;

/**
 * Order-aware search of one line (tour-cost.ts): the feet of tour each aisle adds to the
 * SKU's recent orders, and a scan over the aisles cheapest first, front to back inside each.
 */
export type TourSearch = {
  readonly geometry: AisleGeometry;
  /** Feet per order by aisle id. */
  readonly cost: Float64Array;
  /** Lowest cost over the storage aisles, and the spread to the highest (>= 1e-9). */
  readonly min: number;
  readonly spread: number;
  /** Storage aisle ids; the first `ranked` are in order, cheapest first (aisleAtRank, tour-cost.ts). */
  readonly aisles: Int32Array;
  ranked: number;
  rank: number;
  pos: number;
  pool: number[];
};

/** Per-line search state. */
export type LineSearch = {
  readonly item: PutawayItem;
  readonly itemIndex: number;
  readonly unitCf: number;
  readonly unitLbs: number;
  /** Sorted unit dimensions, largest first, inches. */
  readonly dims: readonly [number, number, number];
  /** Bins by travel cost, lowest first; lines whose class prefers far bins scan it from the far end (`reverse`). */
  readonly order: Int32Array;
  readonly reverse: boolean;
  /** Room one unit needs, [cu ft, lbs], less a tolerance (for the max-tree search). */
  readonly need: Float64Array;
  cursor: number;
  /** Feasible bins found so far and not yet exhausted. */
  pool: number[];
  /** Co-pick lift by bay key and by aisle, and partner count by bay. */
  readonly bayLift: Map<number, number>;
  readonly aisleLift: Map<number, number>;
  readonly bayPartners: Map<number, number>;
  readonly affinityBays: readonly number[];
  readonly isStorage: boolean;
  /** Order-aware travel (SKU affinity on and recent orders known), else null: distance only. */
  readonly tour: TourSearch | null;
};

/** One scored option for the current round. */
export type ScoredCandidate = {
  bin: number;
  units: number;
  maxUnits: number;
  fillBefore: number;
  fillAfter: number;
  weightFillBefore: number;
  weightFillAfter: number;
  score: number;
  breakdown: ScoreBreakdown;
  affinityLift: number;
  partners: number;
  consolidation: number;
  openTasks: number;
};

/** What {@link rejection} reads of a line: the unit itself. */
export type UnitShape = Pick<LineSearch, 'item' | 'dims' | 'unitCf' | 'unitLbs'>;

/** Static check plus capacity for one unit; returns null when feasible, else the furthest rule reached (CODE_RANK order). */
export function rejection(state: BinState, line: UnitShape, b: number, config: OptimizerConfig): UnplaceableCode | null {
  const l = state.locations[b];
  const it = line.item;
  if (it.hazardClass !== undefined && !(l.allowedHazardClasses ?? []).includes(it.hazardClass)) return 'HAZARD_INCOMPATIBLE';
  if ((it.temperatureClass ?? 'AMBIENT') !== (l.temperatureClass ?? 'AMBIENT')) return 'TEMPERATURE_INCOMPATIBLE';
  if (heavyRestricted(it.unitWeightLbs, l, config)) return 'HEAVY_UNIT_RESTRICTED';
  const ins = state.inside;
  const d = line.dims;
  if (d[0] > ins[3 * b] || d[1] > ins[3 * b + 1] || d[2] > ins[3 * b + 2]) return 'DOES_NOT_FIT';
  const cap = config.hardCap;
  if (line.unitCf > cap * l.cubicFeet + 1e-9) return 'DOES_NOT_FIT';
  if (line.unitLbs > cap * l.maxWeightLbs + 1e-9) return 'TOO_HEAVY';
  // checked in CODE_RANK order, so the code says how far the bin got
  if (!l.allowMixing && !holdsOnly(state, b, it.sku)) return 'MIXING_NOT_ALLOWED';
  if (unitsThatFit(l.cubicFeet, l.maxWeightLbs, state.usedCf[b], state.usedLbs[b], line.unitCf, line.unitLbs, cap) < 1) return 'NO_CAPACITY';
  return null;
}

/**
 * Why a line's remaining units found no bin: the furthest check (CODE_RANK) any of its bins reaches
 * now, over every bin. The scan notes codes only for the bins it reads, and it jumps over bins without
 * room; on its codes alone a roll whose rack positions are all full was reported as fitting no bin
 * ("DOES_NOT_FIT", from the small bins that still had room) when the truth is that they are full.
 * The code matters beyond the message: NO_CAPACITY is what makes optimizePutaway plan the batch again
 * without the band-first pass.
 */
export function explainUnplaced(state: BinState, line: UnitShape, config: OptimizerConfig): UnplaceableCode {
  // the furthest code any bin could reach, so a unit too big for every bin stops at the first bin
  // that says so instead of reading all of them (a batch of such lines on 100,000 bins)
  const widest = widestInside(state);
  const d = line.dims;
  const ceiling: UnplaceableCode =
    line.unitCf > state.maxRoom[0] + 1e-9 || d[0] > widest[0] || d[1] > widest[1] || d[2] > widest[2]
      ? 'DOES_NOT_FIT'
      : line.unitLbs > state.maxRoom[1] + 1e-9
        ? 'TOO_HEAVY'
        : 'NO_CAPACITY';
  let worst: UnplaceableCode = 'NO_ELIGIBLE_LOCATION';
  for (const b of state.storage) {
    // a bin that passes every check has room: the line stopped for another reason, and room is what it needs
    const why = rejection(state, line, b, config) ?? 'NO_CAPACITY';
    if (CODE_RANK[why] > CODE_RANK[worst]) worst = why;
    if (CODE_RANK[worst] >= CODE_RANK[ceiling]) break;
  }
  return worst;
}

const widestCache = new WeakMap<Float64Array, Float64Array>();

/** The largest inside dimension of any storage bin, per sorted axis (largest first), inches: a unit larger on one axis fits no bin. */
function widestInside(state: BinState): Float64Array {
  const cached = widestCache.get(state.inside);
  if (cached) return cached;
  const widest = new Float64Array(3);
  for (const b of state.storage) for (let k = 0; k < 3; k++) widest[k] = Math.max(widest[k], state.inside[3 * b + k]);
  widestCache.set(state.inside, widest);
  return widest;
}

/**
 * Feasible candidate bins for the next placement of a line: the pool topped up
 * to {@link WINDOW_K} from the travel-cost-ordered scan, plus bins already holding
 * the SKU and bins in bays next to co-picked SKUs. Empty = nothing left anywhere.
 */
export function gatherCandidates(state: BinState, line: LineSearch, config: OptimizerConfig): number[] {
  line.pool = line.pool.filter((b) => rejection(state, line, b, config) === null);
  const n = line.order.length;
  const room = line.isStorage ? state.room : null;
  while (line.pool.length < WINDOW_K && line.cursor < n) {
    let pos: number;
    if (room) {
      // the next bin usually has room; otherwise jump to the next one that does (max-tree search)
      const probe = line.reverse ? n - 1 - line.cursor : line.cursor;
      pos = room.get(probe, 0) >= line.need[0] && room.get(probe, 1) >= line.need[1] ? probe : -1;
      if (pos < 0) pos = line.reverse ? room.findPrev(probe, line.need) : room.findNext(probe, line.need);
      if (pos < 0) {
        line.cursor = n;
        break;
      }
      line.cursor = line.reverse ? n - pos : pos + 1;
    } else {
      pos = line.cursor++;
    }
    const b = line.order[pos];
    if (rejection(state, line, b, config) === null) line.pool.push(b);
  }
  const out = new Set(line.pool);
  if (line.tour) for (const b of scanTour(state, line, line.tour, config)) out.add(b);
  if (line.isStorage) {
    const same = state.skuBins.get(line.item.sku);
    if (same) {
      let added = 0;
      for (const b of same) {
        if (added >= CONSOLIDATION_K) break;
        if (!out.has(b) && rejection(state, line, b, config) === null) {
          out.add(b);
          added++;
        }
      }
    }
    let added = 0;
    for (const key of line.affinityBays) {
      for (const b of state.bayBins.get(key) ?? []) {
        if (added >= AFFINITY_K) break;
        if (!out.has(b) && rejection(state, line, b, config) === null) {
          out.add(b);
          added++;
        }
      }
    }
  }
  return [...out];
}

/** Tops up the order-aware pool to {@link TOUR_K} bins, reading at most {@link TOUR_SCAN_LIMIT}. */
function scanTour(state: BinState, line: LineSearch, tour: TourSearch, config: OptimizerConfig): number[] {
  tour.pool = tour.pool.filter((b) => rejection(state, line, b, config) === null);
  let read = 0;
  while (tour.pool.length < TOUR_K && tour.rank < tour.aisles.length && read < TOUR_SCAN_LIMIT) {
    const bins = tour.geometry.binsByAisle[aisleAtRank(tour, tour.rank)];
    if (tour.pos >= bins.length) {
      tour.rank++;
      tour.pos = 0;
      continue;
    }
    const b = bins[tour.pos++];
    read++;
    // each storage bin lies in one aisle and the cursor only moves on: b is new to the pool
    if (rejection(state, line, b, config) === null) tour.pool.push(b);
  }
  return tour.pool;
}

/**
 * Travel of bin b for the line, 0..1: the order-aware tour cost of its aisle scaled over the
 * line's range, plus the bin's depth in the aisle (so an aisle fills front to back); without
 * order-aware travel, the aisle-aware cost from the dock over the highest one.
 */
export function travelNorm(state: BinState, line: LineSearch, b: number): number {
  const tour = line.tour;
  if (!tour) return state.travel[b] / state.maxTravel;
  const a = state.aisleId[b];
  const front = tour.geometry.binsByAisle[a];
  const depth = front.length > 0 ? (state.travel[b] - state.travel[front[0]]) / state.maxTravel : 0;
  return Math.min(1, Math.max(0, (tour.cost[a] - tour.min) / tour.spread + depth));
}

/**
 * Scores bin b for the next placement of `remaining` units. The unit count is
 * the most that keeps the bin inside the target band (at least one), or as
 * many as fit under the hard cap when `fillTight` (BFD).
 */
export function scoreCandidate(
  state: BinState,
  line: LineSearch,
  b: number,
  remaining: number,
  config: OptimizerConfig,
  openTasksByAisle: Readonly<Record<string, number>>,
  fillTight: boolean,
): ScoredCandidate {
  const l = state.locations[b];
  const cf = l.cubicFeet;
  const lbs = l.maxWeightLbs;
  const maxUnits = unitsThatFit(cf, lbs, state.usedCf[b], state.usedLbs[b], line.unitCf, line.unitLbs, config.hardCap);
  let units = Math.min(remaining, maxUnits);
  if (!fillTight && line.isStorage) {
    const inBand = unitsThatFit(cf, lbs, state.usedCf[b], state.usedLbs[b], line.unitCf, line.unitLbs, config.targetBand.max);
    if (inBand >= 1) units = Math.min(units, inBand);
  }
  const fillBefore = state.usedCf[b] / cf;
  const fillAfter = (state.usedCf[b] + units * line.unitCf) / cf;
  const weightFillBefore = state.usedLbs[b] / lbs;
  const weightFillAfter = (state.usedLbs[b] + units * line.unitLbs) / lbs;
  const key = state.bayId[b];
  // an order's tour pays per aisle entered, so a co-picked SKU anywhere in the aisle counts
  // in full; the same bay adds a quarter on top (shorter reach once in the aisle)
  const affinityLift = (line.aisleLift.get(state.aisleId[b]) ?? 0) + 0.25 * (line.bayLift.get(key) ?? 0);
  const sku = line.item.sku;
  const lot = line.item.lotNumber;
  const consolidation = holdsSku(state, b, sku) ? (lot === undefined || holdsLot(state, b, lot) ? 1 : 0.6) : 0;
  const openTasks = openTasksByAisle[l.aisle] ?? 0;
  const { total, breakdown } = scorePlacement(
    {
      abc: line.item.abc,
      distanceNorm: travelNorm(state, line, b),
      fillAfter,
      affinityLift,
      openTasks,
      // consolidating is worth points only while it keeps the bin in the band: a top-up past
      // band.max must beat the other bins on its own (travel), not on the same-SKU bonus
      consolidation: line.isStorage && fillAfter <= config.targetBand.max + 1e-9 ? consolidation : 0,
    },
    config,
  );
  return {
    bin: b,
    units,
    maxUnits,
    fillBefore,
    fillAfter,
    weightFillBefore,
    weightFillAfter,
    score: total,
    breakdown,
    affinityLift,
    partners: line.bayPartners.get(key) ?? 0,
    consolidation,
    openTasks,
  };
}

/**
 * Ranks candidates by the algorithm's rule, best first:
 * HYBRID = total score; FFD = first in preference order (score without the
 * utilization term); BFD = tightest fill after placement, then score.
 * Ties: lower travel cost, then lower input index (deterministic).
 */
export function rankCandidates(c: ScoredCandidate[], algorithm: OptimizerConfig['algorithm'], state: BinState): ScoredCandidate[] {
  const key = (s: ScoredCandidate): number =>
    algorithm === 'FFD' ? s.score - s.breakdown.utilization : algorithm === 'BFD' ? s.fillAfter * 1000 + s.score / 1000 : s.score;
  return c.slice().sort((p, q) => key(q) - key(p) || state.travel[p.bin] - state.travel[q.bin] || p.bin - q.bin);
}


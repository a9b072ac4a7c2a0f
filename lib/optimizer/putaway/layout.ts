import { CROSS_DOCK_TYPES, STORAGE_TYPES, isUsable } from './eligibility';
import { aisleTravelCost } from './aisles';
import { rectilinear } from './geometry';
import { validateLayoutLocations } from './validate';
import type { CandidateLocation } from './types';

/**
 * What the engine derives from the bins' static fields (id, code, zone, aisle, bay, level,
 * position, type, capacities, opening, mixing rule, temperature, active) and the dock,
 * never from their fill: distances, travel costs, sorted openings, bay and aisle ids, the
 * storage and staging bins in scan order. A caller that sends the same bins batch after
 * batch (the server keeps them per process) builds it once with {@link buildLayout} and
 * passes it to every run; the run still reads each bin's fill (used volume and weight,
 * SKUs, lots, allowed hazard classes) from the bins themselves.
 */
export type BinLayout = {
  /** The bins it was built for, in order; a run uses it only for these very objects. */
  readonly locations: readonly CandidateLocation[];
  readonly dockX: number;
  readonly dockY: number;
  /** Rectilinear distance from the dock, ft. */
  readonly dist: Float64Array;
  /** Sorted inside dimensions (largest first), 3 per bin, inches. */
  readonly inside: Float64Array;
  /** Aisle-aware travel cost from the dock (see aisleTravelCost). */
  readonly travel: Float64Array;
  /** Usable storage bins, lowest travel cost first. */
  readonly storage: Int32Array;
  /** Usable storage bins in input order. */
  readonly storageByIndex: Int32Array;
  /** Position of each location in `storage`, or -1. */
  readonly storagePos: Int32Array;
  /** Usable STAGING / DOCK bins, nearest first. */
  readonly staging: Int32Array;
  /** Farthest usable storage distance, ft (>= 1e-9). */
  readonly maxDist: number;
  /** Highest travel cost of a usable storage bin (>= 1e-9). */
  readonly maxTravel: number;
  /** Dense id of every location's bay (same aisle and bay = same id). */
  readonly bayId: Int32Array;
  /** Dense id of every location's aisle (zone + aisle name). */
  readonly aisleId: Int32Array;
  /** Storage bins per bay id (read only). */
  readonly bayBins: Map<number, number[]>;
  /** Locations that are not usable (inactive or without a valid capacity). */
  readonly excluded: number;
};

/**
 * Validates the bins' static fields (typed OptimizerInputError naming the field, ids
 * unique) and derives their layout. O(m log m) for m locations.
 * @throws OptimizerInputError
 */
export function buildLayout(locations: readonly CandidateLocation[], dock: { x: number; y: number }): BinLayout {
  validateLayoutLocations(locations);
  return deriveLayout(locations, dock);
}

/**
 * Whether `layout` was built for exactly these bins (same objects, same order) and this
 * dock. Their static fields must not have changed since: that is the caller's promise.
 */
export function layoutFits(layout: BinLayout, locations: readonly CandidateLocation[], dock: { x: number; y: number }): boolean {
  if (layout.dockX !== dock.x || layout.dockY !== dock.y || layout.locations.length !== locations.length) return false;
  for (let b = 0; b < locations.length; b++) if (layout.locations[b] !== locations[b]) return false;
  return true;
}

/**
 * `layout` when it fits the input's bins and dock (see layoutFits), else undefined.
 * Safe on malformed input (validation reports it afterwards).
 */
export function fittingLayout(input: { locations: unknown; context: unknown; layout?: BinLayout }): BinLayout | undefined {
  const { layout, locations, context } = input;
  if (layout === undefined || !Array.isArray(locations) || typeof context !== 'object' || context === null) return undefined;
  const dock = (context as { dock?: unknown }).dock;
  if (typeof dock !== 'object' || dock === null) return undefined;
  return layoutFits(layout, locations as CandidateLocation[], dock as { x: number; y: number }) ? layout : undefined;
}

/** The layout without validation (the run validates its input first). */
export function deriveLayout(locations: readonly CandidateLocation[], dock: { x: number; y: number }): BinLayout {
  const m = locations.length;
  const dist = new Float64Array(m);
  const inside = new Float64Array(3 * m);
  const bayId = new Int32Array(m);
  const aisleId = new Int32Array(m);
  // aisle -> bay -> id and zone -> aisle -> id: the same ids as keys joined by a separator,
  // without building two strings per bin
  const bayIds = new Map<string, Map<string, number>>();
  const aisleIds = new Map<string, Map<string, number>>();
  let bays = 0;
  let aisles = 0;
  const storage: number[] = [];
  const staging: number[] = [];
  const bayBins = new Map<number, number[]>();
  let excluded = 0;
  let maxDist = 1e-9;
  let maxTravel = 1e-9;
  const travel = aisleTravelCost(locations, dock);
  for (let b = 0; b < m; b++) {
    const l = locations[b];
    dist[b] = rectilinear(l.x, l.y, dock.x, dock.y);
    let a0 = l.insideInches.l;
    let a1 = l.insideInches.w;
    let a2 = l.insideInches.h;
    let swap: number;
    if (a0 < a1) (swap = a0), (a0 = a1), (a1 = swap);
    if (a1 < a2) (swap = a1), (a1 = a2), (a2 = swap);
    if (a0 < a1) (swap = a0), (a0 = a1), (a1 = swap);
    inside[3 * b] = a0;
    inside[3 * b + 1] = a1;
    inside[3 * b + 2] = a2;
    let bayOf = bayIds.get(l.aisle);
    if (bayOf === undefined) bayIds.set(l.aisle, (bayOf = new Map()));
    let id = bayOf.get(l.bay);
    if (id === undefined) bayOf.set(l.bay, (id = bays++));
    bayId[b] = id;
    let aisleOf = aisleIds.get(l.zone);
    if (aisleOf === undefined) aisleIds.set(l.zone, (aisleOf = new Map()));
    let aid = aisleOf.get(l.aisle);
    if (aid === undefined) aisleOf.set(l.aisle, (aid = aisles++));
    aisleId[b] = aid;
    if (!isUsable(l)) {
      excluded++;
      continue;
    }
    if (STORAGE_TYPES.has(l.type)) {
      storage.push(b);
      if (dist[b] > maxDist) maxDist = dist[b];
      if (travel[b] > maxTravel) maxTravel = travel[b];
      const bay = bayBins.get(id);
      if (bay) bay.push(b);
      else bayBins.set(id, [b]);
    } else if (CROSS_DOCK_TYPES.has(l.type)) {
      staging.push(b);
    }
  }
  // the scan window follows the travel cost, so a split receipt stays in the aisle it started in
  const sorted = sortByDistance(storage, travel);
  const storagePos = new Int32Array(m).fill(-1);
  for (let k = 0; k < sorted.length; k++) storagePos[sorted[k]] = k;
  return {
    locations: locations.slice(),
    dockX: dock.x,
    dockY: dock.y,
    dist,
    inside,
    travel,
    storage: sorted,
    storageByIndex: Int32Array.from(storage),
    storagePos,
    staging: sortByDistance(staging, dist),
    maxDist,
    maxTravel,
    bayId,
    aisleId,
    bayBins,
    excluded,
  };
}

/** 2^21: packed sort keys hold the location index in their low 21 bits. */
const INDEX_SPAN = 2_097_152;

/**
 * Location indexes ordered by distance (to 0.001 ft), ties by index, using a
 * native numeric sort of packed keys `round(dist·1000)·2^21 + index`
 * (exact below 2^53, i.e. distances under ~4,000,000 ft and 2 million bins).
 */
export function sortByDistance(indexes: readonly number[], dist: Float64Array): Int32Array {
  const out = new Int32Array(indexes.length);
  if (indexes.length >= INDEX_SPAN) {
    const copy = Int32Array.from(indexes);
    return copy.sort((p, q) => dist[p] - dist[q] || p - q);
  }
  const keys = new Float64Array(indexes.length);
  for (let k = 0; k < indexes.length; k++) keys[k] = Math.round(dist[indexes[k]] * 1000) * INDEX_SPAN + indexes[k];
  keys.sort();
  for (let k = 0; k < keys.length; k++) out[k] = keys[k] % INDEX_SPAN;
  return out;
}

import type { CandidateLocation } from './types';

/**
 * Weight of the depth along an aisle against the walk to the aisle's entry.
 * Under traversal (S-shape) routing an order pays for every aisle it enters
 * (and the farthest one sets the walk across), while the depth inside an
 * aisle matters only for the last, partly walked aisle. So going deeper into
 * an aisle must never cost more than the next aisle over: with 10–12 ft
 * between aisle centre lines and aisles up to ~250 ft long, 0.02 keeps an
 * aisle's full depth under 5 ft, and still fills an aisle front to back.
 * (Measured: 0.3 cost 1–4 points of travel against 0.1 on every scenario,
 * 0.1 cost up to 1 point against 0.02 where aisles are 150 ft long.)
 */
export const AISLE_DEPTH_WEIGHT = 0.02;

/** Key of an aisle: zone and aisle name (aisle names repeat across zones). */
export function aisleKey(l: Pick<CandidateLocation, 'zone' | 'aisle'>): string {
  return `${l.zone}\u0000${l.aisle}`;
}

/** Bounding box and centroid sums of a group of locations (an aisle), feet. */
export type Extent = { minX: number; maxX: number; minY: number; maxY: number; sumX: number; sumY: number; n: number };

/** An extent holding no location yet. */
export function emptyExtent(): Extent {
  return { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, sumX: 0, sumY: 0, n: 0 };
}

/** Grows `e` to take in the point (x, y). */
export function extendExtent(e: Extent, x: number, y: number): void {
  e.minX = Math.min(e.minX, x);
  e.maxX = Math.max(e.maxX, x);
  e.minY = Math.min(e.minY, y);
  e.maxY = Math.max(e.maxY, y);
  e.sumX += x;
  e.sumY += y;
  e.n++;
}

/**
 * Which way the aisles run, from the data: along y (`vertical`) when at least as many
 * aisles spread more along y than along x. `alongX + alongY` is 0 when no aisle has extent.
 */
export function aisleDirection(extents: readonly Pick<Extent, 'minX' | 'maxX' | 'minY' | 'maxY'>[]): { vertical: boolean; alongX: number; alongY: number } {
  let alongX = 0;
  let alongY = 0;
  for (const e of extents) {
    const sx = e.maxX - e.minX;
    const sy = e.maxY - e.minY;
    if (sx > sy) alongX++;
    else if (sy > sx) alongY++;
  }
  return { vertical: alongY >= alongX, alongX, alongY };
}

/**
 * Aisle-aware travel cost from the dock to every location, in feet-like units:
 * ```
 *   cost = |dock.u − aisle.u| + min over the aisle's two ends e of (|dock.v − e| + AISLE_DEPTH_WEIGHT × |v − e|)
 * ```
 * where v is the axis along the aisles and u the axis across them. The
 * direction is inferred from the data (do most aisles spread more along x or
 * along y?), so no layout convention is assumed. Locations whose aisle does
 * not look like one (it spreads across rather than along, e.g. a staging row)
 * and layouts where no aisle has extent keep the plain rectilinear distance.
 * O(m) for m locations; the result is indexed like `locations`.
 */
export function aisleTravelCost(locations: readonly CandidateLocation[], dock: { x: number; y: number }): Float64Array {
  const m = locations.length;
  const cost = new Float64Array(m);
  const ids = new Int32Array(m);
  const index = new Map<string, number>();
  const extents: Extent[] = [];
  for (let b = 0; b < m; b++) {
    const l = locations[b];
    const key = aisleKey(l);
    let id = index.get(key);
    if (id === undefined) {
      index.set(key, (id = extents.length));
      extents.push(emptyExtent());
    }
    ids[b] = id;
    extendExtent(extents[id], l.x, l.y);
  }
  const { vertical, alongX, alongY } = aisleDirection(extents);
  for (let b = 0; b < m; b++) {
    const l = locations[b];
    const e = extents[ids[b]];
    const spreadU = vertical ? e.maxX - e.minX : e.maxY - e.minY;
    const spreadV = vertical ? e.maxY - e.minY : e.maxX - e.minX;
    if (alongX + alongY === 0 || spreadV <= spreadU) {
      cost[b] = Math.abs(l.x - dock.x) + Math.abs(l.y - dock.y);
      continue;
    }
    const u = vertical ? e.sumX / e.n : e.sumY / e.n;
    const dockU = vertical ? dock.x : dock.y;
    const dockV = vertical ? dock.y : dock.x;
    const v = vertical ? l.y : l.x;
    const lo = vertical ? e.minY : e.minX;
    const hi = vertical ? e.maxY : e.maxX;
    const viaLo = Math.abs(dockV - lo) + AISLE_DEPTH_WEIGHT * (v - lo);
    const viaHi = Math.abs(dockV - hi) + AISLE_DEPTH_WEIGHT * (hi - v);
    cost[b] = Math.abs(dockU - u) + Math.min(viaLo, viaHi);
  }
  return cost;
}

import type { PackInstance } from './instance';

/** Relative tolerance for ceil() on floating sums (integer data are exact). */
const TOL = 1e-9;

function ceilTol(x: number): number {
  return Math.ceil(x - TOL * Math.max(1, Math.abs(x)));
}

/**
 * Continuous lower bound L1 = max_d ceil(Σ size_d / capacity_d), in bins.
 * @param sizes item sizes of one dimension (>= 0).
 * @param capacity bin capacity (> 0) in the same unit.
 */
export function lowerBoundL1(sizes: ArrayLike<number>, capacity: number): number {
  let sum = 0;
  for (let i = 0; i < sizes.length; i++) sum += sizes[i];
  return sizes.length === 0 ? 0 : Math.max(1, ceilTol(sum / capacity));
}

/**
 * Martello–Toth lower bound L2 for 1-D bin packing, in bins.
 *
 * For every threshold α in {0} ∪ {sizes <= c/2}:
 * ```
 *   J1 = { s > c - α }            each needs its own bin, nothing >= α joins it
 *   J2 = { c/2 < s <= c - α }     one bin each
 *   J3 = { α <= s <= c/2 }        fills J2's free space, the rest needs new bins
 *   L(α) = |J1| + |J2| + max(0, ceil((Σ J3 - (|J2| c - Σ J2)) / c))
 * ```
 * L2 = max_α L(α) (and at least L1). O(n log n).
 * @param sizes item sizes (>= 0, each <= capacity).
 * @param capacity bin capacity (> 0).
 */
export function lowerBoundL2(sizes: ArrayLike<number>, capacity: number): number {
  const n = sizes.length;
  if (n === 0) return 0;
  const c = capacity;
  const a = Float64Array.from(sizes).sort(); // ascending
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + a[i];
  const eps = c * TOL;
  // first index with a[i] > x (upper bound), or >= x (lower bound)
  const upper = (x: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const lower = (x: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const half = upper(c / 2 + eps); // items [half, n) are > c/2
  let best = lowerBoundL1(a, c);
  const evaluate = (alpha: number): void => {
    const j1Start = upper(c - alpha + eps); // s > c - α
    const j1 = n - j1Start;
    const j2Start = Math.min(half, j1Start);
    const j2 = j1Start - j2Start;
    const sumJ2 = prefix[j1Start] - prefix[j2Start];
    const j3Start = lower(alpha - eps);
    const sumJ3 = j3Start < half ? prefix[half] - prefix[j3Start] : 0;
    const extra = sumJ3 - (j2 * c - sumJ2);
    const value = j1 + j2 + (extra > eps ? ceilTol(extra / c) : 0);
    if (value > best) best = value;
  };
  evaluate(0);
  let prev = NaN;
  for (let i = 0; i < half; i++) {
    if (a[i] !== prev && a[i] > 0) evaluate(a[i]);
    prev = a[i];
  }
  return best;
}

/** Sizes of dimension `d` of an instance. */
export function dimensionSizes(inst: PackInstance, d: number): Float64Array {
  const out = new Float64Array(inst.n);
  for (let i = 0; i < inst.n; i++) out[i] = inst.size[i * inst.dims + d];
  return out;
}

/**
 * Best lower bound this library computes for an instance: the maximum over
 * dimensions of the Martello–Toth L2 bound (which includes L1), in bins.
 */
export function instanceLowerBound(inst: PackInstance): number {
  let best = 0;
  for (let d = 0; d < inst.dims; d++) {
    const lb = lowerBoundL2(dimensionSizes(inst, d), inst.capacity[d]);
    if (lb > best) best = lb;
  }
  return best;
}

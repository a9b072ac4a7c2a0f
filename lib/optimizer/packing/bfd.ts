import { decreasingOrder, type PackInstance } from './instance';
import type { Packing } from './ffd';

/**
 * Open bins kept sorted by a scalar key (their residual capacity), with
 * binary search to find the tightest bin and a short memmove to re-seat a bin
 * after its residual shrinks:
 *
 * ```
 *  keys: [ 3 | 7 | 7 | 12 | 40 ]   need 6 -> lowerBound = index 1 (key 7)
 *  after placing: key 1 moves left to index 0, the slice [0,1) shifts right
 * ```
 */
class SortedBins {
  readonly keys: Float64Array;
  readonly ids: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  /** First position whose key is >= x. */
  lowerBound(x: number): number {
    let lo = 0;
    let hi = this.count;
    const keys = this.keys;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(key: number, id: number): void {
    const pos = this.lowerBound(key);
    this.keys.copyWithin(pos + 1, pos, this.count);
    this.ids.copyWithin(pos + 1, pos, this.count);
    this.keys[pos] = key;
    this.ids[pos] = id;
    this.count++;
  }

  /** Lowers the key at `pos` to `key` (key <= keys[pos]) keeping the order. */
  decrease(pos: number, key: number): void {
    const id = this.ids[pos];
    const to = this.lowerBound(key);
    if (to < pos) {
      this.keys.copyWithin(to + 1, to, pos);
      this.ids.copyWithin(to + 1, to, pos);
    }
    const at = to < pos ? to : pos;
    this.keys[at] = key;
    this.ids[at] = id;
  }
}

/**
 * Best-Fit Decreasing for 1-D or 2-D vector packing.
 *
 * Items go in {@link decreasingOrder}. Each goes into the open bin with the
 * smallest residual that still fits it; in 2-D the residual key is the
 * normalized sum `Σ_d residual_d / capacity_d` and the search starts at the
 * first key that could fit, then walks right until both dimensions fit.
 * 1-D is O(n log n) comparisons plus short memmoves.
 */
export function bestFitDecreasing(inst: PackInstance, order: Int32Array = decreasingOrder(inst)): Packing {
  const { n, dims, size, limit, capacity, weight } = inst;
  const assignment = new Int32Array(n);
  if (n === 0) return { binCount: 0, assignment };
  const bins = new SortedBins(n);
  let binCount = 0;
  if (dims === 1) {
    const cap = limit[0];
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const s = size[i];
      const pos = bins.lowerBound(s);
      if (pos < bins.count) {
        assignment[i] = bins.ids[pos];
        bins.decrease(pos, bins.keys[pos] - s);
      } else {
        assignment[i] = binCount;
        bins.insert(cap - s, binCount++);
      }
    }
    return { binCount, assignment };
  }
  const residual = new Float64Array(n * dims);
  const slack = 1e-12 * dims;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    let pos = bins.lowerBound(weight[i] - slack);
    let found = -1;
    for (; pos < bins.count; pos++) {
      const b = bins.ids[pos];
      let ok = true;
      for (let d = 0; d < dims; d++) {
        if (residual[b * dims + d] < size[i * dims + d]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        found = pos;
        break;
      }
    }
    let b: number;
    if (found >= 0) {
      b = bins.ids[found];
      for (let d = 0; d < dims; d++) residual[b * dims + d] -= size[i * dims + d];
      bins.decrease(found, keyOf(residual, b, dims, capacity));
    } else {
      b = binCount++;
      for (let d = 0; d < dims; d++) residual[b * dims + d] = limit[d] - size[i * dims + d];
      bins.insert(keyOf(residual, b, dims, capacity), b);
    }
    assignment[i] = b;
  }
  return { binCount, assignment };
}

function keyOf(residual: Float64Array, b: number, dims: number, capacity: Float64Array): number {
  let k = 0;
  for (let d = 0; d < dims; d++) k += residual[b * dims + d] / capacity[d];
  return k;
}

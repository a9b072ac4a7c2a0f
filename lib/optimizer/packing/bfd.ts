import { decreasingOrder, type PackInstance } from './instance';
import type { Packing } from './ffd';
import { ResidualTreap } from './residual-treap';

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
 * smallest residual that still fits it.
 * - 1-D: bins sorted by residual in an array; binary search for the tightest
 *   bin, then the bin is re-seated by a memmove: O(n log m) comparisons plus
 *   memmoves of at most m entries each (native copies, so in practice the
 *   binary searches dominate; the worst case is O(n·m) word moves).
 * - 2-D: the residual key is the normalized sum `Σ_d residual_d / capacity_d`;
 *   open bins live in a {@link ResidualTreap} ordered by that key with
 *   subtree maxima per dimension, so the tightest bin that fits both
 *   dimensions is found without scanning bins that cannot fit:
 *   O(log m) expected per update, search O(log m) typical and O(m) worst case.
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
  const open = new ResidualTreap(n, dims);
  const slack = 1e-12 * dims;
  const need = new Float64Array(dims);
  const room = new Float64Array(dims);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    for (let d = 0; d < dims; d++) need[d] = size[i * dims + d];
    let b = open.findBest(weight[i] - slack, need);
    if (b >= 0) {
      for (let d = 0; d < dims; d++) room[d] = open.residual[b * dims + d] - need[d];
      open.remove(b);
    } else {
      b = binCount++;
      for (let d = 0; d < dims; d++) room[d] = limit[d] - need[d];
    }
    open.insert(b, room, keyOf(room, dims, capacity));
    assignment[i] = b;
  }
  return { binCount, assignment };
}

function keyOf(room: Float64Array, dims: number, capacity: Float64Array): number {
  let k = 0;
  for (let d = 0; d < dims; d++) k += room[d] / capacity[d];
  return k;
}

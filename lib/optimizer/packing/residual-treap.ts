import { mulberry32 } from '../prng';

/**
 * Open bins of 2-D best fit, ordered by a scalar key (the normalized
 * residual Σ_d residual_d / capacity_d, then the bin id), in a treap whose
 * nodes also keep the maximum residual of their subtree in every dimension:
 *
 * ```
 *            (key .40, max r = [60, 50])
 *           /                           \
 *   (.25, max [30, 50])          (.70, max [60, 45])
 * ```
 *
 * {@link ResidualTreap.findBest} walks the tree in key order and skips every
 * subtree whose maxima cannot cover the item, returning the bin with the
 * smallest key that fits in both dimensions (best fit). Insert and remove
 * are O(log m) expected. The search is O(log m) when one dimension decides
 * the fit; when the two maxima of a subtree come from different bins the
 * walk may have to enter it, so the worst case stays O(m) (an exact 2-D
 * "dominating point with the least key" query has no simple O(log m)
 * structure), but it never scans bins whose subtree cannot fit the item.
 * Node priorities come from a fixed seed, so the shape is deterministic.
 */
export class ResidualTreap {
  private readonly dims: number;
  private readonly key: Float64Array;
  private readonly pri: Float64Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** Subtree maximum residual per dimension. */
  private readonly max: Float64Array;
  /** Residual of each bin per dimension. */
  readonly residual: Float64Array;
  private root = -1;
  private readonly rand = mulberry32(0x5eed);
  private splitL = -1;
  private splitR = -1;

  /** @param capacity largest number of bins. @param dims dimensions (1 or 2). */
  constructor(capacity: number, dims: number) {
    this.dims = dims;
    this.key = new Float64Array(capacity);
    this.pri = new Float64Array(capacity);
    this.left = new Int32Array(capacity).fill(-1);
    this.right = new Int32Array(capacity).fill(-1);
    this.max = new Float64Array(capacity * dims);
    this.residual = new Float64Array(capacity * dims);
  }

  /** Adds bin b with residual `r` (per dimension) and ordering key `key`. */
  insert(b: number, r: ArrayLike<number>, key: number): void {
    for (let d = 0; d < this.dims; d++) this.residual[b * this.dims + d] = r[d];
    this.key[b] = key;
    this.pri[b] = this.rand();
    this.left[b] = -1;
    this.right[b] = -1;
    this.pull(b);
    this.split(this.root, key, b);
    const l = this.splitL;
    const rr = this.splitR;
    this.root = this.merge(this.merge(l, b), rr);
  }

  /** Removes bin b (which must be present). */
  remove(b: number): void {
    this.root = this.removeFrom(this.root, b);
  }

  /**
   * Bin with the smallest key >= `minKey` whose residual covers `need` in every
   * dimension, or -1.
   */
  findBest(minKey: number, need: ArrayLike<number>): number {
    return this.search(this.root, minKey, need);
  }

  private less(a: number, keyB: number, b: number): boolean {
    const ka = this.key[a];
    return ka < keyB || (ka === keyB && a < b);
  }

  private pull(t: number): void {
    const { dims, max, residual, left, right } = this;
    const l = left[t];
    const r = right[t];
    for (let d = 0; d < dims; d++) {
      let m = residual[t * dims + d];
      if (l >= 0 && max[l * dims + d] > m) m = max[l * dims + d];
      if (r >= 0 && max[r * dims + d] > m) m = max[r * dims + d];
      max[t * dims + d] = m;
    }
  }

  /** Splits t into nodes ordered before (key, id) -> splitL, and the rest -> splitR. */
  private split(t: number, key: number, id: number): void {
    if (t < 0) {
      this.splitL = -1;
      this.splitR = -1;
      return;
    }
    if (this.less(t, key, id)) {
      this.split(this.right[t], key, id);
      this.right[t] = this.splitL;
      this.pull(t);
      this.splitL = t;
    } else {
      this.split(this.left[t], key, id);
      this.left[t] = this.splitR;
      this.pull(t);
      this.splitR = t;
    }
  }

  private merge(a: number, b: number): number {
    if (a < 0) return b;
    if (b < 0) return a;
    if (this.pri[a] > this.pri[b]) {
      this.right[a] = this.merge(this.right[a], b);
      this.pull(a);
      return a;
    }
    this.left[b] = this.merge(a, this.left[b]);
    this.pull(b);
    return b;
  }

  private removeFrom(t: number, b: number): number {
    if (t < 0) return -1;
    if (t === b) return this.merge(this.left[t], this.right[t]);
    if (this.less(b, this.key[t], t)) this.left[t] = this.removeFrom(this.left[t], b);
    else this.right[t] = this.removeFrom(this.right[t], b);
    this.pull(t);
    return t;
  }

  private covers(base: Float64Array, t: number, need: ArrayLike<number>): boolean {
    for (let d = 0; d < this.dims; d++) if (base[t * this.dims + d] < need[d]) return false;
    return true;
  }

  private search(t: number, minKey: number, need: ArrayLike<number>): number {
    if (t < 0 || !this.covers(this.max, t, need)) return -1;
    if (this.key[t] < minKey) return this.search(this.right[t], minKey, need);
    const l = this.search(this.left[t], minKey, need);
    if (l >= 0) return l;
    if (this.covers(this.residual, t, need)) return t;
    return this.search(this.right[t], minKey, need);
  }
}

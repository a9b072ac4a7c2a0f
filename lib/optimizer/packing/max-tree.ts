/**
 * A max segment tree over `leaves` residual capacities in `dims` dimensions.
 *
 * ```
 *                [max r over 0..7]
 *          [0..3]               [4..7]
 *      [0..1]   [2..3]      [4..5]   [6..7]
 *      r0  r1   r2  r3      r4  r5   r6  r7     <- one leaf per bin
 * ```
 *
 * `findFirst(need)` walks down from the root, always trying the left child
 * first, so it returns the lowest-index bin whose residual covers `need` in
 * every dimension: exactly First Fit's choice, in O(log m) for one dimension.
 * With two dimensions a node's maxima may come from different leaves, so the
 * walk may backtrack; in practice it stays close to O(log m).
 */
export class MaxTree {
  readonly dims: number;
  readonly leaves: number;
  private readonly base: number;
  private readonly t: Float64Array;

  /**
   * @param leaves number of bins (>= 1).
   * @param dims dimensions (1 or 2).
   * @param initial starting residual of every leaf, per dimension.
   */
  constructor(leaves: number, dims: number, initial: ArrayLike<number>) {
    this.dims = dims;
    this.leaves = leaves;
    let base = 1;
    while (base < leaves) base <<= 1;
    this.base = base;
    this.t = new Float64Array(2 * base * dims).fill(-Infinity);
    for (let i = 0; i < leaves; i++) {
      for (let d = 0; d < dims; d++) this.t[(base + i) * dims + d] = initial[d];
    }
    for (let node = base - 1; node >= 1; node--) this.pull(node);
  }

  private pull(node: number): void {
    const { dims, t } = this;
    const l = 2 * node * dims;
    const r = l + dims;
    for (let d = 0; d < dims; d++) {
      const a = t[l + d];
      const b = t[r + d];
      t[node * dims + d] = a > b ? a : b;
    }
  }

  /** Residual of leaf `i` in dimension `d`. */
  get(i: number, d: number): number {
    return this.t[(this.base + i) * this.dims + d];
  }

  /** Sets leaf `i` to `values` and updates its ancestors. */
  set(i: number, values: ArrayLike<number>): void {
    const { dims, t } = this;
    let node = this.base + i;
    for (let d = 0; d < dims; d++) t[node * dims + d] = values[d];
    node >>= 1;
    while (node >= 1) {
      this.pull(node);
      node >>= 1;
    }
  }

  /** Sets a one-dimensional leaf (fast path). */
  set1(i: number, value: number): void {
    const t = this.t;
    let node = this.base + i;
    t[node] = value;
    node >>= 1;
    while (node >= 1) {
      const a = t[2 * node];
      const b = t[2 * node + 1];
      t[node] = a > b ? a : b;
      node >>= 1;
    }
  }

  /** Lowest leaf index with residual >= need (1-D fast path), or -1. */
  findFirst1(need: number): number {
    const t = this.t;
    if (t[1] < need) return -1;
    let node = 1;
    const base = this.base;
    while (node < base) {
      node = t[2 * node] >= need ? 2 * node : 2 * node + 1;
    }
    return node - base;
  }

  /** Lowest leaf index whose residual covers `need` in every dimension, or -1. */
  findFirst(need: ArrayLike<number>): number {
    if (this.dims === 1) return this.findFirst1(need[0]);
    return this.search(1, need);
  }

  private covers(node: number, need: ArrayLike<number>): boolean {
    const { dims, t } = this;
    for (let d = 0; d < dims; d++) if (t[node * dims + d] < need[d]) return false;
    return true;
  }

  private search(node: number, need: ArrayLike<number>): number {
    if (!this.covers(node, need)) return -1;
    if (node >= this.base) return node - this.base;
    const left = this.search(2 * node, need);
    if (left >= 0) return left;
    return this.search(2 * node + 1, need);
  }

  /** Lowest leaf index >= from whose residual covers `need` in every dimension, or -1. */
  findNext(from: number, need: ArrayLike<number>): number {
    if (from >= this.leaves) return -1;
    return this.searchRange(1, 0, this.base - 1, from, true, need);
  }

  /** Highest leaf index <= from whose residual covers `need` in every dimension, or -1. */
  findPrev(from: number, need: ArrayLike<number>): number {
    if (from < 0) return -1;
    return this.searchRange(1, 0, this.base - 1, from, false, need);
  }

  private searchRange(node: number, lo: number, hi: number, bound: number, forward: boolean, need: ArrayLike<number>): number {
    if (forward ? hi < bound : lo > bound) return -1;
    if (!this.covers(node, need)) return -1;
    if (node >= this.base) return node - this.base;
    const mid = (lo + hi) >>> 1;
    if (forward) {
      const left = this.searchRange(2 * node, lo, mid, bound, true, need);
      return left >= 0 ? left : this.searchRange(2 * node + 1, mid + 1, hi, bound, true, need);
    }
    const right = this.searchRange(2 * node + 1, mid + 1, hi, bound, false, need);
    return right >= 0 ? right : this.searchRange(2 * node, lo, mid, bound, false, need);
  }
}

/**
 * The "in-sets" of the bin-elimination search: every single item of the pool
 * S and every pair among its `pairPool` heaviest items, listed by normalized
 * size, heaviest first (ties: singles before pairs, then by position in S).
 *
 * S arrives sorted (heaviest first), so each row of pairs `(x, x+1), (x, x+2), ...`
 * is already sorted; the rows and the singles are merged with a binary heap
 * over typed arrays: O(P log pairPool) for P in-sets, no comparator callbacks
 * and no allocation once the buffers have grown.
 */
export class InSetPool {
  /** First item of in-set k (k in 0..count-1). */
  a: Int32Array = new Int32Array(0);
  /** Second item of in-set k, or -1 for a single. */
  b: Int32Array = new Int32Array(0);
  /** Normalized size of in-set k (non-increasing in k). */
  w: Float64Array = new Float64Array(0);
  /** Size vector of in-set k: `vec[k * dims + d]` (filled when `build` gets `size`). */
  vec: Float64Array = new Float64Array(0);
  count = 0;

  // heap of rows: row -1 = singles, row x = pairs (x, y > x); pos = next position in the row
  private hRow = new Int32Array(0);
  private hPos = new Int32Array(0);
  private hW = new Float64Array(0);

  /**
   * Rebuilds the list from S, leaving out in-sets heavier than `maxW` (they
   * fit nowhere).
   * @param S unassigned items, heaviest first.
   * @param weight normalized size per item.
   * @param pairPool how many of S's heaviest items are combined in pairs.
   * @param maxW largest normalized room any out-set can free.
   * @param itemSize item size vectors (`itemSize[i * dims + d]`); when given, `vec` holds each in-set's summed vector.
   */
  build(S: readonly number[], weight: Float64Array, pairPool: number, maxW = Number.POSITIVE_INFINITY, itemSize?: Float64Array, dims = 1): void {
    const s = S.length;
    const pool = Math.min(s, pairPool);
    const total = s + (pool * (pool - 1)) / 2;
    if (this.a.length < total) {
      const cap = Math.max(16, total * 2);
      this.a = new Int32Array(cap);
      this.b = new Int32Array(cap);
      this.w = new Float64Array(cap);
    }
    if (this.hRow.length < pool + 1) {
      this.hRow = new Int32Array(pool + 16);
      this.hPos = new Int32Array(pool + 16);
      this.hW = new Float64Array(pool + 16);
    }
    const hRow = this.hRow;
    const hPos = this.hPos;
    const hW = this.hW;
    const outA = this.a;
    const outB = this.b;
    const outW = this.w;
    let size = 0;
    // first position y >= from of S with weight[S[y]] <= cap (S is heaviest first)
    const firstAtMost = (from: number, end: number, cap: number): number => {
      let lo = from;
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (weight[S[mid]] > cap) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const singles = firstAtMost(0, s, maxW);
    if (singles < s) {
      hRow[size] = -1;
      hPos[size] = singles;
      hW[size] = weight[S[singles]];
      size++;
    }
    for (let x = 0; x + 1 < pool; x++) {
      const y = firstAtMost(x + 1, pool, maxW - weight[S[x]]);
      if (y >= pool) continue;
      hRow[size] = x;
      hPos[size] = y;
      hW[size] = weight[S[x]] + weight[S[y]];
      size++;
    }
    for (let k = (size >> 1) - 1; k >= 0; k--) siftDown(hRow, hPos, hW, size, k);
    let k = 0;
    while (size > 0) {
      const row = hRow[0];
      const pos = hPos[0];
      outW[k] = hW[0];
      if (row < 0) {
        outA[k] = S[pos];
        outB[k] = -1;
      } else {
        outA[k] = S[row];
        outB[k] = S[pos];
      }
      k++;
      const next = pos + 1;
      if (next < (row < 0 ? s : pool)) {
        hPos[0] = next;
        hW[0] = row < 0 ? weight[S[next]] : weight[S[row]] + weight[S[next]];
      } else {
        size--;
        hRow[0] = hRow[size];
        hPos[0] = hPos[size];
        hW[0] = hW[size];
      }
      if (size > 1) siftDown(hRow, hPos, hW, size, 0);
    }
    this.count = k;
    if (itemSize !== undefined) {
      if (this.vec.length < k * dims) this.vec = new Float64Array(Math.max(16, this.a.length) * dims);
      const vec = this.vec;
      for (let x = 0; x < k; x++) {
        const a = outA[x];
        const b = outB[x];
        for (let d = 0; d < dims; d++) vec[x * dims + d] = itemSize[a * dims + d] + (b >= 0 ? itemSize[b * dims + d] : 0);
      }
    }
  }
}

/** True when heap entry p comes before entry q: heavier, then singles (row -1), lower row, lower position. */
function before(hRow: Int32Array, hPos: Int32Array, hW: Float64Array, p: number, q: number): boolean {
  const wp = hW[p];
  const wq = hW[q];
  if (wp !== wq) return wp > wq;
  if (hRow[p] !== hRow[q]) return hRow[p] < hRow[q];
  return hPos[p] < hPos[q];
}

function siftDown(hRow: Int32Array, hPos: Int32Array, hW: Float64Array, size: number, k: number): void {
  for (;;) {
    const l = 2 * k + 1;
    if (l >= size) return;
    const r = l + 1;
    const c = r < size && before(hRow, hPos, hW, r, l) ? r : l;
    if (!before(hRow, hPos, hW, c, k)) return;
    const row = hRow[c];
    const pos = hPos[c];
    const w = hW[c];
    hRow[c] = hRow[k];
    hPos[c] = hPos[k];
    hW[c] = hW[k];
    hRow[k] = row;
    hPos[k] = pos;
    hW[k] = w;
    k = c;
  }
}

import { addItemRow, hasSum, MAX_SUBSET_SUM_CAPACITY, MAX_SUBSET_SUM_WORK, rowWords, topMask } from './subset-sum-bits';

/** Reusable rows of {@link twoBinPartition}. */
export type PartitionBuffer = { rows: Int32Array };

/**
 * Exact test: can integer sizes `sizes` be split into two bins of integer
 * capacity `capacity`? Subset-sum over reachable loads of bin 0, one bitset
 * row per item (bit t of row k: some subset of the first k items sums to t),
 * then any reachable t with `total - capacity <= t <= capacity` is a split:
 *
 * ```
 *   sizes 6 5 5 4, c = 10, total 20 -> need t in [10, 10]
 *   row0 {0}  row1 {0,6}  row2 {0,5,6}  row3 {0,5,6,10}  row4 {0,4,5,6,9,10}
 *   t = 10: back through the rows -> {5, 5} in bin 0, {6, 4} in bin 1
 * ```
 *
 * O(k · capacity / 32) word operations for k items. Returns, per position of
 * `sizes`, the bin (0 or 1), or null when no split exists; `undefined` when
 * the data are not small non-negative integers or the work would exceed
 * {@link MAX_SUBSET_SUM_WORK} (the caller falls back to a bounded search).
 */
export function twoBinPartition(sizes: ArrayLike<number>, capacity: number, buf: PartitionBuffer): number[] | null | undefined {
  const k = sizes.length;
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_SUBSET_SUM_CAPACITY) return undefined;
  if ((k + 1) * rowWords(capacity) > MAX_SUBSET_SUM_WORK) return undefined;
  let total = 0;
  for (let x = 0; x < k; x++) {
    const v = sizes[x];
    if (!Number.isInteger(v) || v < 0 || v > capacity) return undefined;
    total += v;
  }
  if (total > 2 * capacity) return null;
  const words = rowWords(capacity);
  const need = (k + 1) * words;
  if (buf.rows.length < need) buf.rows = new Int32Array(Math.max(need, buf.rows.length * 2));
  const rows = buf.rows;
  rows.fill(0, 0, words);
  rows[0] = 1;
  const mask = topMask(capacity);
  for (let x = 0; x < k; x++) addItemRow(rows, x * words, (x + 1) * words, words, sizes[x], mask);
  const last = k * words;
  let t = -1;
  for (let s = Math.min(capacity, total); s >= Math.max(0, total - capacity); s--) {
    if (hasSum(rows, last, s)) {
      t = s;
      break;
    }
  }
  if (t < 0) return null;
  const side = new Array<number>(k).fill(1);
  for (let x = k - 1; x >= 0; x--) {
    if (hasSum(rows, x * words, t)) continue; // reachable without item x
    side[x] = 0;
    t -= sizes[x];
  }
  return side;
}

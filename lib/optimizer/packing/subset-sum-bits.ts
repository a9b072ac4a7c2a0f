/**
 * Bitset rows for subset-sum over small non-negative integers: bit t of a
 * row is set when some subset of the items seen so far sums to t. One row is
 * `words = (cap >>> 5) + 1` 32-bit words; rows live back to back in one
 * Int32Array so that a subset can be read back row by row.
 */

/** Largest integer capacity handled (2^22 bits = 512 KiB per row). */
export const MAX_SUBSET_SUM_CAPACITY = (1 << 22) - 1;

/** Largest item rows × words one subset-sum call may use (about 0.5 ms), so its work stays bounded. */
export const MAX_SUBSET_SUM_WORK = 400_000;

/** Words per row for sums 0..cap. */
export function rowWords(cap: number): number {
  return (cap >>> 5) + 1;
}

/** Mask of the valid bits (0..cap) in a row's last word. */
export function topMask(cap: number): number {
  const lastBit = cap & 31;
  return lastBit === 31 ? -1 : (1 << (lastBit + 1)) - 1;
}

/** Row `dst` = row `src` OR (row `src` shifted up by `v`), truncated to the row's sums 0..cap. O(words). */
export function addItemRow(rows: Int32Array, src: number, dst: number, words: number, v: number, mask: number): void {
  const ws = v >>> 5;
  const bs = v & 31;
  const lowEnd = ws < words ? ws : words;
  for (let w = 0; w < lowEnd; w++) rows[dst + w] = rows[src + w];
  if (ws < words) {
    if (bs === 0) {
      for (let w = ws; w < words; w++) rows[dst + w] = rows[src + w] | rows[src + w - ws];
    } else {
      const back = 32 - bs;
      rows[dst + ws] = rows[src + ws] | (rows[src] << bs);
      for (let w = ws + 1; w < words; w++) {
        const from = src + w - ws;
        rows[dst + w] = rows[src + w] | (rows[from] << bs) | (rows[from - 1] >>> back);
      }
    }
  }
  rows[dst + words - 1] &= mask;
}

/** Whether sum t is set in the row starting at `row`. */
export function hasSum(rows: Int32Array, row: number, t: number): boolean {
  return ((rows[row + (t >>> 5)] >>> (t & 31)) & 1) === 1;
}

/** Reusable rows for {@link bestFill}. */
export type FillBuffer = { rows: Int32Array };

/**
 * Largest sum <= cap of a subset of `sizes[0..count)` (small non-negative
 * integers), with the positions that make it, heaviest-sum-first: one bitset
 * row per item, stopping as soon as `cap` itself is reachable.
 * O(count · cap / 32).
 */
export function bestFill(sizes: ArrayLike<number>, count: number, cap: number, buf: FillBuffer): { sum: number; chosen: number[] } {
  const words = rowWords(cap);
  const need = (count + 1) * words;
  if (buf.rows.length < need) buf.rows = new Int32Array(Math.max(need, buf.rows.length * 2));
  const rows = buf.rows;
  const mask = topMask(cap);
  rows.fill(0, 0, words);
  rows[0] = 1;
  let k = 0;
  const pos: number[] = [];
  for (let x = 0; x < count && !hasSum(rows, k * words, cap); x++) {
    const v = sizes[x];
    if (v > cap) continue;
    addItemRow(rows, k * words, (k + 1) * words, words, v, mask);
    pos.push(x);
    k++;
  }
  let t = 0;
  for (let q = words - 1; q >= 0; q--) {
    const bits = rows[k * words + q];
    if (bits !== 0) {
      t = q * 32 + 31 - Math.clz32(bits);
      break;
    }
  }
  const sum = t;
  const chosen: number[] = [];
  for (let x = k - 1; x >= 0 && t > 0; x--) {
    if (hasSum(rows, x * words, t)) continue; // reachable without this item
    chosen.push(pos[x]);
    t -= sizes[pos[x]];
  }
  return { sum, chosen };
}

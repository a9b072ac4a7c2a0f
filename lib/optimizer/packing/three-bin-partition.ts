import { twoBinPartition, type PartitionBuffer } from './two-bin-partition';

/** Largest item count tried (2^(k-1) subsets for the first bin at most). */
const MAX_ITEMS = 14;

/**
 * Exact test: can integer sizes `sizes` be split into three bins of integer
 * capacity `capacity`? The largest item is pinned to bin 0 (symmetry); each
 * subset for bin 0 that fits, and leaves at most two bins' worth, is tried
 * largest load first, and the rest goes to {@link twoBinPartition}.
 *
 * Returns per position the bin (0, 1 or 2), or null when no split exists or
 * there are more than 14 items (then the caller just goes on searching).
 * At most 2^13 first-bin subsets, each with an O(k · capacity / 32) test.
 */
export function threeBinPartition(sizes: readonly number[], capacity: number, buf: PartitionBuffer): number[] | null {
  const k = sizes.length;
  if (k === 0) return [];
  if (k > MAX_ITEMS) return null;
  let total = 0;
  let top = 0;
  for (let x = 0; x < k; x++) {
    total += sizes[x];
    if (sizes[x] > sizes[top]) top = x;
  }
  if (total > 3 * capacity) return null;
  const others = sizes.map((_, x) => x).filter((x) => x !== top);
  const subsets: { mask: number; sum: number }[] = [];
  for (let mask = 0; mask < 1 << others.length; mask++) {
    let sum = sizes[top];
    for (let y = 0; y < others.length; y++) if (mask & (1 << y)) sum += sizes[others[y]];
    if (sum <= capacity && total - sum <= 2 * capacity) subsets.push({ mask, sum });
  }
  subsets.sort((a, b) => b.sum - a.sum || a.mask - b.mask);
  const rest: number[] = [];
  const restPos: number[] = [];
  for (const { mask } of subsets) {
    rest.length = 0;
    restPos.length = 0;
    for (let y = 0; y < others.length; y++) {
      if (mask & (1 << y)) continue;
      rest.push(sizes[others[y]]);
      restPos.push(others[y]);
    }
    const split = twoBinPartition(rest, capacity, buf);
    if (!split) continue;
    const side = new Array<number>(k).fill(0);
    restPos.forEach((x, j) => (side[x] = 1 + split[j]));
    return side;
  }
  return null;
}

/** Largest item count tried. */
const MAX_ITEMS = 14;
/** Search nodes per call; beyond it the answer is "no" (the caller just goes on searching). */
const MAX_NODES = 3_000;

/**
 * Can `sizes` be packed into three bins of `capacity`? Depth-first search,
 * largest item first, each item into bin 0, 1 or 2 where it fits, with
 * symmetry breaking (an item opens at most the first empty bin) and the
 * prune "what is left must fit into the room left". Cost does not depend on
 * the capacity; at most 3,000 nodes.
 *
 * Returns per position the bin (0, 1 or 2), or null when no packing was
 * found (none exists, more than 14 items, or the node budget ran out).
 */
export function threeBinPartition(sizes: readonly number[], capacity: number): number[] | null {
  const k = sizes.length;
  if (k === 0) return [];
  if (k > MAX_ITEMS) return null;
  const order = sizes.map((_, x) => x).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rest = new Float64Array(k + 1);
  for (let j = k - 1; j >= 0; j--) rest[j] = rest[j + 1] + sizes[order[j]];
  if (rest[0] > 3 * capacity) return null;
  const load = [0, 0, 0];
  const side = new Array<number>(k).fill(0);
  let nodes = 0;
  const place = (j: number): boolean => {
    if (j === k) return true;
    if (++nodes > MAX_NODES) return false;
    if (rest[j] > 3 * capacity - load[0] - load[1] - load[2]) return false;
    const v = sizes[order[j]];
    for (let b = 0; b < 3; b++) {
      if (load[b] + v > capacity) continue;
      // an empty bin is the same as any other empty bin: open only the first
      if (load[b] === 0 && b > 0 && load[b - 1] === 0) break;
      load[b] += v;
      side[order[j]] = b;
      if (place(j + 1)) return true;
      load[b] -= v;
    }
    return false;
  };
  return place(0) ? side : null;
}

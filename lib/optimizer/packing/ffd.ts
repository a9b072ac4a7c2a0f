import { MaxTree } from './max-tree';
import { decreasingOrder, type PackInstance } from './instance';

/** A packing: `assignment[i]` is the bin (0-based) of item i; bins are 0..binCount-1. */
export type Packing = { binCount: number; assignment: Int32Array };

/**
 * First-Fit Decreasing for 1-D or 2-D vector packing.
 *
 * Items go in {@link decreasingOrder}; each goes into the lowest-numbered bin
 * where it fits in every dimension, found with a {@link MaxTree} over the
 * residual capacities, so the whole run is O(n log n) in one dimension.
 * Unopened bins sit to the right with full capacity, so "no open bin fits"
 * naturally opens the next bin.
 */
export function firstFitDecreasing(inst: PackInstance, order: Int32Array = decreasingOrder(inst)): Packing {
  const { n, dims, size, limit } = inst;
  const assignment = new Int32Array(n);
  if (n === 0) return { binCount: 0, assignment };
  const tree = new MaxTree(n, dims, limit);
  let binCount = 0;
  if (dims === 1) {
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const s = size[i];
      const b = tree.findFirst1(s);
      tree.set1(b, tree.get(b, 0) - s);
      assignment[i] = b;
      if (b >= binCount) binCount = b + 1;
    }
    return { binCount, assignment };
  }
  const need = new Float64Array(dims);
  const next = new Float64Array(dims);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    for (let d = 0; d < dims; d++) need[d] = size[i * dims + d];
    const b = tree.findFirst(need);
    for (let d = 0; d < dims; d++) next[d] = tree.get(b, d) - need[d];
    tree.set(b, next);
    assignment[i] = b;
    if (b >= binCount) binCount = b + 1;
  }
  return { binCount, assignment };
}

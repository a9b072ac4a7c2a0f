import { randomInt } from '../prng';
import type { EliminationState } from './elimination-state';
import type { Packing } from './ffd';
import type { PackInstance } from './instance';
import { threeBinPartition } from './three-bin-partition';
import { twoBinPartition, type PartitionBuffer } from './two-bin-partition';

/** Largest number of items (S plus one bin) the wider test repacks. */
const MAX_WIDE_ITEMS = 12;

/** Scratch space for {@link fitsReserve}. */
export type FitBuffers = { load: Float64Array; sizes: number[]; partition: PartitionBuffer };

/** Node budget of the exact 2-bin test; beyond it the test answers "no". */
const FIT_NODES = 2_000;

/**
 * Can the items `S` be packed into `bins` (0, 1 or 2) empty bins?
 * Returns, per position of S, the reserve bin (0-based) or null.
 * Two bins, 1-D integer data: exact subset-sum ({@link twoBinPartition}).
 * Otherwise: depth-first search over "bin 0 or bin 1", largest first, with
 * the first item pinned to bin 0 (symmetry) and a budget of 2,000 nodes
 * (beyond it the answer is "no", which only makes the search go on).
 */
export function fitsReserve(inst: PackInstance, S: readonly number[], bins: number, buf: FitBuffers): number[] | null {
  const { dims, size, limit } = inst;
  if (S.length === 0) return [];
  if (bins <= 0) return null;
  const total = buf.load;
  total.fill(0);
  for (const i of S) for (let d = 0; d < dims; d++) total[d] += size[i * dims + d];
  let inOne = true;
  for (let d = 0; d < dims; d++) {
    if (total[d] > bins * limit[d]) return null;
    if (total[d] > limit[d]) inOne = false;
  }
  if (inOne) return S.map(() => 0);
  if (bins === 1) return null;
  if (dims === 1) {
    buf.sizes.length = 0;
    for (const i of S) buf.sizes.push(size[i]);
    const exact = twoBinPartition(buf.sizes, inst.capacity[0], buf.partition);
    if (exact !== undefined) return exact;
  }
  const order = S.map((_, x) => x).sort((a, b) => inst.weight[S[b]] - inst.weight[S[a]] || a - b);
  const side = new Array<number>(S.length).fill(0);
  const load = new Float64Array(2 * dims);
  const rest = new Float64Array((order.length + 1) * dims);
  for (let k = order.length - 1; k >= 0; k--) {
    for (let d = 0; d < dims; d++) rest[k * dims + d] = rest[(k + 1) * dims + d] + size[S[order[k]] * dims + d];
  }
  let nodes = 0;
  const place = (k: number): boolean => {
    if (k === order.length) return true;
    if (++nodes > FIT_NODES) return false;
    const i = S[order[k]];
    for (let side0 = 0; side0 < (k === 0 ? 1 : 2); side0++) {
      let ok = true;
      for (let d = 0; d < dims; d++) {
        if (load[side0 * dims + d] + size[i * dims + d] > limit[d]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      // prune: the remainder must fit into the two bins' total room
      let room = true;
      for (let d = 0; d < dims; d++) {
        const free = 2 * limit[d] - load[d] - load[dims + d] - size[i * dims + d];
        if (rest[(k + 1) * dims + d] > free) room = false;
      }
      if (!room) return false;
      for (let d = 0; d < dims; d++) load[side0 * dims + d] += size[i * dims + d];
      side[order[k]] = side0;
      if (place(k + 1)) return true;
      for (let d = 0; d < dims; d++) load[side0 * dims + d] -= size[i * dims + d];
    }
    return false;
  };
  return place(0) ? side : null;
}

/** Bins tried per {@link fitsReserveWithBin} call (consecutive from a random start). */
const WIDEN_BINS = 16;

/**
 * Wider success test for integral 1-D data with 2 reserve bins: can S plus
 * the items of one kept bin b be repacked into b and the 2 reserve bins
 * ({@link threeBinPartition})? When every kept bin is exactly full (as in
 * triplet instances), no swap can shrink S, and S alone may never split
 * into two exact bins; one more bin's items often make the split possible.
 * Runs only while S weighs at most 2 bins; tries up to 16 bins from a random
 * start, at most 12 items each (a search of at most 3,000 nodes per bin),
 * looking at the clock between bins. Returns the full packing (m + 2 bins) or null.
 */
export function fitsReserveWithBin(st: EliminationState, rand: () => number, now: () => number, deadline: number, buf: FitBuffers): Packing | null {
  const { inst, S, m } = st;
  const { size } = inst;
  const c = inst.capacity[0];
  if (!inst.integral || m === 0 || S.length + 1 > MAX_WIDE_ITEMS) return null;
  let sTotal = 0;
  for (const i of S) sTotal += size[i];
  // only on the plateau where S weighs no more than the 2 reserve bins but does not split into them
  if (sTotal > 2 * c) return null;
  const first = randomInt(rand, m);
  const items: number[] = [];
  for (let step = 0; step < Math.min(m, WIDEN_BINS); step++) {
    if (step > 0 && now() >= deadline) return null;
    const b = (first + step) % m;
    const bag = st.binItems[b];
    const k = S.length + bag.length;
    if (k > MAX_WIDE_ITEMS || sTotal + st.load[b] > 3 * c) continue;
    items.length = 0;
    for (const i of S) items.push(i);
    for (const i of bag) items.push(i);
    buf.sizes.length = 0;
    for (const i of items) buf.sizes.push(size[i]);
    const side = threeBinPartition(buf.sizes, c);
    if (side === null) continue;
    const assignment = Int32Array.from(st.binOf);
    items.forEach((i, x) => (assignment[i] = side[x] === 0 ? b : m + side[x] - 1));
    return { binCount: m + 2, assignment };
  }
  return null;
}

import { randomInt } from '../prng';
import type { EliminationState } from './elimination-state';
import type { InSetPool } from './in-set-pool';

const TOL = 1e-9;
/** In-sets looked at per out-set after the first one light enough (2-D misses). */
const MAX_SCAN = 128;
/** Bins holding more items than this only give single items back to S. */
const MAX_PAIR_BIN = 40;

/** The move chosen by {@link findBestSwap}: out-set of `bin` -> S, in-set `inA`/`inB` -> `bin`. */
export type SwapMove = {
  bin: number;
  out1: number;
  out2: number;
  inA: number;
  inB: number;
  /** Change of S's normalized size (in-set minus out-set); positive shrinks S. */
  delta: number;
};

/** A fresh, empty move (bin -1). */
export function emptyMove(): SwapMove {
  return { bin: -1, out1: -1, out2: -1, inA: -1, inB: -1, delta: Number.NEGATIVE_INFINITY };
}

/** Reusable buffers of {@link findBestSwap}. */
export class SwapScratch {
  outA = new Int32Array(64);
  outB = new Int32Array(64);
  readonly room: Float64Array;
  readonly free: Float64Array;
  constructor(dims: number) {
    this.room = new Float64Array(dims);
    this.free = new Float64Array(dims);
  }
  ensure(k: number): void {
    if (this.outA.length >= k) return;
    const a = new Int32Array(k * 2);
    const b = new Int32Array(k * 2);
    a.set(this.outA);
    b.set(this.outB);
    this.outA = a;
    this.outB = b;
  }
}

/**
 * Best swap between one bin and S: up to two non-tabu items of the bin go to
 * S and up to two items of S (an entry of `pool`) take their place, keeping
 * the bin feasible. The best move shrinks S's normalized size the most (it
 * may grow it); ties prefer leaving more items in S, then a seeded random
 * choice. Swaps of identical size vectors are skipped.
 *
 * Work: for each bin whose free room could still beat the best move, each
 * out-set does one binary search over the pool (sorted heaviest first) and
 * stops at the first in-set that fits (in 2-D, after at most 128 that do
 * not): O(m · L² · log P) for bins of L items in 1-D.
 * `pool` must have been built with the item sizes (its `vec`).
 * Writes the result to `mv` (`mv.bin = -1` when no legal move exists).
 */
export function findBestSwap(st: EliminationState, pool: InSetPool, rand: () => number, iteration: number, sc: SwapScratch, mv: SwapMove): void {
  const { dims, size, limit, capacity, weight } = st.inst;
  const { load, binItems, tabu } = st;
  const { room, free } = sc;
  const k = pool.count;
  const inW = pool.w;
  const inA = pool.a;
  const inB = pool.b;
  const vec = pool.vec;
  const maxIn = k > 0 ? inW[0] : Number.NEGATIVE_INFINITY;
  let bestDelta = Number.NEGATIVE_INFINITY;
  let bestSecondary = Number.NEGATIVE_INFINITY;
  let ties = 0;
  mv.bin = -1;
  for (let b = 0; b < st.m; b++) {
    let roomW = 0;
    for (let d = 0; d < dims; d++) {
      room[d] = limit[d] - load[b * dims + d];
      roomW += room[d] / capacity[d];
    }
    if (roomW < bestDelta - TOL) continue;
    const items = binItems[b];
    const len = items.length;
    // out-sets: none, singles, pairs of non-tabu items
    sc.ensure(1 + len + (len * (len - 1)) / 2);
    const outA = sc.outA;
    const outB = sc.outB;
    let outs = 0;
    outA[outs] = -1;
    outB[outs++] = -1;
    for (let x = 0; x < len; x++) {
      const i1 = items[x];
      if (tabu[i1] > iteration) continue;
      outA[outs] = i1;
      outB[outs++] = -1;
      if (len > MAX_PAIR_BIN) continue;
      for (let y = x + 1; y < len; y++) {
        const i2 = items[y];
        if (tabu[i2] > iteration) continue;
        outA[outs] = i1;
        outB[outs++] = i2;
      }
    }
    for (let o = 0; o < outs; o++) {
      const i1 = outA[o];
      const i2 = outB[o];
      const outCount = (i1 >= 0 ? 1 : 0) + (i2 >= 0 ? 1 : 0);
      const outW = (i1 >= 0 ? weight[i1] : 0) + (i2 >= 0 ? weight[i2] : 0);
      if (maxIn - outW < bestDelta - TOL) continue; // not even the heaviest in-set would beat the best
      let freeW = 0;
      for (let d = 0; d < dims; d++) {
        free[d] = room[d] + (i1 >= 0 ? size[i1 * dims + d] : 0) + (i2 >= 0 ? size[i2 * dims + d] : 0);
        freeW += free[d] / capacity[d];
      }
      // first in-set whose normalized size could fit
      let lo = 0;
      let hi = k;
      const cut = freeW + TOL;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (inW[mid] > cut) lo = mid + 1;
        else hi = mid;
      }
      for (let x = lo; x < k; x++) {
        const delta = inW[x] - outW;
        if (delta < bestDelta - TOL) break;
        const a = inA[x];
        const bb = inB[x];
        let fits = true;
        for (let d = 0; d < dims; d++) {
          if (vec[x * dims + d] > free[d]) {
            fits = false;
            break;
          }
        }
        if (!fits) {
          // 2-D: many lighter in-sets may still miss in one dimension; bound the scan
          if (x - lo >= MAX_SCAN) break;
          continue;
        }
        const inCount = bb >= 0 ? 2 : 1;
        if (outCount === inCount && sameShape(size, dims, a, bb, i1, i2)) continue;
        const secondary = outCount - inCount;
        if (delta > bestDelta + TOL || (delta >= bestDelta - TOL && secondary > bestSecondary)) {
          bestDelta = delta;
          bestSecondary = secondary;
          ties = 1;
          setMove(mv, b, i1, i2, a, bb, delta);
        } else if (delta >= bestDelta - TOL && secondary === bestSecondary) {
          ties++;
          if (randomInt(rand, ties) === 0) setMove(mv, b, i1, i2, a, bb, delta);
        }
        break; // later in-sets are lighter: no better delta for this out-set
      }
    }
  }
}

/**
 * Largest normalized room an out-set can free: over bins, room plus the two
 * heaviest items allowed to leave (not tabu), plus a tolerance. In-sets
 * heavier than this fit nowhere, so the pool can leave them out. O(n).
 */
export function largestFreeRoom(st: EliminationState, iteration: number): number {
  const { weight } = st.inst;
  let best = 0;
  for (let b = 0; b < st.m; b++) {
    let w1 = 0;
    let w2 = 0;
    for (const i of st.binItems[b]) {
      if (st.tabu[i] > iteration) continue;
      const w = weight[i];
      if (w > w1) {
        w2 = w1;
        w1 = w;
      } else if (w > w2) w2 = w;
    }
    const room = st.roomWeight(b) + w1 + w2;
    if (room > best) best = room;
  }
  return best + TOL;
}

function setMove(mv: SwapMove, bin: number, out1: number, out2: number, inA: number, inB: number, delta: number): void {
  mv.bin = bin;
  mv.out1 = out1;
  mv.out2 = out2;
  mv.inA = inA;
  mv.inB = inB;
  mv.delta = delta;
}

/** True when items x and y have the same size vector. */
function sameVector(size: Float64Array, dims: number, x: number, y: number): boolean {
  for (let k = 0; k < dims; k++) if (size[x * dims + k] !== size[y * dims + k]) return false;
  return true;
}

/** True when the in-set {a, b} and out-set {c, d} have the same size vectors (a no-op swap). */
function sameShape(size: Float64Array, dims: number, a: number, b: number, c: number, d: number): boolean {
  if (b < 0) return sameVector(size, dims, a, c);
  return (sameVector(size, dims, a, c) && sameVector(size, dims, b, d)) || (sameVector(size, dims, a, d) && sameVector(size, dims, b, c));
}

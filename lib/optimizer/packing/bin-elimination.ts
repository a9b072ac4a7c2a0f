import { mulberry32, randomInt } from '../prng';
import type { PackInstance } from './instance';
import type { Packing } from './ffd';
import { bestSubset, fitsReserve, type FitBuffers } from './subsets';

/** Budget and stopping rules for {@link eliminateBins}. */
export type EliminationOptions = {
  /** Clock in ms (any origin); only differences are used. */
  now: () => number;
  /** Stop once `now() >= deadline`. */
  deadline: number;
  /** Stop once a packing with this many bins is found (it is optimal). */
  lowerBound: number;
  /** Seed of the move tie-breaking and restarts. */
  seed: number;
  /** Hard cap on search iterations (deterministic budget). */
  maxIterations?: number;
  /** Give up after this many iterations without a better partial solution. */
  stallIterations?: number;
};

/** Outcome of the search: the best full packing found and the work done. */
export type EliminationResult = Packing & { iterations: number; timedOut: boolean };

const TOL = 1e-9;
/** Largest number of unassigned items combined in pairs per move. */
const PAIR_POOL = 40;
/** Iterations between two "pack" descents while no swap improves. */
const PACK_EVERY = 10;
/** Largest number of S items offered to one "pack" refill. */
const PACK_POOL = 24;
/** Bins tried per "pack" descent (consecutive from a random start). */
const PACK_BINS = 16;
/** Bins holding more items than this only give single items back to S. */
const MAX_PAIR_BIN = 40;

/**
 * Bin-elimination local search ("consistent neighbourhood" style).
 *
 * Starting from a full packing with k bins, it empties one bin (the least
 * loaded) into a pool S of unassigned items and then, keeping the k-1 bins
 * always feasible, repeatedly swaps up to two items of S with up to two items
 * of one bin:
 *
 * ```
 *   bin b: [40 35 30 | room 45]        S: {50, 20}
 *   swap out {35}, in {50, 20}  ->  bin b: [40 30 50 20 | room 10]  S: {35}
 * ```
 *
 * The move kept is the one that shrinks S's total normalized size the most
 * (ties: more, smaller items left in S; then seeded random), even if it is
 * worsening; items just moved into a bin are tabu to leave it for a few
 * iterations. When S is empty a k-1 packing exists, and the next bin is
 * emptied. Stalls restart from the best full packing with another bin
 * emptied. It stops at the lower bound, the deadline or the iteration caps.
 */
export function eliminateBins(inst: PackInstance, start: Packing, opts: EliminationOptions): EliminationResult {
  const { n, dims, size, limit, capacity, weight } = inst;
  const rand = mulberry32(opts.seed);
  const maxIterations = opts.maxIterations ?? Number.POSITIVE_INFINITY;
  const stallLimit = opts.stallIterations ?? Math.max(20_000, 40 * n);
  let best: Packing = { binCount: start.binCount, assignment: start.assignment.slice() };
  let iterations = 0;
  let timedOut = false;
  if (n === 0 || best.binCount <= opts.lowerBound || best.binCount <= 1) {
    return { ...best, iterations, timedOut };
  }

  const binItems: number[][] = [];
  const load = new Float64Array(best.binCount * dims);
  const binOf = new Int32Array(n);
  const tabu = new Int32Array(n);
  let S: number[] = [];
  let m = 0;

  const restore = (p: Packing): void => {
    m = p.binCount;
    binItems.length = 0;
    for (let b = 0; b < m; b++) binItems.push([]);
    load.fill(0);
    for (let i = 0; i < n; i++) {
      const b = p.assignment[i];
      binOf[i] = b;
      binItems[b].push(i);
      for (let d = 0; d < dims; d++) load[b * dims + d] += size[i * dims + d];
    }
    S = [];
    tabu.fill(0);
  };
  const binWeight = (b: number): number => {
    let w = 0;
    for (let d = 0; d < dims; d++) w += load[b * dims + d] / capacity[d];
    return w;
  };
  /** Moves bin b's items to S and deletes the bin (the last bin takes its number). */
  const emptyBin = (b: number): void => {
    for (const i of binItems[b]) {
      binOf[i] = -1;
      S.push(i);
    }
    const last = m - 1;
    if (b !== last) {
      binItems[b] = binItems[last];
      for (const i of binItems[b]) binOf[i] = b;
      for (let d = 0; d < dims; d++) load[b * dims + d] = load[last * dims + d];
    }
    binItems.pop();
    for (let d = 0; d < dims; d++) load[last * dims + d] = 0;
    m--;
  };
  /** Picks the bin to empty: least loaded, or random among the 4 least loaded. */
  const pickVictim = (randomize: boolean): number => {
    const idx = Array.from({ length: m }, (_, b) => b);
    idx.sort((a, b) => binWeight(a) - binWeight(b) || a - b);
    return randomize ? idx[randomInt(rand, Math.min(3, m))] : idx[0];
  };
  const sWeight = (): number => {
    let w = 0;
    for (const i of S) w += weight[i];
    return w;
  };
  const snapshot = (): Packing => {
    const assignment = new Int32Array(n);
    for (let i = 0; i < n; i++) assignment[i] = binOf[i];
    return { binCount: m, assignment };
  };

  /** Bins kept virtual: success when S fits into `reserve` fresh bins. */
  let reserve = 0;
  /** Starts an attempt at best.binCount - 1 bins from the best full packing. */
  const startAttempt = (randomize: boolean): void => {
    restore(best);
    const target = best.binCount - 1;
    reserve = Math.min(2, target);
    const remove = best.binCount - (target - reserve);
    for (let r = 0; r < remove; r++) emptyBin(pickVictim(randomize));
  };
  startAttempt(false);

  // move pool buffers (singles and pairs of S)
  let inW: Float64Array = new Float64Array(0);
  let inA: Int32Array = new Int32Array(0);
  let inB: Int32Array = new Int32Array(0);
  let inOrder: Int32Array = new Int32Array(0);
  const inSize = (k: number, d: number): number => size[inA[k] * dims + d] + (inB[k] >= 0 ? size[inB[k] * dims + d] : 0);
  const free = new Float64Array(dims);
  let outA: Int32Array = new Int32Array(64);
  let outB: Int32Array = new Int32Array(64);
  const room = new Float64Array(dims);

  const fitBuf: FitBuffers = { order: [], side: [], load: new Float64Array(2 * dims) };
  let lastPack = -PACK_EVERY;
  const cand: number[] = [];
  /**
   * "Pack" move: for each bin, refill it as tightly as possible from its own
   * items plus S (a small knapsack solved by bounded depth-first search).
   * Applies the first strictly better refill; returns whether one was found.
   */
  const packDescent = (): boolean => {
    const first = randomInt(rand, m);
    const poolS = S.length > PACK_POOL ? S.slice().sort((a, b) => weight[b] - weight[a]).slice(0, PACK_POOL) : S;
    const tries = Math.min(m, PACK_BINS);
    for (let step = 0; step < tries; step++) {
      const b = (first + step) % m;
      const current = binWeight(b);
      cand.length = 0;
      for (const i of binItems[b]) cand.push(i);
      for (const i of poolS) cand.push(i);
      const chosen = bestSubset(inst, cand, current + TOL);
      if (chosen === null) continue;
      const bag = binItems[b];
      const tenure = 3 + randomInt(rand, 8);
      const before = new Set(bag);
      for (const i of bag) {
        binOf[i] = -1;
        S.push(i);
      }
      bag.length = 0;
      for (let d = 0; d < dims; d++) load[b * dims + d] = 0;
      for (const i of chosen) {
        S.splice(S.indexOf(i), 1);
        if (!before.has(i)) tabu[i] = iterations + tenure;
        bag.push(i);
        binOf[i] = b;
        for (let d = 0; d < dims; d++) load[b * dims + d] += size[i * dims + d];
      }
      return true;
    }
    return false;
  };
  let bestS = sWeight();
  let stall = 0;
  let totalStall = 0;

  for (;;) {
    const packed = fitsReserve(inst, S, reserve, fitBuf);
    if (packed !== null) {
      const full = snapshot();
      for (let x = 0; x < S.length; x++) full.assignment[S[x]] = m + packed[x];
      full.binCount = m + reserve;
      best = full;
      stall = 0;
      totalStall = 0;
      if (best.binCount <= opts.lowerBound || best.binCount <= 1) break;
      startAttempt(false);
      bestS = sWeight();
      continue;
    }
    if (iterations >= maxIterations) break;
    if ((iterations & 3) === 0 && opts.now() >= opts.deadline) {
      timedOut = true;
      break;
    }
    iterations++;

    // Build the pool of in-sets: singles and pairs, sorted by weight desc, count asc.
    const s = S.length;
    const pool = Math.min(s, PAIR_POOL);
    const poolItems = pool < s ? S.slice().sort((a, b) => weight[b] - weight[a]).slice(0, pool) : S;
    const total = s + (pool * (pool - 1)) / 2;
    if (inW.length < total) {
      inW = new Float64Array(total * 2);
      inA = new Int32Array(total * 2);
      inB = new Int32Array(total * 2);
      inOrder = new Int32Array(total * 2);
    }
    let k = 0;
    for (let x = 0; x < s; x++) {
      inA[k] = S[x];
      inB[k] = -1;
      inW[k] = weight[S[x]];
      k++;
    }
    for (let x = 0; x < pool; x++) {
      for (let y = x + 1; y < pool; y++) {
        inA[k] = poolItems[x];
        inB[k] = poolItems[y];
        inW[k] = weight[poolItems[x]] + weight[poolItems[y]];
        k++;
      }
    }
    const order = inOrder.subarray(0, k);
    for (let x = 0; x < k; x++) order[x] = x;
    order.sort((p, q) => inW[q] - inW[p] || (inB[p] >= 0 ? 1 : 0) - (inB[q] >= 0 ? 1 : 0) || p - q);
    const sortedW = new Float64Array(k);
    for (let x = 0; x < k; x++) sortedW[x] = inW[order[x]];

    let bestDelta = Number.NEGATIVE_INFINITY;
    let bestSecondary = Number.NEGATIVE_INFINITY;
    let ties = 0;
    let mvBin = -1;
    let mvOut1 = -1;
    let mvOut2 = -1;
    let mvIn = -1;

    for (let b = 0; b < m; b++) {
      let roomW = 0;
      for (let d = 0; d < dims; d++) {
        room[d] = limit[d] - load[b * dims + d];
        roomW += room[d] / capacity[d];
      }
      if (roomW < bestDelta - TOL) continue;
      const items = binItems[b];
      const len = items.length;
      // out-sets: none, singles, pairs of non-tabu items
      let outs = 0;
      outA[outs] = -1;
      outB[outs++] = -1;
      for (let x = 0; x < len; x++) {
        const i1 = items[x];
        if (tabu[i1] > iterations) continue;
        while (outA.length < outs + len + 1) {
          outA = growInt(outA);
          outB = growInt(outB);
        }
        outA[outs] = i1;
        outB[outs++] = -1;
        for (let y = x + 1; y < len && len <= MAX_PAIR_BIN; y++) {
          const i2 = items[y];
          if (tabu[i2] > iterations) continue;
          outA[outs] = i1;
          outB[outs++] = i2;
        }
      }
      for (let o = 0; o < outs; o++) {
        {
          const i1 = outA[o];
          const i2 = outB[o];
          let outW = 0;
          let outCount = 0;
          if (i1 >= 0) {
            outW += weight[i1];
            outCount++;
          }
          if (i2 >= 0) {
            outW += weight[i2];
            outCount++;
          }
          let freeW = 0;
          for (let d = 0; d < dims; d++) {
            free[d] = room[d] + (i1 >= 0 ? size[i1 * dims + d] : 0) + (i2 >= 0 ? size[i2 * dims + d] : 0);
            freeW += free[d] / capacity[d];
          }
          // first in-set whose weight could fit
          let lo = 0;
          let hi = k;
          const cut = freeW + TOL;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (sortedW[mid] > cut) lo = mid + 1;
            else hi = mid;
          }
          for (let x = lo; x < k; x++) {
            const delta = sortedW[x] - outW;
            if (delta < bestDelta - TOL) break;
            const q = order[x];
            let fits = true;
            for (let d = 0; d < dims; d++) {
              if (inSize(q, d) > free[d]) {
                fits = false;
                break;
              }
            }
            if (!fits) continue;
            const inCount = inB[q] >= 0 ? 2 : 1;
            if (outCount === inCount && isSameShape(inst, inA[q], inB[q], i1, i2)) continue;
            const secondary = outCount - inCount;
            if (delta > bestDelta + TOL || (delta >= bestDelta - TOL && secondary > bestSecondary)) {
              bestDelta = delta;
              bestSecondary = secondary;
              ties = 1;
              mvBin = b;
              mvOut1 = i1;
              mvOut2 = i2;
              mvIn = q;
            } else if (delta >= bestDelta - TOL && secondary === bestSecondary) {
              ties++;
              if (randomInt(rand, ties) === 0) {
                mvBin = b;
                mvOut1 = i1;
                mvOut2 = i2;
                mvIn = q;
              }
            }
            break; // later in-sets are lighter: no better delta for this out-set
          }
        }
      }
    }

    if (bestDelta <= TOL && iterations - lastPack >= PACK_EVERY) {
      lastPack = iterations;
      if (packDescent()) {
        const w = sWeight();
        if (w < bestS - TOL) {
          bestS = w;
          stall = 0;
        }
        continue;
      }
    }
    if (mvBin < 0) {
      stall = stallLimit; // no legal move: force a restart
    } else {
      const b = mvBin;
      const bag = binItems[b];
      for (const out of [mvOut1, mvOut2]) {
        if (out < 0) continue;
        bag.splice(bag.indexOf(out), 1);
        binOf[out] = -1;
        S.push(out);
        for (let d = 0; d < dims; d++) load[b * dims + d] -= size[out * dims + d];
      }
      const tenure = 3 + randomInt(rand, 8);
      for (const inn of [inA[mvIn], inB[mvIn]]) {
        if (inn < 0) continue;
        S.splice(S.indexOf(inn), 1);
        bag.push(inn);
        binOf[inn] = b;
        tabu[inn] = iterations + tenure;
        for (let d = 0; d < dims; d++) load[b * dims + d] += size[inn * dims + d];
      }
      const w = sWeight();
      if (w < bestS - TOL) {
        bestS = w;
        stall = 0;
        continue;
      }
      stall++;
    }
    if (stall >= stallLimit) {
      totalStall += stall;
      if (totalStall >= stallLimit * 50) break;
      startAttempt(true);
      bestS = sWeight();
      stall = 0;
    }
  }
  return { ...best, iterations, timedOut };
}

function growInt(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 4);
  b.set(a);
  return b;
}

/** True when the in-set {a, b} and out-set {c, d} have the same size vectors (a no-op swap). */
function isSameShape(inst: PackInstance, a: number, b: number, c: number, d: number): boolean {
  const { dims, size } = inst;
  const eq = (x: number, y: number): boolean => {
    for (let k = 0; k < dims; k++) if (size[x * dims + k] !== size[y * dims + k]) return false;
    return true;
  };
  if (b < 0) return eq(a, c);
  return (eq(a, c) && eq(b, d)) || (eq(a, d) && eq(b, c));
}

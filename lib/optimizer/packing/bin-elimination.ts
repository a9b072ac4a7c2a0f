import { mulberry32, randomInt } from '../prng';
import type { PackInstance } from './instance';
import type { Packing } from './ffd';
import { EliminationState } from './elimination-state';
import { InSetPool } from './in-set-pool';
import { packDescent } from './pack-descent';
import { fitsReserve, fitsReserveWithBin, type FitBuffers } from './reserve-fit';
import { emptyMove, findBestSwap, largestFreeRoom, SwapScratch } from './swap-move';

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
  /**
   * Restart from the best packing (other bins emptied) after this many
   * iterations without a smaller S (default max(1,000, 2n)): once every kept
   * bin is exactly full no swap can shrink S, and a fresh start is what helps.
   */
  stallIterations?: number;
};

/** Outcome of the search: the best full packing found and the work done. */
export type EliminationResult = Packing & { iterations: number; timedOut: boolean };

const TOL = 1e-9;
/** Largest number of unassigned items combined in pairs per move. */
const PAIR_POOL = 40;
/** Iterations between two "pack" descents while no swap improves. */
const PACK_EVERY = 10;

/**
 * Bin-elimination local search ("consistent neighbourhood" style).
 *
 * Starting from a full packing with k bins, it empties the 3 least loaded
 * bins into a pool S of unassigned items and then, keeping the other k-3
 * bins always feasible, repeatedly applies {@link findBestSwap} (up to two
 * items of S for up to two items of one bin):
 *
 * ```
 *   bin b: [40 35 30 | room 45]        S: {50, 20}
 *   swap out {35}, in {50, 20}  ->  bin b: [40 30 50 20 | room 10]  S: {35}
 * ```
 *
 * The move kept shrinks S's total normalized size the most, even if it is
 * worsening; items just moved into a bin are tabu to leave it for a few
 * iterations. When no swap improves, every 10 iterations a
 * {@link packDescent} refills one bin tightly (on integral data, first
 * {@link fitsReserveWithBin} tries to repack S with one kept bin into that
 * bin and the 2 reserve bins). When S fits into 2 fresh bins
 * ({@link fitsReserve}) a (k-1)-bin packing exists and the next bin is
 * emptied. Stalls restart from the best full packing with other bins emptied.
 *
 * It stops at the lower bound, the iteration caps, or the deadline, which is
 * checked before every iteration and inside the pack descent, so the work
 * between two checks is one swap scan or one bin refill.
 */
export function eliminateBins(inst: PackInstance, start: Packing, opts: EliminationOptions): EliminationResult {
  const { n, dims } = inst;
  const rand = mulberry32(opts.seed);
  const maxIterations = opts.maxIterations ?? Number.POSITIVE_INFINITY;
  const stallLimit = opts.stallIterations ?? Math.max(1_000, 2 * n);
  let best: Packing = { binCount: start.binCount, assignment: start.assignment.slice() };
  let iterations = 0;
  let timedOut = false;
  if (n === 0 || best.binCount <= opts.lowerBound || best.binCount <= 1) {
    return { ...best, iterations, timedOut };
  }
  const st = new EliminationState(inst, best.binCount);
  /** Bins kept virtual: success when S fits into `reserve` fresh bins. */
  let reserve = 0;
  /** Starts an attempt at best.binCount - 1 bins from the best full packing. */
  const startAttempt = (randomize: boolean): void => {
    st.restore(best);
    const target = best.binCount - 1;
    reserve = Math.min(2, target);
    const remove = best.binCount - (target - reserve);
    for (let r = 0; r < remove; r++) st.emptyBin(st.pickVictim(rand, randomize));
  };
  startAttempt(false);

  const pool = new InSetPool();
  const scratch = new SwapScratch(dims);
  const mv = emptyMove();
  const fitBuf: FitBuffers = { load: new Float64Array(dims), sizes: [], partition: { rows: new Int32Array(0) } };
  const fill = { rows: new Int32Array(0) };
  let lastPack = -PACK_EVERY;
  let bestS = st.sWeight;
  let stall = 0;
  let totalStall = 0;

  // A packing with one bin fewer: keep it; true when it is provably optimal (stop searching).
  const improved = (packing: Packing): boolean => {
    best = packing;
    stall = 0;
    totalStall = 0;
    if (best.binCount <= opts.lowerBound || best.binCount <= 1) return true;
    startAttempt(false);
    bestS = st.sWeight;
    return false;
  };

  for (;;) {
    const packed = fitsReserve(inst, st.S, reserve, fitBuf);
    if (packed !== null) {
      if (improved(st.snapshot(packed, reserve))) break;
      continue;
    }
    if (iterations >= maxIterations) break;
    if (opts.now() >= opts.deadline) {
      timedOut = true;
      break;
    }
    iterations++;
    pool.build(st.S, inst.weight, PAIR_POOL, largestFreeRoom(st, iterations), inst.size, dims);
    findBestSwap(st, pool, rand, iterations, scratch, mv);

    if (mv.delta <= TOL && iterations - lastPack >= PACK_EVERY) {
      lastPack = iterations;
      const wide = reserve === 2 ? fitsReserveWithBin(st, rand, opts.now, opts.deadline, fitBuf) : null;
      if (wide !== null) {
        if (improved(wide)) break;
        continue;
      }
      if (packDescent(st, rand, iterations, opts.now, opts.deadline, fill)) {
        if (st.sWeight < bestS - TOL) {
          bestS = st.sWeight;
          stall = 0;
        }
        continue;
      }
    }
    if (mv.bin < 0) {
      stall = stallLimit; // no legal move: force a restart
    } else {
      if (mv.out1 >= 0) st.takeOut(mv.bin, mv.out1);
      if (mv.out2 >= 0) st.takeOut(mv.bin, mv.out2);
      const tenure = 3 + randomInt(rand, 8);
      st.putIn(mv.bin, mv.inA);
      st.tabu[mv.inA] = iterations + tenure;
      if (mv.inB >= 0) {
        st.putIn(mv.bin, mv.inB);
        st.tabu[mv.inB] = iterations + tenure;
      }
      if (st.sWeight < bestS - TOL) {
        bestS = st.sWeight;
        stall = 0;
        continue;
      }
      stall++;
    }
    if (stall >= stallLimit) {
      totalStall += stall;
      if (totalStall >= stallLimit * 50) break;
      startAttempt(true);
      bestS = st.sWeight;
      stall = 0;
    }
  }
  return { ...best, iterations, timedOut };
}

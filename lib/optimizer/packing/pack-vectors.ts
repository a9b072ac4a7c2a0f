import { OptimizerInputError } from '../errors';
import { buildInstance, decreasingOrder, type VectorItems } from './instance';
import { firstFitDecreasing, type Packing } from './ffd';
import { bestFitDecreasing } from './bfd';
import { instanceLowerBound } from './lower-bounds';
import { eliminateBins } from './bin-elimination';
import { minimumBinSlack } from './mbs';
import { exactBinSlack } from './mbs-exact';

/** Packing algorithm names shared by the vector packer and the putaway engine. */
export type PackingAlgorithm = 'FFD' | 'BFD' | 'HYBRID';

/** Default HYBRID search budget, in ms. */
export const DEFAULT_PACK_TIME_LIMIT_MS = 500;

/** Options for {@link packVectors}. */
export type PackOptions = {
  algorithm: PackingAlgorithm;
  /** HYBRID wall-clock budget in ms (default 500); FFD and BFD ignore it. */
  timeLimitMs?: number;
  /** Clock in ms used for the budget; defaults to `performance.now`. */
  now?: () => number;
  /** Seed for HYBRID's randomized tie-breaking (default 1). */
  seed?: number;
  /** Optional deterministic cap on HYBRID search iterations. */
  maxIterations?: number;
};

/** Result of {@link packVectors}. */
export type PackResult = {
  /** Number of bins used. */
  binCount: number;
  /** `assignment[i]` = 0-based bin of item i (input order). */
  assignment: Int32Array;
  /** Best lower bound computed (max over dimensions of Martello–Toth L2). */
  lowerBound: number;
  /** True when `binCount === lowerBound`, i.e. proven optimal. */
  optimal: boolean;
  /** Which algorithm produced the packing (HYBRID reports its own name). */
  algorithm: PackingAlgorithm;
  /** HYBRID only: local-search iterations run. */
  iterations: number;
};

const ALGORITHMS: readonly PackingAlgorithm[] = ['FFD', 'BFD', 'HYBRID'];
/** HYBRID's first, short search: at least this many ms, or this share of the limit. */
const QUICK_MS = 10;
const QUICK_SHARE = 0.05;
/** Share of the time limit kept in reserve (see the deadline in {@link packVectors}). */
const RESERVE_SHARE = 0.2;

const defaultNow = (): number => globalThis.performance.now();

/**
 * Packs 1-D or 2-D vectors into identical bins.
 *
 * - `FFD`, `BFD`: the classic greedy algorithms, O(n log n) in 1-D.
 * - `HYBRID`: runs both and keeps the better; then, while above the lower
 *   bound, cheapest first: (1) on integral 1-D data, exact Minimum Bin Slack
 *   ({@link exactBinSlack}), abandoned as soon as it cannot use fewer bins
 *   than FFD/BFD (else it becomes the search's start); (2) a short {@link eliminateBins} search (5 % of the
 *   budget, at least 10 ms); (3) Minimum Bin Slack in full (exact, or the
 *   budgeted search for other data); (4) the search again for the rest of
 *   the budget. The budget is `timeLimitMs` less a reserve of 20 % and 1 ms;
 *   every step checks the clock at least once per bounded unit of work (a
 *   bin, a swap scan). Never uses more bins than FFD or BFD; stops as soon as
 *   the lower bound is reached.
 *
 * @param items `{ size: [v] }` / `{ size: [v, w] }` objects, or a flat list of 1-D sizes.
 * @param capacity bin capacity per dimension, each > 0.
 * @throws OptimizerInputError for bad sizes, capacities or options.
 */
export function packVectors(items: VectorItems, capacity: ArrayLike<number>, options: PackOptions): PackResult {
  if (options === null || typeof options !== 'object') {
    throw new OptimizerInputError('options', options, 'must be an object');
  }
  const { algorithm } = options;
  if (!ALGORITHMS.includes(algorithm)) {
    throw new OptimizerInputError('options.algorithm', algorithm, 'must be FFD, BFD or HYBRID');
  }
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_PACK_TIME_LIMIT_MS;
  if (typeof timeLimitMs !== 'number' || Number.isNaN(timeLimitMs) || timeLimitMs < 0) {
    throw new OptimizerInputError('options.timeLimitMs', timeLimitMs, 'must be a number >= 0');
  }
  const now = options.now ?? defaultNow;
  const started = now();
  const inst = buildInstance(items, capacity);
  const lowerBound = instanceLowerBound(inst);
  const done = (p: Packing, alg: PackingAlgorithm, iterations = 0): PackResult => ({
    binCount: p.binCount,
    assignment: p.assignment,
    lowerBound,
    optimal: p.binCount === lowerBound,
    algorithm: alg,
    iterations,
  });
  if (algorithm === 'FFD') return done(firstFitDecreasing(inst), 'FFD');
  if (algorithm === 'BFD') return done(bestFitDecreasing(inst), 'BFD');

  const order = decreasingOrder(inst);
  const ffd = firstFitDecreasing(inst, order);
  let best = ffd;
  if (best.binCount > lowerBound) {
    const bfd = bestFitDecreasing(inst, order);
    if (bfd.binCount < best.binCount) best = bfd;
  }
  // Stop searching with a reserve (20 % of the limit, plus 1 ms) for the last
  // step in flight, a GC pause or a descheduled thread on a busy machine.
  const deadline = started + Math.max(0, timeLimitMs * (1 - RESERVE_SHARE) - 1);
  const seed = options.seed ?? 1;
  const quickDeadline = Math.min(deadline, started + Math.max(QUICK_MS, timeLimitMs * QUICK_SHARE));
  // 1. exact Minimum Bin Slack on integral 1-D data, abandoned as soon as it cannot beat FFD/BFD;
  //    a better packing is also a better start for the search (triplet-like instances)
  const exact = exactBinSlack(inst, now, quickDeadline, best.binCount - 1);
  if (exact) best = exact;
  if (best.binCount <= lowerBound) return done(best, 'HYBRID');
  // 2. a short bin-elimination search: enough for most instances
  const quick = eliminateBins(inst, best, {
    now,
    deadline: quickDeadline,
    lowerBound,
    seed,
    maxIterations: options.maxIterations,
  });
  if (quick.binCount < best.binCount) best = quick;
  let iterations = quick.iterations;
  if (best.binCount <= lowerBound) return done(best, 'HYBRID', iterations);
  // 3. Minimum Bin Slack (budgeted search per bin), a different construction that fills bins tightly
  let mbs = exact ? null : exactBinSlack(inst, now, deadline);
  if (mbs === undefined) mbs = minimumBinSlack(inst, now, deadline);
  // on a tie MBS still gives the better start: its bins are filled tightly
  if (mbs !== null && mbs.binCount <= best.binCount) best = mbs;
  if (best.binCount <= lowerBound) return done(best, 'HYBRID', iterations);
  // 4. the search again from the best packing, for the rest of the budget
  const searched = eliminateBins(inst, best, {
    now,
    deadline,
    lowerBound,
    seed: seed + 1,
    maxIterations: options.maxIterations === undefined ? undefined : Math.max(0, options.maxIterations - iterations),
  });
  iterations += searched.iterations;
  return done(searched.binCount < best.binCount ? searched : best, 'HYBRID', iterations);
}

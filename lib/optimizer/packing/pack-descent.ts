import { randomInt } from '../prng';
import type { EliminationState } from './elimination-state';
import { bestSubset } from './subsets';
import type { FillBuffer } from './subset-sum-bits';

const TOL = 1e-9;
/** Largest number of S items offered to one refill. */
const PACK_POOL = 24;
/** Bins tried per descent (consecutive from a random start). */
const PACK_BINS = 16;

/**
 * "Pack" move of the bin-elimination search: refill one bin as tightly as
 * possible from its own items plus the heaviest `PACK_POOL` items of S (a
 * small knapsack, {@link bestSubset}: exact for integral 1-D data, else at
 * most 1,000 search nodes per bin).
 * Tries up to 16 bins from a random start and applies the first strictly
 * heavier refill; items that entered the bin get a short tabu.
 * Stops early (returning false) once `now() >= deadline`, checked per bin.
 * @returns whether a refill was applied.
 */
export function packDescent(st: EliminationState, rand: () => number, iteration: number, now: () => number, deadline: number, fill?: FillBuffer): boolean {
  const m = st.m;
  if (m === 0) return false;
  const first = randomInt(rand, m);
  const poolSize = Math.min(st.S.length, PACK_POOL);
  const tries = Math.min(m, PACK_BINS);
  const cand: number[] = [];
  for (let step = 0; step < tries; step++) {
    if (step > 0 && now() >= deadline) return false;
    const b = (first + step) % m;
    const bag = st.binItems[b];
    cand.length = 0;
    for (const i of bag) cand.push(i);
    for (let x = 0; x < poolSize; x++) cand.push(st.S[x]);
    const chosen = bestSubset(st.inst, cand, st.binWeight(b) + TOL, fill);
    if (chosen === null) continue;
    const tenure = 3 + randomInt(rand, 8);
    const inBin = new Set(chosen);
    for (const i of bag.slice()) if (!inBin.has(i)) st.takeOut(b, i);
    const had = new Set(bag);
    for (const i of chosen) {
      if (had.has(i)) continue;
      st.putIn(b, i);
      st.tabu[i] = iteration + tenure;
    }
    return true;
  }
  return false;
}

/**
 * Seeded generators of 1-D bin packing families that are not in ../shared/benchdata,
 * for the packing benchmark: each instance comes with its optimum where the construction
 * fixes it, or else a reference lower bound. Pure and deterministic (same seed, same items).
 */
import { mulberry32 } from '../../lib/optimizer/prng';
import { lowerBoundL2 } from '../../lib/optimizer/index';

/** One generated instance: integer `sizes` for bins of `capacity`. */
export type FamilyInstance = {
  name: string;
  capacity: number;
  sizes: number[];
  /** Optimum fixed by construction, or null when only `reference` (a lower bound) is known. */
  optimum: number | null;
  /** The optimum where known, else the Martello–Toth L2 bound. */
  reference: number;
};

/** A family: a name, how its reference is obtained, and its instances. */
export type Family = { family: string; reference: string; instances: FamilyInstance[] };

/** Integer uniform in [lo, hi]. */
function uniform(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/** Fisher–Yates shuffle in place, seeded. */
function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/**
 * Falkenauer-style triplets: capacity 1000, every bin of the optimum holds exactly three items
 * that sum to 1000, all items in [250, 500], so the optimum is n/3 = L1 by construction.
 * Per bin: a ∈ [380, 490], b ∈ [250, ⌊(1000 − a)/2⌋], c = 1000 − a − b (which lies in [255, 370]).
 * @param n item count, a multiple of 3.
 */
export function tripletInstance(n: number, seed: number): FamilyInstance {
  if (!Number.isInteger(n) || n <= 0 || n % 3 !== 0) throw new RangeError(`triplets need n a positive multiple of 3 (got ${n})`);
  const rand = mulberry32(seed);
  const sizes: number[] = [];
  for (let k = 0; k < n / 3; k++) {
    const a = uniform(rand, 380, 490);
    const b = uniform(rand, 250, Math.floor((1000 - a) / 2));
    sizes.push(a, b, 1000 - a - b);
  }
  return { name: `triplets_n${n}_s${seed}`, capacity: 1000, sizes: shuffle(sizes, rand), optimum: n / 3, reference: n / 3 };
}

/**
 * Scholl set 3-like ("hard" class of Scholl, Klein and Jürgens): n = 200, capacity 100,000,
 * sizes uniform in [20,000, 35,000], so 3 to 5 items per bin and a wide capacity (no cheap exact
 * subset sums). The optimum is not fixed; the reference is the L2 bound.
 */
export function schollHardInstance(seed: number, n = 200): FamilyInstance {
  const rand = mulberry32(seed);
  const sizes = Array.from({ length: n }, () => uniform(rand, 20_000, 35_000));
  return { name: `scholl3like_n${n}_s${seed}`, capacity: 100_000, sizes, optimum: null, reference: lowerBoundL2(sizes, 100_000) };
}

/**
 * Planted pairs and triplets near c/2 and c/3: capacity 10,000; each bin of a planted packing is
 * either a pair (a, c − a) with a ∈ [5,001, 5,600] (one item just above c/2, one just below) or a
 * triplet (c/3 + d1, c/3 + d2, rest) with d1, d2 ∈ [1, 300] (two items just above c/3, one below).
 * Every planted bin is exactly full, so the optimum is Σ sizes / c = L1. Greedy algorithms put two
 * items just above c/3 with one near c/2 or leave bins with room no remaining item fits.
 * @param bins planted bins; about half pairs, half triplets.
 */
export function nearThirdsInstance(bins: number, seed: number): FamilyInstance {
  const rand = mulberry32(seed);
  const c = 10_000;
  const third = Math.floor(c / 3);
  const sizes: number[] = [];
  for (let k = 0; k < bins; k++) {
    if (rand() < 0.5) {
      const a = uniform(rand, 5_001, 5_600);
      sizes.push(a, c - a);
    } else {
      const x = third + uniform(rand, 1, 300);
      const y = third + uniform(rand, 1, 300);
      sizes.push(x, y, c - x - y);
    }
  }
  return { name: `nearthirds_b${bins}_s${seed}`, capacity: c, sizes: shuffle(sizes, rand), optimum: bins, reference: bins };
}

/** The families the benchmark runs: triplets n = 60, 120, 249, 501 (10 each), Scholl-3-like (10), near-thirds (10). */
export function benchmarkFamilies(perSize = 10): Family[] {
  const seeds = Array.from({ length: perSize }, (_, k) => 1000 + k);
  return [
    ...[60, 120, 249, 501].map((n) => ({
      family: `triplets n=${n}`,
      reference: 'optimum n/3 (by construction)',
      instances: seeds.map((s) => tripletInstance(n, s)),
    })),
    { family: 'Scholl-3-like n=200', reference: 'L2 lower bound (optimum unknown)', instances: seeds.map((s) => schollHardInstance(s)) },
    { family: 'near c/2 and c/3, 80 bins', reference: 'optimum Σ/c (planted, bins exactly full)', instances: seeds.map((s) => nearThirdsInstance(80, s)) },
  ];
}

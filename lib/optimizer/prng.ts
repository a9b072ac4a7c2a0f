/**
 * Seeded pseudo-random generator (mulberry32).
 *
 * The only source of randomness in `lib/optimizer`: the same seed always gives
 * the same sequence, so every search repeats exactly.
 *
 * @param seed any finite number; it is truncated to an unsigned 32-bit integer.
 * @returns a function yielding floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = (Number.isFinite(seed) ? Math.trunc(seed) : 0) >>> 0;
  return function next(): number {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Integer in [0, n) drawn from `rand`.
 * @param rand a generator from {@link mulberry32}.
 * @param n exclusive upper bound, n >= 1.
 */
export function randomInt(rand: () => number, n: number): number {
  return Math.floor(rand() * n);
}

/**
 * Draws indices with probability proportional to their weights (cumulative sums + bisection,
 * O(log n) per draw, one `rand()` each).
 * @param rand a generator yielding floats in [0, 1), e.g. from {@link mulberry32}.
 * @param weights non-negative weights, at least one positive.
 * @returns a function yielding an index into `weights`.
 */
export function weightedSampler(rand: () => number, weights: readonly number[]): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) cumulative.push((total += weight));
  return () => {
    const target = rand() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestFill } from './subset-sum-bits';

/** Exhaustive reference: the largest subset sum <= cap. */
function bestSum(sizes: number[], cap: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << sizes.length; mask++) {
    let t = 0;
    sizes.forEach((v, x) => (t += mask & (1 << x) ? v : 0));
    if (t <= cap && t > best) best = t;
  }
  return best;
}

describe('bestFill', () => {
  it('finds the largest subset sum within the capacity, and the items that make it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 11 }), fc.integer({ min: 0, max: 200 }), (sizes, cap) => {
        const { sum, chosen } = bestFill(sizes, sizes.length, cap, { rows: new Int32Array(0) });
        expect(sum).toBe(bestSum(sizes, cap));
        expect(new Set(chosen).size).toBe(chosen.length);
        expect(chosen.reduce((s, x) => s + sizes[x], 0)).toBe(sum);
      }),
      { numRuns: 300 },
    );
  });

  it('handles sizes and capacities that span several 32-bit words', () => {
    const sizes = [33, 64, 97, 31, 250, 129];
    for (const cap of [160, 255, 300, 511]) {
      expect(bestFill(sizes, sizes.length, cap, { rows: new Int32Array(0) }).sum).toBe(bestSum(sizes, cap));
    }
  });
});

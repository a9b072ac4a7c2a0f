import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { threeBinPartition } from './three-bin-partition';

/** Exhaustive reference: every item gets one of three bins. */
function splittable(sizes: number[], c: number): boolean {
  const k = sizes.length;
  for (let code = 0; code < 3 ** k; code++) {
    const load = [0, 0, 0];
    let x = code;
    for (let i = 0; i < k; i++) {
      load[x % 3] += sizes[i];
      x = Math.floor(x / 3);
    }
    if (load.every((l) => l <= c)) return true;
  }
  return false;
}

describe('threeBinPartition', () => {
  it('splits two exact triplets plus a full bin into three full bins', () => {
    const sizes = [480, 270, 250, 400, 300, 300, 450, 260, 290];
    const side = threeBinPartition(sizes, 1000);
    expect(side).not.toBeNull();
    const load = [0, 0, 0];
    side!.forEach((s, x) => (load[s] += sizes[x]));
    expect(load).toEqual([1000, 1000, 1000]);
  });

  it('agrees with exhaustive search on small instances', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }), fc.integer({ min: 60, max: 100 }), (sizes, c) => {
        const side = threeBinPartition(sizes, c);
        expect(side !== null).toBe(splittable(sizes, c));
        if (side) {
          const load = [0, 0, 0];
          side.forEach((s, x) => (load[s] += sizes[x]));
          for (const l of load) expect(l).toBeLessThanOrEqual(c);
        }
      }),
      { numRuns: 200 },
    );
  });
});

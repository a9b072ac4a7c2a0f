import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInstance } from './instance';
import { exactBinSlack } from './mbs-exact';
import { minimumBinSlack } from './mbs';

const clock = () => 0;

describe('exactBinSlack', () => {
  it('packs every item into a bin within capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 60 }), (sizes) => {
        const res = exactBinSlack(buildInstance(sizes, [100]), clock, 1);
        expect(res).toBeTruthy();
        const load = new Array<number>(res!.binCount).fill(0);
        sizes.forEach((s, i) => {
          expect(res!.assignment[i]).toBeGreaterThanOrEqual(0);
          expect(res!.assignment[i]).toBeLessThan(res!.binCount);
          load[res!.assignment[i]] += s;
        });
        for (const l of load) expect(l).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('fills bins exactly where the budgeted search need not: triplets summing to the capacity', () => {
    // every bin of the optimum holds three items summing to 1000
    const sizes = [380, 320, 300, 410, 300, 290, 350, 340, 310, 400, 330, 270];
    const res = exactBinSlack(buildInstance(sizes, [1000]), clock, 1);
    expect(res!.binCount).toBe(4);
    expect(res!.binCount).toBeLessThanOrEqual(minimumBinSlack(buildInstance(sizes, [1000]), clock, 1)!.binCount);
  });

  it('gives up (null) as soon as its bins waste more than maxBins allow', () => {
    // 6 items of 60 need 6 bins of 100; asking for at most 3 fails on the first bin
    expect(exactBinSlack(buildInstance([60, 60, 60, 60, 60, 60], [100]), clock, 1, 3)).toBeNull();
  });

  it('does not apply (undefined) to fractional or 2-D data', () => {
    expect(exactBinSlack(buildInstance([0.5, 0.25], [1]), clock, 1)).toBeUndefined();
    expect(exactBinSlack(buildInstance([{ size: [1, 1] }], [2, 2]), clock, 1)).toBeUndefined();
  });

  it('stops at the deadline', () => {
    expect(exactBinSlack(buildInstance([5, 5, 5], [10]), () => 2, 1)).toBeNull();
  });
});

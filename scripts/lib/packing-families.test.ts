import { describe, expect, it } from 'vitest';
import { lowerBoundL1 } from '../../lib/optimizer/index';
import { benchmarkFamilies, nearThirdsInstance, schollHardInstance, tripletInstance } from './packing-families';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('packing families', () => {
  it('triplets: n/3 bins worth of items in [250, 500] whose total is exactly n/3 capacities', () => {
    for (const n of [60, 120, 249, 501]) {
      const inst = tripletInstance(n, 7);
      expect(inst.sizes).toHaveLength(n);
      for (const s of inst.sizes) {
        expect(Number.isInteger(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(250);
        expect(s).toBeLessThanOrEqual(500);
      }
      expect(sum(inst.sizes)).toBe((n / 3) * 1000);
      expect(lowerBoundL1(inst.sizes, 1000)).toBe(inst.optimum);
    }
  });

  it('triplets refuse an item count that is not a multiple of 3', () => {
    expect(() => tripletInstance(100, 1)).toThrow(RangeError);
  });

  it('near-thirds: planted bins are exactly full, so the optimum equals L1', () => {
    const inst = nearThirdsInstance(80, 3);
    expect(sum(inst.sizes)).toBe(80 * 10_000);
    expect(lowerBoundL1(inst.sizes, 10_000)).toBe(inst.optimum);
    for (const s of inst.sizes) expect(s).toBeLessThanOrEqual(10_000);
  });

  it('Scholl-3-like: 200 sizes in [20000, 35000] with an L2 reference', () => {
    const inst = schollHardInstance(5);
    expect(inst.sizes).toHaveLength(200);
    for (const s of inst.sizes) {
      expect(s).toBeGreaterThanOrEqual(20_000);
      expect(s).toBeLessThanOrEqual(35_000);
    }
    expect(inst.optimum).toBeNull();
    expect(inst.reference).toBeGreaterThanOrEqual(lowerBoundL1(inst.sizes, 100_000));
  });

  it('the same seed gives the same instances, another seed different ones', () => {
    expect(benchmarkFamilies(2)).toEqual(benchmarkFamilies(2));
    expect(tripletInstance(60, 1).sizes).not.toEqual(tripletInstance(60, 2).sizes);
  });
});

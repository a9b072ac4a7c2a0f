import { describe, expect, it } from 'vitest';
import { bestSubset, fitsReserve } from './subsets';
import { buildInstance } from './instance';

const buf = () => ({ order: [], side: [], load: new Float64Array(2) });

describe('fitsReserve', () => {
  it('splits items that only fit two bins in a non-greedy way', () => {
    // 6 5 5 4 into two bins of 10: {6,4} and {5,5}
    const inst = buildInstance([6, 5, 5, 4], [10]);
    const side = fitsReserve(inst, [0, 1, 2, 3], 2, buf());
    expect(side).not.toBeNull();
    const load = [0, 0];
    side!.forEach((s, k) => (load[s] += inst.size[k]));
    expect(load).toEqual([10, 10]);
  });

  it('answers null when the items need more bins than reserved', () => {
    const inst = buildInstance([6, 6, 6], [10]);
    expect(fitsReserve(inst, [0, 1, 2], 2, buf())).toBeNull();
    expect(fitsReserve(inst, [0], 0, buf())).toBeNull();
    expect(fitsReserve(inst, [], 0, buf())).toEqual([]);
  });
});

describe('bestSubset', () => {
  it('finds the heaviest subset that fits one bin when it beats the current load', () => {
    const inst = buildInstance([7, 5, 4, 3], [10]);
    const chosen = bestSubset(inst, [0, 1, 2, 3], 0.5);
    expect(chosen).not.toBeNull();
    expect(chosen!.reduce((s, i) => s + inst.size[i], 0)).toBe(10);
  });

  it('returns null when nothing beats the current load', () => {
    const inst = buildInstance([7, 5], [10]);
    expect(bestSubset(inst, [0, 1], 0.7 + 1e-9)).toBeNull();
  });
});

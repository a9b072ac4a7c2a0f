import { describe, expect, it } from 'vitest';
import { bestSubset } from './subsets';
import { buildInstance } from './instance';

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

import { describe, expect, it } from 'vitest';
import { applyStandardization, fitStandardization } from './standardize';

describe('standardization', () => {
  it('computes column means and population standard deviations', () => {
    const matrix = Float64Array.from([1, 5, 3, 5, 5, 5]); // 3 rows × 2 columns
    const fitted = fitStandardization(matrix, 3, 2);
    expect(fitted.means).toEqual([3, 5]);
    expect(fitted.stds[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(fitted.stds[1]).toBe(0);
  });

  it('z-scores the columns and zeroes a constant column', () => {
    const matrix = Float64Array.from([1, 5, 3, 5, 5, 5]);
    applyStandardization(matrix, 3, 2, fitStandardization(matrix, 3, 2));
    const s = Math.sqrt(8 / 3);
    expect(Array.from(matrix)).toEqual([-2 / s, 0, 0, 0, 2 / s, 0]);
  });
});

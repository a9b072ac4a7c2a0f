import { describe, expect, it } from 'vitest';
import { fitLogisticRegression } from './logistic-regression';
import { seededRandom } from './random';

describe('fitLogisticRegression', () => {
  it('fits the closed-form optimum of a single binary feature (no curvature tricks needed)', () => {
    // x = 1: 3 of 4 accepted; x = −1: 1 of 4. Unregularized optimum: b = 0, w = ln(3)/... with a
    // tiny λ the fitted probabilities must reproduce the group rates 0.75 and 0.25.
    const x = Float64Array.from([1, 1, 1, 1, -1, -1, -1, -1]);
    const y = Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0]);
    const fit = fitLogisticRegression(x, y, 8, 1, { l2: 1e-9 });
    const p = (v: number) => 1 / (1 + Math.exp(-(fit.intercept + fit.weights[0] * v)));
    expect(p(1)).toBeCloseTo(0.75, 5);
    expect(p(-1)).toBeCloseTo(0.25, 5);
    expect(fit.converged).toBe(true);
  });

  it('reaches the same optimum with a subsampled curvature as with the full one', () => {
    const random = seededRandom(4);
    const rows = 3000;
    const x = new Float64Array(rows * 3);
    const y = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < 3; c++) x[r * 3 + c] = random() * 2 - 1;
      y[r] = random() < 1 / (1 + Math.exp(-(0.5 + 2 * x[r * 3] - x[r * 3 + 1]))) ? 1 : 0;
    }
    const full = fitLogisticRegression(x, y, rows, 3, { hessianRows: rows, hessianRefreshes: 100, lossTolerance: 0 });
    const sampled = fitLogisticRegression(x, y, rows, 3, { hessianRows: 300, hessianRefreshes: 2, lossTolerance: 0, maxIterations: 200 });
    full.weights.forEach((w, i) => expect(sampled.weights[i]).toBeCloseTo(w, 5));
    expect(sampled.intercept).toBeCloseTo(full.intercept, 5);
  });

  it('stays finite on perfectly separable data thanks to the L2 penalty', () => {
    const fit = fitLogisticRegression(Float64Array.from([1, 2, -1, -2]), Uint8Array.from([1, 1, 0, 0]), 4, 1);
    expect(Number.isFinite(fit.weights[0])).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InSetPool } from './in-set-pool';

describe('InSetPool', () => {
  it('lists every single and every pair of the pooled items exactly once, heaviest first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 14 }), fc.integer({ min: 0, max: 14 }), (ws, pairPool) => {
        const weight = Float64Array.from(ws);
        const S = ws.map((_, i) => i).sort((a, b) => weight[b] - weight[a] || a - b);
        const pool = new InSetPool();
        pool.build(S, weight, pairPool);
        const p = Math.min(pairPool, S.length);
        expect(pool.count).toBe(S.length + (p * (p - 1)) / 2);
        const seen = new Set<string>();
        for (let k = 0; k < pool.count; k++) {
          if (k > 0) expect(pool.w[k]).toBeLessThanOrEqual(pool.w[k - 1]);
          const a = pool.a[k];
          const b = pool.b[k];
          expect(pool.w[k]).toBe(weight[a] + (b >= 0 ? weight[b] : 0));
          const key = b < 0 ? `${a}` : `${Math.min(a, b)},${Math.max(a, b)}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }),
    );
  });

  it('leaves out in-sets heavier than the largest room', () => {
    const weight = Float64Array.from([0.6, 0.5, 0.3, 0.1]);
    const pool = new InSetPool();
    pool.build([0, 1, 2, 3], weight, 4, 0.65);
    for (let k = 0; k < pool.count; k++) expect(pool.w[k]).toBeLessThanOrEqual(0.65);
    // all 4 singles fit, and of the pairs only 0.5+0.1 and 0.3+0.1
    expect(pool.count).toBe(4 + 2);
  });
});

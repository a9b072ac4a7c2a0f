import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResidualTreap } from './residual-treap';

describe('ResidualTreap', () => {
  it('finds the bin with the least key that covers the need in both dimensions, as a scan would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 200 })), { maxLength: 30 }),
        (bins, queries) => {
          const t = new ResidualTreap(bins.length, 2);
          const key = (r: number[]) => r[0] / 100 + r[1] / 100;
          const live = bins.map((r) => [...r]);
          live.forEach((r, b) => t.insert(b, r, key(r)));
          // shrink some bins (remove + insert with the new key) to exercise updates
          live.forEach((r, b) => {
            if (b % 3 === 0) {
              r[0] = Math.floor(r[0] / 2);
              t.remove(b);
              t.insert(b, r, key(r));
            }
          });
          for (const [a, c, minKey] of queries) {
            let expected = -1;
            live.forEach((r, b) => {
              if (r[0] < a || r[1] < c || key(r) < minKey / 100) return;
              if (expected < 0 || key(r) < key(live[expected]) || (key(r) === key(live[expected]) && b < expected)) expected = b;
            });
            expect(t.findBest(minKey / 100, [a, c])).toBe(expected);
          }
        },
      ),
    );
  });

  it('answers -1 once the only fitting bin is removed', () => {
    const t = new ResidualTreap(2, 2);
    t.insert(0, [5, 5], 1);
    t.insert(1, [1, 9], 1);
    expect(t.findBest(0, [4, 4])).toBe(0);
    t.remove(0);
    expect(t.findBest(0, [4, 4])).toBe(-1);
  });
});

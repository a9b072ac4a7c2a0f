import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoBinPartition } from './two-bin-partition';

const buf = () => ({ rows: new Int32Array(0) });

/** Exhaustive reference: does some subset go to bin 0 with both bins within capacity? */
function splittable(sizes: number[], c: number): boolean {
  const total = sizes.reduce((s, v) => s + v, 0);
  for (let mask = 0; mask < 1 << sizes.length; mask++) {
    let t = 0;
    sizes.forEach((v, x) => (t += mask & (1 << x) ? v : 0));
    if (t <= c && total - t <= c) return true;
  }
  return false;
}

describe('twoBinPartition', () => {
  it('finds the non-greedy split {5,5} / {6,4}', () => {
    const side = twoBinPartition([6, 5, 5, 4], 10, buf());
    expect(side).not.toBeNull();
    const load = [0, 0];
    side!.forEach((s, x) => (load[s] += [6, 5, 5, 4][x]));
    expect(load).toEqual([10, 10]);
  });

  it('answers undefined for fractional sizes, so the caller can search instead', () => {
    expect(twoBinPartition([0.5, 0.25], 1, buf())).toBeUndefined();
  });

  it('agrees with exhaustive search and returns a split that fits both bins', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 70 }), { maxLength: 10 }), fc.integer({ min: 70, max: 130 }), (sizes, c) => {
        const side = twoBinPartition(sizes, c, buf());
        expect(side !== null).toBe(splittable(sizes, c));
        if (side) {
          const load = [0, 0];
          side.forEach((s, x) => (load[s] += sizes[x]));
          expect(load[0]).toBeLessThanOrEqual(c);
          expect(load[1]).toBeLessThanOrEqual(c);
        }
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packVectors, type PackingAlgorithm } from './pack-vectors';
import { OptimizerInputError } from '../errors';
import { mulberry32 } from '../prng';

const ALGS: PackingAlgorithm[] = ['FFD', 'BFD', 'HYBRID'];
const FAST = { timeLimitMs: 30 };

function binLoads(items: number[][], cap: number[], assignment: Int32Array, bins: number): number[][] {
  const load = Array.from({ length: bins }, () => new Array<number>(cap.length).fill(0));
  items.forEach((s, i) => s.forEach((v, d) => (load[assignment[i]][d] += v)));
  return load;
}

const vectors = (dims: 1 | 2) =>
  fc.record({
    cap: fc.array(fc.integer({ min: 10, max: 1000 }), { minLength: dims, maxLength: dims }),
    fracs: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: dims, maxLength: dims }), { minLength: 0, maxLength: 80 }),
  }).map(({ cap, fracs }) => ({ cap, items: fracs.map((f) => f.map((x, d) => Math.floor(x * cap[d]))) }));

describe('packVectors', () => {
  it('places every item in exactly one bin and never exceeds a capacity (1-D and 2-D)', () => {
    for (const dims of [1, 2] as const) {
      fc.assert(
        fc.property(vectors(dims), ({ cap, items }) => {
          for (const algorithm of ALGS) {
            const res = packVectors(items.map((size) => ({ size })), cap, { algorithm, ...FAST });
            expect(res.assignment.length).toBe(items.length);
            for (const b of res.assignment) expect(b >= 0 && b < res.binCount).toBe(true);
            for (const load of binLoads(items, cap, res.assignment, res.binCount)) load.forEach((l, d) => expect(l).toBeLessThanOrEqual(cap[d]));
            if (items.length > 0) {
              const used = new Set(res.assignment);
              expect(used.size).toBe(res.binCount);
            }
          }
        }),
        { numRuns: 60 },
      );
    }
  });

  it('HYBRID uses no more bins than FFD or BFD', () => {
    fc.assert(
      fc.property(vectors(1), vectors(2), (one, two) => {
        for (const { cap, items } of [one, two]) {
          const input = items.map((size) => ({ size }));
          const ffd = packVectors(input, cap, { algorithm: 'FFD' }).binCount;
          const bfd = packVectors(input, cap, { algorithm: 'BFD' }).binCount;
          const hybrid = packVectors(input, cap, { algorithm: 'HYBRID', ...FAST }).binCount;
          expect(hybrid).toBeLessThanOrEqual(Math.min(ffd, bfd));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never reports fewer bins than its lower bound, and optimal only at the bound', () => {
    fc.assert(
      fc.property(vectors(1), ({ cap, items }) => {
        for (const algorithm of ALGS) {
          const res = packVectors(items, cap, { algorithm, ...FAST });
          expect(res.binCount).toBeGreaterThanOrEqual(res.lowerBound);
          expect(res.optimal).toBe(res.binCount === res.lowerBound);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('gives FFD and BFD the same bins under any input order', () => {
    fc.assert(
      fc.property(vectors(2), fc.integer(), ({ cap, items }, seed) => {
        const r = mulberry32(seed);
        const shuffled = items.map((s) => ({ s, k: r() })).sort((a, b) => a.k - b.k).map((x) => x.s);
        for (const algorithm of ['FFD', 'BFD'] as const) {
          const a = packVectors(items.map((size) => ({ size })), cap, { algorithm });
          const b = packVectors(shuffled.map((size) => ({ size })), cap, { algorithm });
          expect(b.binCount).toBe(a.binCount);
          const key = (loads: number[][]) => loads.map((l) => l.join(',')).sort().join(';');
          expect(key(binLoads(shuffled, cap, b.assignment, b.binCount))).toBe(key(binLoads(items, cap, a.assignment, a.binCount)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('answers bad numbers with a typed error or a correct packing, never a crash or a hang', () => {
    const weird = fc.oneof(fc.double(), fc.integer({ min: -5, max: 50 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 0));
    fc.assert(
      fc.property(fc.array(weird, { maxLength: 30 }), fc.array(weird, { minLength: 0, maxLength: 3 }), fc.constantFrom(...ALGS), (items, cap, algorithm) => {
        try {
          const res = packVectors(items, cap, { algorithm, ...FAST });
          expect(res.binCount).toBeGreaterThanOrEqual(res.lowerBound);
          expect(res.assignment.length).toBe(items.length);
        } catch (e) {
          expect(e).toBeInstanceOf(OptimizerInputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a bad algorithm or time limit with a typed error', () => {
    expect(() => packVectors([1], [2], { algorithm: 'NFD' as PackingAlgorithm })).toThrow(OptimizerInputError);
    expect(() => packVectors([1], [2], { algorithm: 'HYBRID', timeLimitMs: Number.NaN })).toThrow(/options\.timeLimitMs/);
  });

  it('packs 100,000 items with every algorithm within the time limit', () => {
    const r = mulberry32(1);
    const sizes = Float64Array.from({ length: 100_000 }, () => 1 + Math.floor(r() * 999));
    for (const algorithm of ALGS) {
      const t = performance.now();
      const res = packVectors(sizes, [1000], { algorithm, timeLimitMs: 300 });
      const ms = performance.now() - t;
      expect(res.binCount).toBeGreaterThanOrEqual(res.lowerBound);
      expect(ms).toBeLessThan(5000);
    }
  });

  it('returns within its time limit on a fake clock', () => {
    const sizes = Array.from({ length: 400 }, (_, i) => 20 + ((i * 53) % 81));
    let t = 0;
    const now = (): number => (t += 0.5);
    const res = packVectors(sizes, [150], { algorithm: 'HYBRID', timeLimitMs: 100, now });
    expect(t).toBeLessThanOrEqual(101);
    expect(res.binCount).toBeGreaterThanOrEqual(res.lowerBound);
  });

  it('returns within its time limit on a fake clock in 2-D and on triplet-like integral data', () => {
    const r = mulberry32(9);
    const items = Array.from({ length: 300 }, () => ({ size: [1 + Math.floor(r() * 60), 1 + Math.floor(r() * 60)] }));
    const triplets: number[] = [];
    for (let k = 0; k < 100; k++) {
      const a = 380 + Math.floor(r() * 111);
      const b = 250 + Math.floor(r() * (Math.floor((1000 - a) / 2) - 249));
      triplets.push(a, b, 1000 - a - b);
    }
    for (const [sizes, cap] of [
      [items, [150, 150]],
      [triplets, [1000]],
    ] as const) {
      let t = 0;
      const now = (): number => (t += 0.25);
      const res = packVectors(sizes, cap, { algorithm: 'HYBRID', timeLimitMs: 80, now });
      expect(t).toBeLessThanOrEqual(80);
      expect(res.binCount).toBeGreaterThanOrEqual(res.lowerBound);
    }
  });

  it('is deterministic for the same seed and iteration budget and does not mutate its input', () => {
    const items = Object.freeze(Array.from({ length: 150 }, (_, i) => Object.freeze({ size: Object.freeze([10 + ((i * 31) % 60), 5 + ((i * 17) % 70)]) })));
    const cap = Object.freeze([150, 150]);
    const a = packVectors(items, cap, { algorithm: 'HYBRID', seed: 5, maxIterations: 2000, timeLimitMs: 60_000 });
    const b = packVectors(items, cap, { algorithm: 'HYBRID', seed: 5, maxIterations: 2000, timeLimitMs: 60_000 });
    expect([...a.assignment]).toEqual([...b.assignment]);
  });

  it('reaches the optimum on a small instance FFD misses', () => {
    // FFD gives 4 bins; {4,3,3} three times is optimal
    expect(packVectors([4, 4, 4, 3, 3, 3, 3, 3, 3], [10], { algorithm: 'FFD' }).binCount).toBe(4);
    const res = packVectors([4, 4, 4, 3, 3, 3, 3, 3, 3], [10], { algorithm: 'HYBRID', timeLimitMs: 500 });
    expect(res.binCount).toBe(3);
    expect(res.optimal).toBe(true);
  });
});

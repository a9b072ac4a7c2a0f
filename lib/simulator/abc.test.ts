import { describe, expect, it } from 'vitest';
import { deriveAbc } from './abc';
import { AffinityMiner } from './affinity';

describe('deriveAbc', () => {
  it('makes the skus of the first 80% of order lines A, the next 15% B, the rest C', () => {
    const counts = new Map([
      ['a', 70],
      ['b', 15],
      ['c', 10],
      ['d', 5],
    ]);
    const abc = deriveAbc(counts, ['a', 'b', 'c', 'd', 'never']);
    expect(Object.fromEntries(abc)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C', never: 'C' });
  });

  it('keeps a class given in the scenario', () => {
    const abc = deriveAbc(new Map([['a', 10]]), ['a', 'b'], new Map([['b', 'A' as const]]));
    expect(abc.get('b')).toBe('A');
  });
});

describe('AffinityMiner', () => {
  it('computes lift from co-picks and ignores pairs seen once', () => {
    const miner = new AffinityMiner(2);
    miner.addOrder(['paper', 'ink']);
    miner.addOrder(['paper', 'ink']);
    miner.addOrder(['plate']);
    miner.addOrder(['paper', 'plate']);
    // P(paper & ink) = 2/4, P(paper) = 3/4, P(ink) = 2/4 → lift = 0.5 / 0.375 = 1.333…
    expect(miner.lifts().get('ink')?.get('paper')).toBeCloseTo(4 / 3);
    expect(miner.lifts().get('paper')?.has('plate')).toBe(false);
    expect(miner.lineCounts.get('paper')).toBe(3);
  });
});

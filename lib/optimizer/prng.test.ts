import { describe, expect, it } from 'vitest';
import { mulberry32, randomInt, weightedSampler } from './prng';

describe('mulberry32', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });

  it('gives different sequences for different seeds', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });

  it('yields floats in [0, 1)', () => {
    const r = mulberry32(7);
    for (let i = 0; i < 10_000; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('treats a non-finite seed as 0 instead of failing', () => {
    expect(mulberry32(Number.NaN)()).toBe(mulberry32(0)());
  });
});

describe('randomInt', () => {
  it('stays within [0, n)', () => {
    const r = mulberry32(3);
    for (let i = 0; i < 1000; i++) {
      const k = randomInt(r, 5);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(5);
      expect(Number.isInteger(k)).toBe(true);
    }
  });
});

describe('weightedSampler', () => {
  it('draws each index in proportion to its weight and never one of weight 0', () => {
    const draw = weightedSampler(mulberry32(11), [1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[draw()]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.5);
    expect(counts[2] / counts[0]).toBeLessThan(3.5);
  });

  it('uses one draw of the generator per index', () => {
    let calls = 0;
    const draw = weightedSampler(() => (calls++, 0.5), [1, 1]);
    draw();
    draw();
    expect(calls).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { mulberry32, randomInt } from './prng';

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

import { describe, expect, it } from 'vitest';
import { Rng, WeightedSampler } from './random';

describe('seeded random numbers', () => {
  it('the same seed produces the same sequence', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(Array.from({ length: 20 }, () => a.uint32())).toEqual(Array.from({ length: 20 }, () => b.uint32()));
  });

  it('different labels derive independent streams', () => {
    expect(Rng.derive(42, 'acme/layout').uint32()).not.toBe(Rng.derive(42, 'acme/materials').uint32());
    expect(Rng.derive(42, 'acme/layout').uint32()).toBe(Rng.derive(42, 'acme/layout').uint32());
  });

  it('uuids are well-formed version 4 and do not repeat', () => {
    const rng = new Rng(7);
    const ids = Array.from({ length: 10_000 }, () => rng.uuid());
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('int stays within its inclusive bounds and reaches both ends', () => {
    const rng = new Rng(1);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('the weighted sampler draws in proportion to the weights', () => {
    const rng = new Rng(3);
    const sampler = new WeightedSampler([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[sampler.draw(rng)]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.7);
    expect(counts[2] / counts[0]).toBeLessThan(3.3);
  });
});

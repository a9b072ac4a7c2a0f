import { describe, expect, it } from 'vitest';
import { bestFitDecreasing as peerBFD, firstFitDecreasing as peerFFD } from 'bin-packer';
import { buildInstance } from './instance';
import { firstFitDecreasing } from './ffd';
import { mulberry32 } from '../prng';

function uniform(seed: number, n: number, lo: number, hi: number): number[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => lo + Math.floor(r() * (hi - lo + 1)));
}

function loads(sizes: number[], assignment: Int32Array, bins: number): number[] {
  const l = new Array<number>(bins).fill(0);
  sizes.forEach((s, i) => (l[assignment[i]] += s));
  return l;
}

describe('firstFitDecreasing', () => {
  it('packs a textbook example into the known number of bins', () => {
    const sizes = [5, 7, 5, 2, 4, 2, 5, 1, 6];
    const p = firstFitDecreasing(buildInstance(sizes, [10]));
    expect(p.binCount).toBe(4);
    expect(Math.max(...loads(sizes, p.assignment, p.binCount))).toBeLessThanOrEqual(10);
  });

  it('matches bin-packer FFD bin counts on Falkenauer-like uniform instances', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const sizes = uniform(seed, 120 + seed * 40, 20, 100);
      const ours = firstFitDecreasing(buildInstance(sizes, [150])).binCount;
      const peer = peerFFD(sizes.slice(), (x: number) => x, 150).bins.length;
      expect(ours).toBe(peer);
    }
  });

  it('matches bin-packer on instances with many small items', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const sizes = uniform(100 + seed, 500, 1, 300);
      expect(firstFitDecreasing(buildInstance(sizes, [1000])).binCount).toBe(peerFFD(sizes.slice(), (x: number) => x, 1000).bins.length);
      expect(firstFitDecreasing(buildInstance(sizes, [1000])).binCount).toBeLessThanOrEqual(peerBFD(sizes.slice(), (x: number) => x, 1000).bins.length + 1);
    }
  });

  it('never overfills a bin in either dimension (2-D)', () => {
    const r = mulberry32(9);
    const items = Array.from({ length: 300 }, () => ({ size: [1 + Math.floor(r() * 400), 1 + Math.floor(r() * 400)] }));
    const inst = buildInstance(items, [1000, 1000]);
    const p = firstFitDecreasing(inst);
    const load = new Float64Array(p.binCount * 2);
    items.forEach((it, i) => {
      load[p.assignment[i] * 2] += it.size[0];
      load[p.assignment[i] * 2 + 1] += it.size[1];
    });
    expect(Math.max(...load)).toBeLessThanOrEqual(1000);
  });

  it('returns zero bins for zero items', () => {
    expect(firstFitDecreasing(buildInstance([], [10])).binCount).toBe(0);
  });
});

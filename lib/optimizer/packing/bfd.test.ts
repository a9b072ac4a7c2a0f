import { describe, expect, it } from 'vitest';
import { bestFitDecreasing as peerBFD } from 'bin-packer';
import { buildInstance } from './instance';
import { bestFitDecreasing } from './bfd';
import { mulberry32 } from '../prng';

function uniform(seed: number, n: number, lo: number, hi: number): number[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => lo + Math.floor(r() * (hi - lo + 1)));
}

describe('bestFitDecreasing', () => {
  it('puts each item in the fullest bin that still fits it', () => {
    // 6 -> bin0 (4 left); 5 -> bin1 (5 left); 4 -> bin0 (fullest that fits: 0 left); 3 -> bin1
    const p = bestFitDecreasing(buildInstance([6, 5, 4, 3], [10]));
    expect(p.binCount).toBe(2);
    expect(p.assignment[0]).toBe(p.assignment[2]);
    expect(p.assignment[1]).toBe(p.assignment[3]);
  });

  it('matches bin-packer BFD bin counts on Falkenauer-like uniform instances', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const sizes = uniform(seed, 120 + seed * 40, 20, 100);
      const ours = bestFitDecreasing(buildInstance(sizes, [150])).binCount;
      const peer = peerBFD(sizes.slice(), (x: number) => x, 150).bins.length;
      expect(ours).toBe(peer);
    }
  });

  it('matches bin-packer BFD with many items per bin', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const sizes = uniform(200 + seed, 600, 1, 250);
      expect(bestFitDecreasing(buildInstance(sizes, [1000])).binCount).toBe(peerBFD(sizes.slice(), (x: number) => x, 1000).bins.length);
    }
  });

  it('respects both capacities in 2-D', () => {
    const r = mulberry32(5);
    const items = Array.from({ length: 250 }, () => ({ size: [1 + Math.floor(r() * 60), 1 + Math.floor(r() * 60)] }));
    const p = bestFitDecreasing(buildInstance(items, [150, 150]));
    const load = new Float64Array(p.binCount * 2);
    items.forEach((it, i) => {
      load[p.assignment[i] * 2] += it.size[0];
      load[p.assignment[i] * 2 + 1] += it.size[1];
    });
    expect(Math.max(...load)).toBeLessThanOrEqual(150);
  });
});

import { describe, expect, it } from 'vitest';
import { lowerBound2 as peerL2 } from 'bin-packer';
import { instanceLowerBound, lowerBoundL1, lowerBoundL2 } from './lower-bounds';
import { buildInstance } from './instance';
import { mulberry32 } from '../prng';

describe('lowerBoundL1', () => {
  it('is the ceiling of total size over capacity', () => {
    expect(lowerBoundL1([5, 5, 5], 10)).toBe(2);
    expect(lowerBoundL1([10, 10], 10)).toBe(2);
    expect(lowerBoundL1([], 10)).toBe(0);
  });
});

describe('lowerBoundL2', () => {
  it('counts items above half the capacity that cannot share a bin', () => {
    // L1 = ceil(18/10) = 2 but three items of 6 need three bins
    expect(lowerBoundL2([6, 6, 6], 10)).toBe(3);
  });

  it('is never below L1', () => {
    const r = mulberry32(4);
    for (let k = 0; k < 50; k++) {
      const sizes = Array.from({ length: 40 }, () => 1 + Math.floor(r() * 100));
      expect(lowerBoundL2(sizes, 100)).toBeGreaterThanOrEqual(lowerBoundL1(sizes, 100));
    }
  });

  it('is at least bin-packer\u2019s L2 on random instances', () => {
    const r = mulberry32(11);
    for (let k = 0; k < 30; k++) {
      const sizes = Array.from({ length: 60 }, () => 1 + Math.floor(r() * 149));
      expect(lowerBoundL2(sizes, 150)).toBeGreaterThanOrEqual(peerL2(sizes.slice(), (x: number) => x, 150).bound);
    }
  });
});

describe('instanceLowerBound', () => {
  it('takes the larger bound over both dimensions', () => {
    const inst = buildInstance([{ size: [1, 6] }, { size: [1, 6] }, { size: [1, 6] }], [10, 10]);
    expect(instanceLowerBound(inst)).toBe(3);
  });
});

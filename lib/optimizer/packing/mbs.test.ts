import { describe, expect, it } from 'vitest';
import { minimumBinSlack } from './mbs';
import { firstFitDecreasing } from './ffd';
import { buildInstance } from './instance';
import { mulberry32 } from '../prng';

function check(sizes: number[][], cap: number[], assignment: Int32Array, bins: number): void {
  const load = Array.from({ length: bins }, () => new Array<number>(cap.length).fill(0));
  sizes.forEach((s, i) => {
    expect(assignment[i]).toBeGreaterThanOrEqual(0);
    s.forEach((v, d) => (load[assignment[i]][d] += v));
  });
  for (const l of load) l.forEach((v, d) => expect(v).toBeLessThanOrEqual(cap[d]));
}

describe('minimumBinSlack', () => {
  it('fills bins exactly where FFD cannot', () => {
    // FFD: {4,4} {4,3,3} {3,3,3} {3} = 4 bins; MBS finds {4,3,3} three times
    const inst = buildInstance([4, 4, 4, 3, 3, 3, 3, 3, 3], [10]);
    expect(firstFitDecreasing(inst).binCount).toBe(4);
    expect(minimumBinSlack(inst, () => 0, 1)!.binCount).toBe(3);
  });

  it('comes within one bin of the optimum on triplet-style instances, never worse than FFD', () => {
    const r = mulberry32(17);
    const sizes: number[] = [];
    for (let b = 0; b < 30; b++) {
      const a = 250 + Math.floor(r() * 100);
      const c = 250 + Math.floor(r() * 100);
      sizes.push(a, c, 1000 - a - c);
    }
    const inst = buildInstance(sizes, [1000]);
    const res = minimumBinSlack(inst, () => 0, 1)!;
    expect(res.binCount).toBeLessThanOrEqual(31);
    expect(res.binCount).toBeLessThanOrEqual(firstFitDecreasing(inst).binCount);
  });

  it('assigns every item within capacity in 1-D and 2-D', () => {
    const r = mulberry32(3);
    const one = Array.from({ length: 200 }, () => [1 + Math.floor(r() * 100)]);
    const p1 = minimumBinSlack(buildInstance(one.map((size) => ({ size })), [150]), () => 0, 1)!;
    check(one, [150], p1.assignment, p1.binCount);
    const two = Array.from({ length: 150 }, () => [1 + Math.floor(r() * 500), 1 + Math.floor(r() * 500)]);
    const p2 = minimumBinSlack(buildInstance(two.map((size) => ({ size })), [1000, 1000]), () => 0, 1)!;
    check(two, [1000, 1000], p2.assignment, p2.binCount);
  });
});

describe('minimumBinSlack budget', () => {
  it('gives up (null) once the clock passes the deadline', () => {
    let t = 0;
    const sizes = Array.from({ length: 5000 }, (_, i) => 1 + ((i * 7919) % 997));
    expect(minimumBinSlack(buildInstance(sizes, [1000]), () => (t += 10), 5)).toBeNull();
  });
});

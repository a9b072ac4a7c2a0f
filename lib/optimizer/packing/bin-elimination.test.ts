import { describe, expect, it } from 'vitest';
import { eliminateBins } from './bin-elimination';
import { firstFitDecreasing } from './ffd';
import { buildInstance } from './instance';
import { instanceLowerBound } from './lower-bounds';

function check(sizes: number[], cap: number, assignment: Int32Array, bins: number): void {
  const load = new Array<number>(bins).fill(0);
  sizes.forEach((s, i) => {
    expect(assignment[i]).toBeGreaterThanOrEqual(0);
    expect(assignment[i]).toBeLessThan(bins);
    load[assignment[i]] += s;
  });
  for (const l of load) expect(l).toBeLessThanOrEqual(cap);
}

describe('eliminateBins', () => {
  it('removes a wasted bin from a poor starting packing', () => {
    // a 4-bin start for items whose optimum is 3 bins: {6,4} {6,4} {5,5}
    const sizes = [6, 6, 5, 5, 4, 4];
    const inst = buildInstance(sizes, [10]);
    const start = { binCount: 4, assignment: Int32Array.from([0, 1, 2, 2, 0, 3]) };
    const res = eliminateBins(inst, start, { now: () => 0, deadline: 1, lowerBound: instanceLowerBound(inst), seed: 1, maxIterations: 10_000 });
    expect(res.binCount).toBe(3);
    check(sizes, 10, res.assignment, res.binCount);
  });

  it('returns the start packing untouched when it is already at the lower bound', () => {
    const sizes = [5, 5, 5, 5];
    const inst = buildInstance(sizes, [10]);
    const start = firstFitDecreasing(inst);
    const res = eliminateBins(inst, start, { now: () => 0, deadline: 1, lowerBound: 2, seed: 1 });
    expect(res.binCount).toBe(2);
    expect(res.iterations).toBe(0);
  });

  it('stops at the deadline and still returns a full valid packing', () => {
    const sizes = Array.from({ length: 200 }, (_, i) => 20 + ((i * 37) % 81));
    const inst = buildInstance(sizes, [150]);
    const start = firstFitDecreasing(inst);
    let t = 0;
    const res = eliminateBins(inst, start, { now: () => (t += 1), deadline: 50, lowerBound: 1, seed: 3 });
    expect(res.timedOut).toBe(true);
    check(sizes, 150, res.assignment, res.binCount);
    expect(res.binCount).toBeLessThanOrEqual(start.binCount);
  });
});

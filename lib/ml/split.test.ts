import { describe, expect, it } from 'vitest';
import { timeOrderedSplit } from './split';

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

describe('timeOrderedSplit', () => {
  it('holds out the newest rows, whatever the input order', () => {
    const rows = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6].map((n) => ({ createdAt: day(n), n }));
    const split = timeOrderedSplit(rows, 0.3);
    expect(split.train.map((row) => row.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(split.test.map((row) => row.n)).toEqual([8, 9, 10]);
    expect(split.boundary).toEqual(day(8));
  });

  it('never puts a training row after a test row', () => {
    const rows = Array.from({ length: 97 }, (_, i) => ({ createdAt: day(1 + ((i * 37) % 28)) }));
    const split = timeOrderedSplit(rows, 0.2);
    const newestTrain = Math.max(...split.train.map((row) => row.createdAt.getTime()));
    const oldestTest = Math.min(...split.test.map((row) => row.createdAt.getTime()));
    expect(newestTrain).toBeLessThanOrEqual(oldestTest);
    expect(split.train.length + split.test.length).toBe(97);
  });

  it('rejects a test fraction outside (0, 1)', () => {
    expect(() => timeOrderedSplit([{ createdAt: day(1) }, { createdAt: day(2) }], 1)).toThrow(/testFraction/);
  });
});

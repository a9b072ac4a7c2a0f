import { describe, expect, it } from 'vitest';
import { median, medianOf } from './median';

describe('median', () => {
  it('is the middle value of an odd count, whatever the input order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('is null for no values, and medianOf refuses them', () => {
    expect(median([])).toBeNull();
    expect(() => medianOf([])).toThrow('median of an empty list');
  });
  it('leaves its input in the order it came', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

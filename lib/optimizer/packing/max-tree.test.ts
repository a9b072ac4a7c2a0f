import { describe, expect, it } from 'vitest';
import { MaxTree } from './max-tree';

describe('MaxTree', () => {
  it('finds the lowest leaf whose residual covers the need (1-D)', () => {
    const t = new MaxTree(5, 1, [10]);
    t.set1(0, 2);
    t.set1(1, 7);
    t.set1(2, 4);
    expect(t.findFirst1(3)).toBe(1);
    expect(t.findFirst1(8)).toBe(3);
    expect(t.findFirst1(11)).toBe(-1);
  });

  it('needs every dimension to fit in 2-D, backtracking across subtrees', () => {
    const t = new MaxTree(4, 2, [10, 10]);
    t.set(0, [9, 1]);
    t.set(1, [1, 9]);
    t.set(2, [5, 5]);
    expect(t.findFirst([4, 4])).toBe(2);
    expect(t.findFirst([9, 2])).toBe(3);
    expect(t.get(1, 1)).toBe(9);
  });
});

describe('MaxTree range search', () => {
  it('finds the next fitting leaf at or after a position, and the previous at or before', () => {
    const t = new MaxTree(6, 2, [0, 0]);
    t.set(1, [5, 5]);
    t.set(4, [5, 1]);
    t.set(5, [6, 6]);
    expect(t.findNext(0, [4, 4])).toBe(1);
    expect(t.findNext(2, [4, 4])).toBe(5);
    expect(t.findNext(2, [4, 1])).toBe(4);
    expect(t.findPrev(4, [4, 4])).toBe(1);
    expect(t.findPrev(0, [4, 4])).toBe(-1);
    expect(t.findNext(6, [0, 0])).toBe(-1);
  });
});

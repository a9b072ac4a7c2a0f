import { describe, expect, it } from 'vitest';
import { buildInstance, decreasingOrder } from './instance';
import { OptimizerInputError } from '../errors';

describe('buildInstance', () => {
  it('accepts a flat list of 1-D sizes and normalizes weights by capacity', () => {
    const inst = buildInstance([5, 10], [20]);
    expect(inst.n).toBe(2);
    expect(inst.dims).toBe(1);
    expect([...inst.weight]).toEqual([0.25, 0.5]);
  });

  it('accepts 2-D items as { size: [v, w] } and typed arrays', () => {
    const inst = buildInstance([{ size: [1, 2] }, { size: new Float64Array([3, 4]) }], [10, 20]);
    expect([...inst.size]).toEqual([1, 2, 3, 4]);
    expect(inst.weight[1]).toBeCloseTo(0.5);
  });

  it.each([
    [[1], [0], 'capacity[0]'],
    [[1], [Number.NaN], 'capacity[0]'],
    [[1], [Number.POSITIVE_INFINITY], 'capacity[0]'],
    [[1], [1, 2, 3], 'capacity'],
    [[-1], [10], 'items[0]'],
    [[Number.NaN], [10], 'items[0]'],
    [[11], [10], 'items[0]'],
  ])('rejects %j into %j naming %s', (items, cap, field) => {
    try {
      buildInstance(items, cap);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OptimizerInputError);
      expect((e as OptimizerInputError).field).toBe(field);
    }
  });

  it('names the exact dimension of a bad 2-D size', () => {
    expect(() => buildInstance([{ size: [1, 2] }, { size: [1, Number.POSITIVE_INFINITY] }], [5, 5])).toThrow(/items\[1\]\.size\[1\]/);
  });

  it('rejects a flat list for 2-D capacities', () => {
    expect(() => buildInstance([1, 2], [5, 5])).toThrow(OptimizerInputError);
  });
});

describe('decreasingOrder', () => {
  it('orders items by non-increasing normalized size', () => {
    const inst = buildInstance([3, 9, 1, 9], [10]);
    const order = [...decreasingOrder(inst)].map((i) => inst.size[i]);
    expect(order).toEqual([9, 9, 3, 1]);
  });
});

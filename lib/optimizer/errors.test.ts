import { describe, expect, it } from 'vitest';
import { OptimizerInputError, describeValue } from './errors';

describe('OptimizerInputError', () => {
  it('names the field and the value in its message', () => {
    const e = new OptimizerInputError('items[3].quantity', -2, 'must be an integer >= 1');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('OptimizerInputError');
    expect(e.field).toBe('items[3].quantity');
    expect(e.value).toBe(-2);
    expect(e.message).toBe('items[3].quantity must be an integer >= 1 (got -2)');
  });

  it('prints NaN, strings, arrays and typed arrays readably', () => {
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue([1, 2])).toBe('array of length 2');
    expect(describeValue(new Float64Array(3))).toBe('typed array of length 3');
    expect(describeValue(undefined)).toBe('undefined');
  });
});

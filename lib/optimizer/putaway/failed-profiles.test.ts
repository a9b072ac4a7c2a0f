import { describe, expect, it } from 'vitest';
import { dominates, profileOf } from './failed-profiles';
import type { PutawayItem } from './types';

const it0: PutawayItem = { sku: 'A', quantity: 1, lengthIn: 10, widthIn: 20, heightIn: 30, unitWeightLbs: 5, abc: 'A' };

describe('dominates', () => {
  it('treats an item at least as large and heavy, with the same classes, as hopeless too', () => {
    const f = profileOf(it0, 3, 'DOES_NOT_FIT');
    expect(dominates(f, { ...it0, sku: 'B', lengthIn: 31 }, 3.5)).toBe(true);
    expect(dominates(f, { ...it0, lengthIn: 5 }, 1)).toBe(false);
    expect(dominates(f, { ...it0, hazardClass: '3' }, 3)).toBe(false);
    expect(dominates(f, { ...it0, unitWeightLbs: 1 }, 3)).toBe(false);
  });
});

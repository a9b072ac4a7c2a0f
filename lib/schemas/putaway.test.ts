import { describe, expect, it } from 'vitest';
import { ZCreatePutawayBatch, ZOverrideRecommendation, ZRejectRecommendation, fieldPath, parseReceiptLines } from './putaway';

describe('fieldPath', () => {
  it('writes list indexes in brackets, as API clients name fields', () => {
    expect(fieldPath(['items', 3, 'quantity'])).toBe('items[3].quantity');
    expect(fieldPath(['items'])).toBe('items');
    expect(fieldPath([])).toBe('');
  });
});

describe('ZCreatePutawayBatch', () => {
  it('accepts whole quantities from 1 to 100,000 and defaults the source to UI', () => {
    expect(ZCreatePutawayBatch.parse({ items: [{ sku: ' FG-1 ', quantity: 100_000 }] })).toEqual({ items: [{ sku: 'FG-1', quantity: 100_000 }], source: 'UI' });
  });

  it.each([0, -1, 1e12, 1.5, Number.NaN, '3'])('refuses quantity %s at its path', (quantity) => {
    const result = ZCreatePutawayBatch.safeParse({ items: [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['items', 1, 'quantity']);
  });

  it('refuses an empty receipt and one of 10,001 lines', () => {
    expect(ZCreatePutawayBatch.safeParse({ items: [] }).success).toBe(false);
    expect(ZCreatePutawayBatch.safeParse({ items: Array.from({ length: 10_001 }, () => ({ sku: 'A', quantity: 1 })) }).success).toBe(false);
  });
});

describe('decision reasons', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  it('requires a note when the reason is OTHER', () => {
    const result = ZRejectRecommendation.safeParse({ recommendationId: id, reasonCode: 'OTHER' });
    expect(result.error?.issues[0]?.path).toEqual(['note']);
    expect(ZRejectRecommendation.safeParse({ recommendationId: id, reasonCode: 'OTHER', note: 'pallet leaning' }).success).toBe(true);
  });

  it('accepts only the fixed reason codes', () => {
    expect(ZOverrideRecommendation.safeParse({ recommendationId: id, locationCode: 'A-1', reasonCode: 'FELT_LIKE_IT' }).success).toBe(false);
    expect(ZOverrideRecommendation.safeParse({ recommendationId: id, locationCode: 'A-1', reasonCode: 'WRONG_ZONE' }).success).toBe(true);
  });
});

describe('parseReceiptLines', () => {
  it('reads sku,quantity[,lot] lines, skipping a header and blank lines', () => {
    expect(parseReceiptLines('sku,quantity\nFG-1,3\n\nINK-2;2;LOT-9\n')).toEqual({
      items: [{ sku: 'FG-1', quantity: 3 }, { sku: 'INK-2', quantity: 2, lotNumber: 'LOT-9' }],
      errors: [],
    });
  });

  it('names the lines it cannot read', () => {
    const { items, errors } = parseReceiptLines('FG-1,3\nFG-2,zero\nFG-3,0');
    expect(items).toHaveLength(1);
    expect(errors.map((e) => e.split(':')[0])).toEqual(['line 2', 'line 3']);
  });
});

import { describe, expect, it } from 'vitest';
import { ZSetFlagInput } from './flags';
import { ZCreatePutawayBatch, ZRejectRecommendation } from './putaway';
import { CONTROL_CHARACTER_MESSAGE, multiLineText, singleLineText } from './text';
import { ZCreateApiToken } from './tokens';

describe('control characters in shared text schemas', () => {
  it.each(['\u0000', 'FG-1\u0000', '\u0007FG', 'FG\u001B[31m', 'FG\u007F', 'FG\tX', 'FG\nX'])('refuses sku %j naming the sku field', (sku) => {
    const result = ZCreatePutawayBatch.safeParse({ items: [{ sku, quantity: 1 }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['items', 0, 'sku']);
    expect(result.error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE);
  });

  it('refuses a lot number with a NUL at its path', () => {
    const result = ZCreatePutawayBatch.safeParse({ items: [{ sku: 'FG-1', quantity: 1, lotNumber: 'LOT\u0000' }] });
    expect(result.error?.issues[0]?.path).toEqual(['items', 0, 'lotNumber']);
  });

  it('still accepts ordinary SKUs, emoji and accented text', () => {
    expect(ZCreatePutawayBatch.safeParse({ items: [{ sku: ' FG-Ü-1 📦 ', quantity: 1, lotNumber: 'L-1' }] }).success).toBe(true);
  });

  it('allows line breaks in notes but refuses NUL in them', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(ZRejectRecommendation.safeParse({ recommendationId: id, reasonCode: 'OTHER', note: 'pallet leaning\nrow 3' }).success).toBe(true);
    const result = ZRejectRecommendation.safeParse({ recommendationId: id, reasonCode: 'OTHER', note: 'bad\u0000' });
    expect(result.error?.issues[0]?.path).toEqual(['note']);
  });

  it('refuses control characters in token names and flag reasons', () => {
    expect(ZCreateApiToken.safeParse({ name: 'ci\u0000token', role: 'OPS' }).error?.issues[0]?.path).toEqual(['name']);
    const flag = ZSetFlagInput.safeParse({ flagKey: 'ML_MODEL_ENABLED', value: 'true', reason: 'because\u0000 of reasons' });
    expect(flag.error?.issues[0]?.path).toEqual(['reason']);
  });

  it('distinguishes single-line from multi-line text', () => {
    expect(singleLineText().safeParse('a\tb').success).toBe(false);
    expect(multiLineText().safeParse('a\tb\r\nc').success).toBe(true);
    expect(multiLineText().safeParse('a\u0008b').success).toBe(false);
  });
});

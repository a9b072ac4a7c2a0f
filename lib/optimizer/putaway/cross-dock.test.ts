import { describe, expect, it } from 'vitest';
import { allocateCrossDock, MS_PER_HOUR } from './cross-dock';
import type { PutawayItem } from './types';

const item = (sku: string, quantity: number): PutawayItem => ({ sku, quantity, lengthIn: 1, widthIn: 1, heightIn: 1, unitWeightLbs: 1, abc: 'A' });
const now = 1_000_000_000_000;

describe('allocateCrossDock', () => {
  it('covers demand due within the horizon, earliest first, and ignores later demand', () => {
    const out = allocateCrossDock(
      [item('X', 10)],
      [
        { sku: 'X', quantity: 3, dueAt: now + 5 * MS_PER_HOUR, orderRef: 'B' },
        { sku: 'X', quantity: 4, dueAt: now + 1 * MS_PER_HOUR, orderRef: 'A' },
        { sku: 'X', quantity: 9, dueAt: now + 30 * MS_PER_HOUR, orderRef: 'LATE' },
      ],
      now,
      24,
    );
    expect(out).toEqual([
      { itemIndex: 0, orderRef: 'A', dueAt: now + MS_PER_HOUR, quantity: 4 },
      { itemIndex: 0, orderRef: 'B', dueAt: now + 5 * MS_PER_HOUR, quantity: 3 },
    ]);
  });

  it('covers demand partly when the receipt is smaller, and shares demand across lines', () => {
    const out = allocateCrossDock([item('X', 2), item('X', 5)], [{ sku: 'X', quantity: 4, dueAt: now, orderRef: 'A' }], now, 24);
    expect(out.map((a) => [a.itemIndex, a.quantity])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('counts overdue demand and skips other SKUs', () => {
    const out = allocateCrossDock([item('X', 1)], [{ sku: 'Y', quantity: 1, dueAt: now, orderRef: 'Y1' }, { sku: 'X', quantity: 1, dueAt: now - MS_PER_HOUR, orderRef: 'OLD' }], now, 0);
    expect(out).toEqual([{ itemIndex: 0, orderRef: 'OLD', dueAt: now - MS_PER_HOUR, quantity: 1 }]);
  });
});

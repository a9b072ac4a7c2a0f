import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config';
import { unitCubicFeet } from './geometry';
import { heavyRoomIsScarce, storageLineOrder } from './line-order';
import { buildState } from './state';
import type { PutawayContext, PutawayItem } from './types';
import { rackBin as bin } from './test-locations';

const context: PutawayContext = { dock: { x: 0, y: 0 }, affinity: [], openPickTasksByAisle: {}, openDemand: [], now: 0, seed: 1 };

const ink = (quantity: number): PutawayItem => ({ sku: 'INK-1', quantity, lengthIn: 12, widthIn: 12, heightIn: 12, unitWeightLbs: 5, abc: 'A' });
const roll: PutawayItem = { sku: 'ROLL-1', quantity: 1, lengthIn: 20, widthIn: 20, heightIn: 21.6, unitWeightLbs: 400, abc: 'C' };
const items = [roll, ink(8)];
const cubes = items.map((it) => unitCubicFeet(it.lengthIn, it.widthIn, it.heightIn));
const hybrid = resolveConfig({});

describe('storage line order', () => {
  it('keeps a heavy line in its class order when racks have room for the whole batch', () => {
    const state = buildState([bin('NEAR', 5), bin('FAR', 40)], context, 0.85);
    expect(heavyRoomIsScarce(state, items, cubes, hybrid)).toBe(false);
    expect(storageLineOrder(items, cubes, state, hybrid, null)).toEqual([1, 0]);
  });

  it('puts a heavy line first when the bins that may take it cannot hold the whole batch', () => {
    // Only the floor-level shelf may take the 400 lb roll; the batch (13 cu ft) would fill it.
    const state = buildState([bin('FLOOR', 5, { type: 'PICK_FACE', level: 1 }), bin('UPPER', 40, { type: 'PICK_FACE', level: 3, cubicFeet: 100 })], context, 0.85);
    expect(heavyRoomIsScarce(state, items, cubes, hybrid)).toBe(true);
    expect(storageLineOrder(items, cubes, state, hybrid, null)).toEqual([0, 1]);
  });

  it('counts a bin only for the room left in it', () => {
    const state = buildState([bin('NEAR', 5, { usedCubicFeet: 6 }), bin('FAR', 40, { usedCubicFeet: 6 }), bin('SHELF', 9, { type: 'PICK_FACE', level: 4, cubicFeet: 100 })], context, 0.85);
    expect(heavyRoomIsScarce(state, items, cubes, hybrid)).toBe(true);
  });

  it('is never scarce for a batch without heavy units', () => {
    const state = buildState([bin('FLOOR', 5, { type: 'PICK_FACE', level: 1, cubicFeet: 1 })], context, 0.85);
    expect(heavyRoomIsScarce(state, [ink(8)], [1], hybrid)).toBe(false);
  });

  it('orders FFD and BFD lines by unit volume, largest first', () => {
    const state = buildState([bin('NEAR', 5)], context, 0.95);
    for (const algorithm of ['FFD', 'BFD'] as const) expect(storageLineOrder([ink(8), roll], [1, cubes[0]], state, resolveConfig({ algorithm }), null)).toEqual([1, 0]);
  });
});

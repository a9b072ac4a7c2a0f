import { describe, expect, it } from 'vitest';
import { optimizePutaway } from './optimize-putaway';
import { rackBin } from './test-locations';
import type { PutawayContext, PutawayItem } from './types';

const context: PutawayContext = { dock: { x: 0, y: 0 }, affinity: [], openPickTasksByAisle: {}, openDemand: [], now: 0, seed: 1 };

/** A 40 × 40 × 50 in paper roll of 2,000 lb: it fits a 48 × 48 × 60 in rack position and nothing smaller. */
const roll = (quantity: number): PutawayItem => ({ sku: 'ROLL-1', quantity, lengthIn: 40, widthIn: 40, heightIn: 50, unitWeightLbs: 2000, abc: 'B' });
/** A 48 × 48 × 60 in rack position rated 2,500 lb (80 cu ft), empty unless `used` says otherwise. */
const rack = (code: string, x: number, used = 0) =>
  rackBin(code, x, { cubicFeet: 80, maxWeightLbs: 2500, usedCubicFeet: used * 80, usedWeightLbs: used * 2500, skus: used > 0 ? ['ROLL-0'] : [] });
/** A 24 × 24 × 20 in shelf with room, too small for a roll. */
const shelf = (code: string, x: number) => rackBin(code, x, { cubicFeet: 6, insideInches: { l: 24, w: 24, h: 20 } });
/** A 120 × 30 × 30 in lane rated 2,500 lb: more free cube and weight than a roll takes, but an opening it does not pass. */
const lane = (code: string, x: number) => rackBin(code, x, { cubicFeet: 62.5, maxWeightLbs: 2500, insideInches: { l: 120, w: 30, h: 30 } });

describe('why units are left without a bin', () => {
  it('says no room when the bins that could take the unit are full, even though bins with room enough by cube have too small an opening', () => {
    const result = optimizePutaway({ items: [roll(1)], locations: [rack('RACK-1', 10, 0.9), rack('RACK-2', 20, 0.9), lane('LANE-1', 5), shelf('SHELF-1', 6)], context });
    expect(result.recommendations).toEqual([]);
    expect(result.unplaceable).toMatchObject([{ sku: 'ROLL-1', quantity: 1, code: 'NO_CAPACITY' }]);
  });

  it('says the unit does not fit when no bin could take it even empty', () => {
    const result = optimizePutaway({ items: [roll(1)], locations: [lane('LANE-1', 5), shelf('SHELF-1', 6)], context });
    expect(result.unplaceable).toMatchObject([{ quantity: 1, code: 'DOES_NOT_FIT' }]);
  });

  it('says no room for the units left once the one free rack position is filled', () => {
    const result = optimizePutaway({ items: [roll(3)], locations: [rack('RACK-1', 10), rack('RACK-2', 20, 0.9), shelf('SHELF-1', 5)], context });
    expect(result.recommendations.map((r) => [r.locationCode, r.quantity])).toEqual([['RACK-1', 1]]);
    expect(result.unplaceable).toMatchObject([{ quantity: 2, code: 'NO_CAPACITY' }]);
  });

  it('says too heavy when every bin the unit fits is rated below one unit, full or not', () => {
    const light = (code: string, x: number, used = 0) => ({ ...rack(code, x, used), maxWeightLbs: 1500, usedWeightLbs: used * 1500 });
    const result = optimizePutaway({ items: [roll(1)], locations: [light('RACK-1', 10), light('RACK-2', 20, 0.9), shelf('SHELF-1', 5)], context });
    expect(result.unplaceable).toMatchObject([{ quantity: 1, code: 'TOO_HEAVY' }]);
  });

  it('says too heavy, not the mixing rule, when every bin is a no-mixing bin holding another SKU and none is rated for one unit', () => {
    const other = (code: string, x: number) => ({ ...rack(code, x, 0.2), maxWeightLbs: 1500, usedWeightLbs: 100, allowMixing: false });
    const result = optimizePutaway({ items: [roll(1)], locations: [other('RACK-1', 10), other('RACK-2', 20)], context });
    expect(result.unplaceable).toMatchObject([{ quantity: 1, code: 'TOO_HEAVY' }]);
  });

  it('says the mixing rule when the bins a unit fits have room but hold another SKU and allow no mixing', () => {
    const other = (code: string, x: number) => ({ ...rack(code, x, 0.2), usedWeightLbs: 100, allowMixing: false });
    const result = optimizePutaway({ items: [roll(1)], locations: [other('RACK-1', 10), shelf('SHELF-1', 5)], context });
    expect(result.unplaceable).toMatchObject([{ quantity: 1, code: 'MIXING_NOT_ALLOWED' }]);
  });

  it('does not pass "no room" on to a bigger unit that would fit no bin even empty', () => {
    // the roll fails first for lack of room; the core is larger in every way, so the engine skips
    // searching for it, but it must still be told it fits nowhere
    const core: PutawayItem = { sku: 'CORE-1', quantity: 1, lengthIn: 70, widthIn: 50, heightIn: 50, unitWeightLbs: 2100, abc: 'C' };
    const result = optimizePutaway({ items: [roll(1), core], locations: [rack('RACK-1', 10, 0.9), shelf('SHELF-1', 5)], context });
    expect(result.unplaceable).toMatchObject([
      { sku: 'ROLL-1', code: 'NO_CAPACITY' },
      { sku: 'CORE-1', code: 'DOES_NOT_FIT' },
    ]);
  });
});


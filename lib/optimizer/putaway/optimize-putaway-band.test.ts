import { describe, expect, it } from 'vitest';
import { optimizePutaway } from './optimize-putaway';
import type { PutawayContext, PutawayItem } from './types';
import { rackBin as bin } from './test-locations';

/** `quantity` units of one cubic foot (12 in cube), 5 lbs each unless `unitWeightLbs` says otherwise. */
function item(sku: string, quantity: number, extra: Partial<PutawayItem> = {}): PutawayItem {
  return { sku, quantity, lengthIn: 12, widthIn: 12, heightIn: 12, unitWeightLbs: 5, abc: 'A', ...extra };
}

const context: PutawayContext = { dock: { x: 0, y: 0 }, affinity: [], openPickTasksByAisle: {}, openDemand: [], now: 0, seed: 1 };

const placedIn = (result: ReturnType<typeof optimizePutaway>) => {
  const by: Record<string, number> = {};
  for (const r of result.recommendations) by[r.locationCode] = (by[r.locationCode] ?? 0) + r.quantity;
  return by;
};

describe('HYBRID fills inside the target band first', () => {
  it('stops a near bin at the top of the band while a farther bin still has room inside it', () => {
    const result = optimizePutaway({ items: [item('INK-1', 10)], locations: [bin('NEAR', 5), bin('FAR', 40)], context });
    // 85% of 10 cu ft holds 8 units; the 9th would take the near bin to 90%
    expect(placedIn(result)).toEqual({ NEAR: 8, FAR: 2 });
    expect(Math.max(...result.recommendations.map((r) => r.fillAfter))).toBeLessThanOrEqual(0.85 + 1e-9);
  });

  it('uses the room between the band and the hard cap rather than leave units unplaced', () => {
    const result = optimizePutaway({ items: [item('INK-1', 9)], locations: [bin('ONLY', 5)], context });
    expect(placedIn(result)).toEqual({ ONLY: 9 });
    expect(result.unplaceable).toEqual([]);
  });

  it('still refuses what would pass the hard cap', () => {
    const result = optimizePutaway({ items: [item('INK-1', 10)], locations: [bin('ONLY', 5)], context });
    expect(placedIn(result)).toEqual({ ONLY: 9 });
    expect(result.unplaceable).toMatchObject([{ quantity: 1, code: 'NO_CAPACITY' }]);
  });

  it('plans the batch again without the band-first pass when that places units the band-first plan leaves without a bin', () => {
    // Band first: 8 inks to NEAR (80%), 4 to FAR, an aisle away (40%); the 6 cu ft case then finds 1.5
    // and 5.5 cu ft under the 95% cap. Without it, NEAR takes a ninth ink and FAR keeps the 6.5 the case needs.
    const items = [item('INK-1', 12), item('CASE-1', 1, { lengthIn: 24, widthIn: 24, heightIn: 18 })];
    const input = { items, locations: [bin('NEAR', 5), bin('FAR', 40, { aisle: 'A2', y: 120 })], context };
    const before = structuredClone(input);
    const result = optimizePutaway(input);
    expect(input).toEqual(before);
    expect(optimizePutaway(input).recommendations).toEqual(result.recommendations);
    expect(result.unplaceable).toEqual([]);
    expect(result.stats.bandFirst).toBe(false);
    expect(placedIn({ ...result, recommendations: result.recommendations.filter((r) => r.sku === 'INK-1') })).toEqual({ NEAR: 9, FAR: 3 });
    expect(result.recommendations.find((r) => r.sku === 'CASE-1')?.locationCode).toBe('FAR');
  });

  it('keeps the band-first plan when it places every unit', () => {
    const result = optimizePutaway({ items: [item('INK-1', 10)], locations: [bin('NEAR', 5), bin('FAR', 40)], context });
    expect(result.stats.bandFirst).toBe(true);
  });

  it('does not plan again for units no bin could take whatever the fill', () => {
    // the clock is read the same number of times as for a batch planned once
    const reads = (items: PutawayItem[]) => {
      let count = 0;
      const result = optimizePutaway({ items, locations: [bin('ONLY', 5)], context, clock: () => ++count });
      return { result, count };
    };
    const once = reads([item('INK-1', 2)]);
    const { result, count } = reads([item('INK-1', 2), item('BEAM-1', 1, { lengthIn: 200 })]);
    expect(once.result.unplaceable).toEqual([]);
    expect(result.unplaceable).toMatchObject([{ sku: 'BEAM-1', code: 'DOES_NOT_FIT' }]);
    expect(result.stats.bandFirst).toBe(true);
    expect(count).toBe(once.count);
  });

  it('keeps the band-first plan when planning without it places no more units', () => {
    const result = optimizePutaway({ items: [item('INK-1', 10)], locations: [bin('ONLY', 5)], context });
    expect(result.stats.bandFirst).toBe(true);
    expect(result.unplaceable).toMatchObject([{ quantity: 1 }]);
  });

  it('leaves FFD and BFD packing against the hard cap', () => {
    const bfd = optimizePutaway({ items: [item('INK-1', 10)], locations: [bin('NEAR', 5), bin('FAR', 40)], context, config: { algorithm: 'BFD' } });
    expect(placedIn(bfd)).toEqual({ NEAR: 9, FAR: 1 });
  });
});

describe('HYBRID places heavy units first only where their bins are scarce', () => {
  it('gives the only floor-level bin to the heavy line, even when a lighter A-class line arrives with it', () => {
    const locations = [bin('FLOOR', 5, { level: 1, type: 'PICK_FACE' }), bin('UPPER', 40, { type: 'PICK_FACE' })];
    const items = [item('INK-1', 8), item('ROLL-1', 1, { abc: 'C', lengthIn: 20, widthIn: 20, heightIn: 21.6, unitWeightLbs: 400 })];
    const result = optimizePutaway({ items, locations, context });
    expect(result.unplaceable).toEqual([]);
    expect(result.recommendations.find((r) => r.sku === 'ROLL-1')?.locationCode).toBe('FLOOR');
  });

  it('lets the A line take the near rack bin when racks have room for the whole batch', () => {
    const locations = [bin('NEAR', 5), bin('FAR', 40)];
    const items = [item('INK-1', 8), item('ROLL-1', 1, { abc: 'C', lengthIn: 20, widthIn: 20, heightIn: 21.6, unitWeightLbs: 400 })];
    const result = optimizePutaway({ items, locations, context });
    expect(result.unplaceable).toEqual([]);
    expect(placedIn({ ...result, recommendations: result.recommendations.filter((r) => r.sku === 'INK-1') })).toEqual({ NEAR: 8 });
    expect(result.recommendations.find((r) => r.sku === 'ROLL-1')?.locationCode).toBe('FAR');
  });
});

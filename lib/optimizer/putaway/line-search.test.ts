import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config';
import { buildAffinity, makeLine } from './line-search';
import { buildState } from './state';
import { rackBin as bin } from './test-locations';
import type { PutawayContext, PutawayItem } from './types';

const context = (affinity: PutawayContext['affinity']): PutawayContext => ({ dock: { x: 0, y: 0 }, affinity, openPickTasksByAisle: {}, openDemand: [], now: 0, seed: 1 });
const ink: PutawayItem = { sku: 'INK-1', quantity: 4, lengthIn: 12, widthIn: 6, heightIn: 24, unitWeightLbs: 5, abc: 'A' };

describe('the co-pick index', () => {
  it('holds each pair both ways as excess lift, keeping the highest of repeated pairs', () => {
    const index = buildAffinity(context([{ skuA: 'INK-1', skuB: 'PLATE-1', lift: 3 }, { skuA: 'PLATE-1', skuB: 'INK-1', lift: 4 }]));
    expect(index.get('INK-1')?.get('PLATE-1')).toBe(3);
    expect(index.get('PLATE-1')?.get('INK-1')).toBe(3);
  });

  it('drops pairs that are picked together no more than by chance', () => {
    const index = buildAffinity(context([{ skuA: 'INK-1', skuB: 'CTN-1', lift: 1 }, { skuA: 'INK-1', skuB: 'CTN-2', lift: 0.5 }, { skuA: 'INK-1', skuB: 'INK-1', lift: 9 }]));
    expect(index.size).toBe(0);
  });
});

describe('a line search', () => {
  const locations = [bin('NEAR', 5), bin('PLATES', 20, { aisle: 'A2', y: 40, skus: ['PLATE-1'], usedCubicFeet: 2 })];

  it('knows its unit volume in cubic feet and its sorted dimensions', () => {
    const line = makeLine(buildState(locations, context([]), 0.85), ink, 0, true, new Map(), resolveConfig({}));
    expect(line.unitCf).toBe(1);
    expect(line.dims).toEqual([24, 12, 6]);
  });

  it('marks the aisle and bay of a co-picked sku with its lift', () => {
    const state = buildState(locations, context([]), 0.85);
    const line = makeLine(state, ink, 0, true, buildAffinity(context([{ skuA: 'INK-1', skuB: 'PLATE-1', lift: 3 }])), resolveConfig({}));
    const plates = state.locations.findIndex((l) => l.code === 'PLATES');
    expect(line.aisleLift.get(state.aisleId[plates])).toBe(2);
    expect(line.bayLift.get(state.bayId[plates])).toBe(2);
    expect(line.affinityBays).toEqual([state.bayId[plates]]);
  });

  it('ignores co-picked skus when SKU affinity is off, and for staging lines', () => {
    const state = buildState(locations, context([]), 0.85);
    const affinity = buildAffinity(context([{ skuA: 'INK-1', skuB: 'PLATE-1', lift: 3 }]));
    expect(makeLine(state, ink, 0, true, affinity, resolveConfig({ flags: { SKU_AFFINITY_ENABLED: false } })).aisleLift.size).toBe(0);
    expect(makeLine(state, ink, 0, false, affinity, resolveConfig({})).aisleLift.size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { storageLowerBound } from './lower-bound';
import { buildState } from './state';
import { syntheticWarehouse } from './synthetic';

describe('storageLowerBound', () => {
  it('counts the fewest largest bins whose free room covers the batch', () => {
    const w = syntheticWarehouse({ locations: 50, lines: 1, unitsPerLine: 1, seed: 3 });
    const locations = w.locations.map((l) => ({ ...l, type: 'RESERVE' as const, isActive: true, cubicFeet: 10, maxWeightLbs: 1000, usedCubicFeet: 0, usedWeightLbs: 0 }));
    const state = buildState(locations, w.context, 1);
    expect(storageLowerBound(state, 25, 0, 1)).toBe(3);
    expect(storageLowerBound(state, 0, 0, 1)).toBe(0);
    expect(storageLowerBound(state, 10_000, 0, 1)).toBe(51);
  });
});

import { describe, expect, it } from 'vitest';
import { buildState, holdsOnly, place, sortByDistance, withCap } from './state';
import { syntheticWarehouse } from './synthetic';

describe('buildState', () => {
  it('indexes usable storage bins nearest first and never touches the input', () => {
    const w = syntheticWarehouse({ locations: 200, lines: 1, unitsPerLine: 1, seed: 4 });
    const frozen = Object.freeze(w.locations.map((l) => Object.freeze({ ...l })));
    const s = buildState(frozen, w.context, 0.95);
    for (let k = 1; k < s.storage.length; k++) expect(s.dist[s.storage[k]]).toBeGreaterThanOrEqual(s.dist[s.storage[k - 1]]);
    for (const b of s.storage) expect(frozen[b].isActive).toBe(true);
    place(s, s.storage[0], 'NEW', 'L1', 1, 1, 1, true);
    expect(s.usedCf[s.storage[0]]).toBe(frozen[s.storage[0]].usedCubicFeet + 1);
    expect(s.skuBins.get('NEW')).toEqual([s.storage[0]]);
    expect(holdsOnly(s, s.storage[0], 'NEW')).toBe(frozen[s.storage[0]].skus.length === 0);
  });
});

describe('sortByDistance', () => {
  it('orders by distance, ties by index', () => {
    expect([...sortByDistance([0, 1, 2, 3], Float64Array.from([5, 1, 5, 0]))]).toEqual([3, 1, 0, 2]);
  });
});

describe('withCap', () => {
  it('re-indexes the room under the new cap while sharing fills and contents with the original state', () => {
    const w = syntheticWarehouse({ locations: 20, lines: 1, unitsPerLine: 1, seed: 3 });
    const soft = buildState(w.locations, w.context, 0.85);
    const hard = withCap(soft, 0.95);
    expect(hard.hardCap).toBe(0.95);
    expect(hard.maxRoom[0]).toBeGreaterThan(soft.maxRoom[0]);
    const b = hard.storage[0];
    place(hard, b, 'NEW-SKU', null, 1, 1, 1, true);
    expect(soft.usedCf[b]).toBe(hard.usedCf[b]);
    expect(soft.skuBins.get('NEW-SKU')).toEqual([b]);
  });
});

import { describe, expect, it } from 'vitest';
import { optimizePutaway } from './optimize-putaway';
import { buildState } from './state';
import { mulberry32 } from '../prng';
import { RECENT_ORDERS_PER_SKU, aisleAtRank, buildAisleGeometry, indexOrdersBySku, primaryAisle, tourCostByAisle, tourSearch, buildTourContext } from './tour-cost';
import type { CandidateLocation, PutawayContext, PutawayItem } from './types';

/**
 * Three aisles along y at x = 10, 20 and 30 ft, bins from y = 10 to y = 50 (each aisle is
 * 40 ft long), the dock at (10, 0): in front of the first aisle.
 */
function bin(aisle: number, y: number, skus: string[] = []): CandidateLocation {
  return {
    id: `A${aisle}-${y}`, code: `A${aisle}-${y}`, zone: 'R', aisle: String(aisle), bay: String(y), level: 1, x: 10 * aisle, y,
    type: 'RESERVE', cubicFeet: 10, maxWeightLbs: 1000, insideInches: { l: 30, w: 30, h: 30 },
    usedCubicFeet: skus.length > 0 ? 2 : 0, usedWeightLbs: skus.length > 0 ? 10 : 0, skus, lots: [], allowMixing: true, isActive: true,
  };
}
const context = (recentOrders?: string[][], lift = 3): PutawayContext => ({ dock: { x: 10, y: 0 }, affinity: [{ skuA: 'P', skuB: 'Q', lift }], openPickTasksByAisle: {}, openDemand: [], now: 0, seed: 1, ...(recentOrders ? { recentOrders } : {}) });
const locations = [1, 2, 3].flatMap((a) => [10, 30, 50].map((y) => bin(a, y, a === 3 && y === 50 ? ['Q'] : [])));

describe('order-aware tour cost', () => {
  const state = buildState(locations, context(), 0.95);
  const geometry = buildAisleGeometry(state, { x: 10, y: 0 });
  const id = (aisle: number) => state.aisleId[locations.findIndex((l) => l.aisle === String(aisle))];

  it('reads each aisle centre line across the aisles and its length along them', () => {
    expect([1, 2, 3].map((a) => geometry.u[id(a)])).toEqual([10, 20, 30]);
    expect([1, 2, 3].map((a) => geometry.length[id(a)])).toEqual([40, 40, 40]);
    expect(geometry.dockU).toBe(10);
  });

  it('costs each aisle the mean feet it adds to the tours of the SKU orders, by hand', () => {
    // P is on two orders with Q (stored in aisle 3) and on one alone.
    // With Q: aisle 3 is entered already (0); aisles 1 and 2 lie inside the span: +40 each.
    // Alone: aisle 1 = 40, aisle 2 = 40 + 2 × 10 across, aisle 3 = 40 + 2 × 20 across.
    const orders = [['P', 'Q'], ['P', 'Q'], ['P']];
    const cost = tourCostByAisle(state, geometry, 'P', orders, indexOrdersBySku(orders), (sku) => primaryAisle(state, sku));
    expect(cost).not.toBeNull();
    expect(cost![id(1)]).toBeCloseTo(40, 9);
    expect(cost![id(2)]).toBeCloseTo(140 / 3, 9);
    expect(cost![id(3)]).toBeCloseTo(80 / 3, 9);
  });

  it('sums the walk across in one sweep to the same figures as order by order, on random layouts', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = mulberry32(seed);
      const aisleCount = 2 + Math.floor(rand() * 12);
      const xs = Array.from({ length: aisleCount }, () => Math.round(rand() * 300));
      const skus = Array.from({ length: 10 }, (_, i) => `S${i}`);
      const locs = xs.flatMap((x, a) => [10, 10 + Math.round(20 + rand() * 80)].map((y, k) => ({ ...bin(a + 1, y, rand() < 0.3 ? [skus[Math.floor(rand() * 10)]] : []), id: `B${a}-${k}`, code: `B${a}-${k}`, x })));
      const dock = { x: Math.round(rand() * 300), y: 0 };
      const s = buildState(locs, { ...context(), dock }, 0.95);
      const g = buildAisleGeometry(s, dock);
      const orders = Array.from({ length: 25 }, () => skus.filter(() => rand() < 0.3).concat('P'));
      const primary = (sku: string) => primaryAisle(s, sku);
      const cost = tourCostByAisle(s, g, 'P', orders, indexOrdersBySku(orders), primary)!;
      const mine = indexOrdersBySku(orders).get('P')!;
      for (const a of g.aisles) {
        let expected = 0;
        for (const o of mine) {
          const entered = orders[o].filter((x) => x !== 'P').map(primary).filter((x) => x >= 0);
          if (entered.includes(a)) continue;
          const us = entered.map((x) => g.u[x]);
          const lo = Math.min(g.dockU, ...us);
          const hi = Math.max(g.dockU, ...us);
          expected += g.length[a] + 2 * Math.max(0, g.u[a] - hi) + 2 * Math.max(0, lo - g.u[a]);
        }
        expect(cost[a]).toBeCloseTo(expected / mine.length, 6);
      }
    }
  });

  it('ranks aisles lazily in the same order as a full sort, cheapest first, ties nearer the dock', () => {
    const rand = mulberry32(5);
    const locs = Array.from({ length: 40 }, (_, a) => ({ ...bin(a + 1, 10), x: 7 * a }));
    const s = buildState(locs, { ...context(), dock: { x: 140, y: 0 } }, 0.95);
    const orders = Array.from({ length: 30 }, () => ['P']);
    const ctx = buildTourContext(s, { x: 140, y: 0 }, orders)!;
    const tour = tourSearch(ctx, s, 'P', undefined)!;
    for (const a of ctx.geometry.aisles) tour.cost[a] = Math.floor(rand() * 5);
    const expected = [...ctx.geometry.aisles].sort((p, q) => tour.cost[p] - tour.cost[q] || Math.abs(ctx.geometry.u[p] - 140) - Math.abs(ctx.geometry.u[q] - 140) || p - q);
    expect(expected.map((_, r) => aisleAtRank(tour, r))).toEqual(expected);
    expect(aisleAtRank(tour, expected.length)).toBe(-1);
  });

  it('has no cost for a SKU without a recent order', () => {
    expect(tourCostByAisle(state, geometry, 'P', [['Q']], indexOrdersBySku([['Q']]), () => -1)).toBeNull();
  });

  it('takes the aisle holding most of a SKU bins as its primary aisle', () => {
    const s = buildState([bin(1, 10, ['S']), bin(2, 10, ['S']), bin(2, 30, ['S'])], context(), 0.95);
    expect(primaryAisle(s, 'S')).toBe(s.aisleId[1]);
    expect(primaryAisle(s, 'NONE')).toBe(-1);
  });

  it('keeps only the most recent orders of each SKU, oldest first', () => {
    const orders = Array.from({ length: RECENT_ORDERS_PER_SKU + 5 }, (_, i) => (i === 0 ? ['X', 'Y'] : ['X']));
    const index = indexOrdersBySku(orders);
    expect(index.get('X')).toHaveLength(RECENT_ORDERS_PER_SKU);
    expect(index.get('X')![0]).toBe(5);
    expect(index.get('X')!.at(-1)).toBe(RECENT_ORDERS_PER_SKU + 4);
    expect(index.get('Y')).toEqual([0]);
  });
});

describe('optimizePutaway with recent orders', () => {
  const item: PutawayItem = { sku: 'P', quantity: 1, lengthIn: 12, widthIn: 12, heightIn: 12, unitWeightLbs: 5, abc: 'A' };
  const orders = [['P', 'Q'], ['P', 'Q'], ['P', 'Q'], ['P']];
  const aisleOf = (recentOrders: string[][] | undefined, affinity = true) =>
    optimizePutaway({ items: [item], locations, context: context(recentOrders), config: { flags: { SKU_AFFINITY_ENABLED: affinity } } }).recommendations[0].locationCode.split('-')[0];

  it('puts a SKU in the far aisle its co-picked SKU is in, where its orders already walk', () => {
    expect(aisleOf(orders)).toBe('A3');
  });

  it('does not follow a SKU that shares its orders only by chance (lift under 2)', () => {
    const chance = optimizePutaway({ items: [item], locations, context: context(orders, 1.2) }).recommendations[0];
    expect(chance.locationCode.startsWith('A1')).toBe(true);
  });

  it('puts it in the aisle nearest the dock without recent orders or with SKU affinity off', () => {
    expect(aisleOf(undefined)).toBe('A1');
    expect(aisleOf(orders, false)).toBe('A1');
  });

  it('lets the SKU on more recent orders take the best bin first within its class', () => {
    const line = (sku: string): PutawayItem => ({ ...item, sku, quantity: 8 });
    const often = [['OFTEN'], ['OFTEN'], ['OFTEN'], ['RARE']];
    const placed = (recentOrders?: string[][]) =>
      optimizePutaway({ items: [line('RARE'), line('OFTEN')], locations, context: context(recentOrders) }).recommendations.find((r) => r.sku === 'OFTEN')?.locationCode;
    // 8 units of 1 ft³ fill a 10 ft³ bin to 80%: the nearest bin takes one line only
    expect(placed(often)).toBe('A1-10');
    expect(placed(undefined)).not.toBe('A1-10');
  });

  it('refuses malformed recent orders naming the field', () => {
    expect(() => optimizePutaway({ items: [item], locations, context: { ...context(), recentOrders: [['P', '']] } })).toThrow('context.recentOrders[0][1]');
  });
});

import { describe, expect, it } from 'vitest';
import { AISLE_DEPTH_WEIGHT, aisleTravelCost } from './aisles';
import { optimizePutaway } from './optimize-putaway';
import type { CandidateLocation } from './types';

const bin = (code: string, zone: string, aisle: string, x: number, y: number): CandidateLocation => ({
  id: code,
  code,
  zone,
  aisle,
  bay: code,
  level: 1,
  x,
  y,
  type: 'RESERVE',
  cubicFeet: 10,
  maxWeightLbs: 100,
  insideInches: { l: 30, w: 30, h: 30 },
  usedCubicFeet: 0,
  usedWeightLbs: 0,
  skus: [],
  lots: [],
  allowMixing: true,
  isActive: true,
});

/** Two aisles along y (x = 10 and x = 22), 10..90 ft deep, dock at the origin. */
const block = [bin('A1', 'Z', '1', 10, 10), bin('A9', 'Z', '1', 10, 90), bin('B1', 'Z', '2', 22, 10), bin('B9', 'Z', '2', 22, 90)];

describe('aisleTravelCost', () => {
  it('charges the walk to the aisle entry in full and the depth along the aisle at a small weight', () => {
    const cost = aisleTravelCost(block, { x: 0, y: 0 });
    expect(cost[0]).toBeCloseTo(10 + 10, 9);
    expect(cost[1]).toBeCloseTo(10 + 10 + AISLE_DEPTH_WEIGHT * 80, 9);
    expect(cost[2]).toBeCloseTo(22 + 10, 9);
  });

  it('ranks the back of the nearest aisle before the front of the next one', () => {
    const cost = aisleTravelCost(block, { x: 0, y: 0 });
    expect(cost[1]).toBeLessThan(cost[2]);
  });

  it('enters an aisle from whichever end is nearer the dock', () => {
    const cost = aisleTravelCost(block, { x: 0, y: 100 });
    expect(cost[1]).toBeCloseTo(10 + 10, 9);
    expect(cost[0]).toBeCloseTo(10 + 10 + AISLE_DEPTH_WEIGHT * 80, 9);
  });

  it('infers aisles running along x the same way', () => {
    const turned = block.map((l) => ({ ...l, x: l.y, y: l.x }));
    expect([...aisleTravelCost(turned, { x: 0, y: 0 })]).toEqual([...aisleTravelCost(block, { x: 0, y: 0 })]);
  });

  it('keeps aisles of different zones apart even when their names repeat', () => {
    const twoZones = [bin('P1', 'P', '1', 10, 10), bin('P9', 'P', '1', 10, 90), bin('Q1', 'Q', '1', 200, 10), bin('Q9', 'Q', '1', 200, 90)];
    const cost = aisleTravelCost(twoZones, { x: 0, y: 0 });
    expect(cost[0]).toBeCloseTo(20, 9);
    expect(cost[2]).toBeCloseTo(210, 9);
  });

  it('falls back to the rectilinear distance when nothing looks like an aisle', () => {
    const points = [bin('S1', 'S', 'S', 5, 3), bin('S2', 'T', 'T', 40, 7)];
    expect([...aisleTravelCost(points, { x: 1, y: 1 })]).toEqual([4 + 2, 39 + 6]);
  });
});

describe('optimizePutaway with the aisle-aware travel cost', () => {
  it('fills the back of the aisle it is in before opening the next aisle', () => {
    const locations = block.map((l) => (l.code === 'A1' ? { ...l, usedCubicFeet: 9.5, skus: ['OTHER'] } : l));
    const result = optimizePutaway({
      items: [{ sku: 'INK', quantity: 6, lengthIn: 12, widthIn: 12, heightIn: 12, unitWeightLbs: 5, abc: 'A' }],
      locations,
      context: { dock: { x: 0, y: 0 }, affinity: [], openPickTasksByAisle: {}, openDemand: [], now: 0, seed: 1 },
    });
    expect(result.recommendations[0].locationCode).toBe('A9');
    expect(result.recommendations[0].distanceFt).toBe(100);
  });
});

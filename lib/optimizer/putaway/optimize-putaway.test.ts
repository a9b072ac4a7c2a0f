import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { optimizePutaway, type OptimizePutawayInput } from './optimize-putaway';
import { syntheticWarehouse } from './synthetic';
import { fitsInside, unitCubicFeet } from './geometry';
import { mulberry32 } from '../prng';
import { OptimizerInputError } from '../errors';
import type { CandidateLocation, PutawayItem } from './types';
import type { PackingAlgorithm } from '../packing/pack-vectors';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

/** A small random warehouse with hazard, temperature, inactive and invalid bins mixed in. */
function warehouse(seed: number, locations: number, lines: number, units: number) {
  const w = syntheticWarehouse({ locations, lines, unitsPerLine: units, seed, stagingShare: 0.05 });
  const r = mulberry32(seed ^ 0x5bd1e995);
  const locs: CandidateLocation[] = w.locations.map((l) => {
    const x = r();
    if (x < 0.05) return { ...l, cubicFeet: 0 };
    if (x < 0.08) return { ...l, maxWeightLbs: -1 };
    if (x < 0.15) return { ...l, allowedHazardClasses: ['3'] };
    if (x < 0.2) return { ...l, temperatureClass: 'FROZEN' };
    if (x < 0.23) return { ...l, usedCubicFeet: l.cubicFeet * 0.99 };
    return l;
  });
  const items: PutawayItem[] = w.items.map((it) => {
    const x = r();
    if (x < 0.1) return { ...it, hazardClass: '3' };
    if (x < 0.15) return { ...it, temperatureClass: 'FROZEN' };
    if (x < 0.18) return { ...it, lengthIn: 200 };
    if (x < 0.2) return { ...it, unitWeightLbs: 400 };
    return it;
  });
  return { ...w, items, locations: locs };
}

function checkInvariants(input: OptimizePutawayInput, hardCap = 0.95): void {
  const res = optimizePutaway(input);
  const { items, locations } = input;
  const placed = new Array<number>(items.length).fill(0);
  const byId = new Map(locations.map((l, i) => [l.id, i]));
  const addCf = new Map<number, number>();
  const addLbs = new Map<number, number>();
  const skusIn = new Map<number, Set<string>>();
  for (const rec of res.recommendations) {
    const it = items[rec.itemIndex];
    expect(rec.sku).toBe(it.sku);
    expect(rec.quantity).toBeGreaterThan(0);
    placed[rec.itemIndex] += rec.quantity;
    const b = byId.get(rec.locationId)!;
    const l = locations[b];
    expect(l.isActive).toBe(true);
    expect(l.cubicFeet).toBeGreaterThan(0);
    expect(l.maxWeightLbs).toBeGreaterThan(0);
    if (rec.crossDock) expect(['STAGING', 'DOCK']).toContain(l.type);
    else expect(['PICK_FACE', 'RESERVE', 'BULK']).toContain(l.type);
    expect(fitsInside(it, l.insideInches)).toBe(true);
    if (it.hazardClass) expect(l.allowedHazardClasses ?? []).toContain(it.hazardClass);
    expect(it.temperatureClass ?? 'AMBIENT').toBe(l.temperatureClass ?? 'AMBIENT');
    addCf.set(b, (addCf.get(b) ?? 0) + rec.quantity * unitCubicFeet(it.lengthIn, it.widthIn, it.heightIn));
    addLbs.set(b, (addLbs.get(b) ?? 0) + rec.quantity * it.unitWeightLbs);
    if (!skusIn.has(b)) skusIn.set(b, new Set(l.skus));
    skusIn.get(b)!.add(it.sku);
    expect(rec.confidence).toBeGreaterThanOrEqual(0);
    expect(rec.confidence).toBeLessThanOrEqual(1);
    expect(rec.fillAfter).toBeGreaterThanOrEqual(rec.fillBefore);
  }
  for (const [b, cf] of addCf) {
    const l = locations[b];
    expect(l.usedCubicFeet + cf).toBeLessThanOrEqual(hardCap * l.cubicFeet + 1e-6);
    expect(l.usedWeightLbs + addLbs.get(b)!).toBeLessThanOrEqual(hardCap * l.maxWeightLbs + 1e-6);
    if (!l.allowMixing) expect(skusIn.get(b)!.size).toBeLessThanOrEqual(Math.max(1, new Set(l.skus).size));
  }
  for (const u of res.unplaceable) placed[u.itemIndex] += u.quantity;
  items.forEach((it, i) => expect(placed[i]).toBe(it.quantity));
}

const ALGS: PackingAlgorithm[] = ['FFD', 'BFD', 'HYBRID'];

describe('optimizePutaway', () => {
  it('places every unit exactly once or reports it unplaceable, and never breaks a hard constraint', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(...ALGS),
        fc.boolean(),
        (seed, locations, lines, units, algorithm, crossDock) => {
          const w = warehouse(seed, locations, lines, units);
          checkInvariants({ ...w, config: { algorithm, flags: { CROSS_DOCK_ENABLED: crossDock } } });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never places an item into an inactive bin or one with invalid capacity', () => {
    const w = warehouse(3, 60, 5, 5);
    const locations = w.locations.map((l, i) => (i % 2 ? { ...l, isActive: false } : { ...l, cubicFeet: i % 4 === 0 ? 0 : l.cubicFeet }));
    const res = optimizePutaway({ ...w, locations });
    const bad = new Set(locations.filter((l) => !l.isActive || l.cubicFeet <= 0).map((l) => l.id));
    for (const r of res.recommendations) expect(bad.has(r.locationId)).toBe(false);
  });

  it('does not mutate deeply frozen inputs and gives the same output for the same input', () => {
    const w = deepFreeze(warehouse(11, 300, 20, 8));
    const a = optimizePutaway({ ...w, clock: () => 0 });
    const b = optimizePutaway({ ...w, clock: () => 0 });
    expect(a).toEqual(b);
  });

  it('routes units with demand due within the horizon to staging, with the order reference', () => {
    const w = syntheticWarehouse({ locations: 200, lines: 3, unitsPerLine: 10, seed: 5 });
    const now = w.context.now;
    const context = {
      ...w.context,
      openDemand: [
        { sku: w.items[0].sku, quantity: 4, dueAt: now + 2 * 3_600_000, orderRef: 'SO-1' },
        { sku: w.items[1].sku, quantity: 5, dueAt: now + 48 * 3_600_000, orderRef: 'SO-LATE' },
      ],
    };
    const res = optimizePutaway({ ...w, items: w.items.map((it) => ({ ...it, hazardClass: undefined })), context });
    const cross = res.recommendations.filter((r) => r.crossDock);
    expect(cross.reduce((s, r) => s + r.quantity, 0)).toBe(4);
    expect(cross.every((r) => r.crossDock!.orderRef === 'SO-1' && r.reason.includes('SO-1'))).toBe(true);
    expect(res.stats.crossDockUnits).toBe(4);
    const off = optimizePutaway({ ...w, context, config: { flags: { CROSS_DOCK_ENABLED: false } } });
    expect(off.recommendations.some((r) => r.crossDock)).toBe(false);
  });

  it('sends A-class units nearer to the dock than C-class units', () => {
    const w = syntheticWarehouse({ locations: 2000, lines: 40, unitsPerLine: 2, seed: 8 });
    const items = w.items.map((it, i) => ({ ...it, abc: (i % 2 ? 'A' : 'C') as 'A' | 'C' }));
    const res = optimizePutaway({ ...w, items, context: { ...w.context, openDemand: [] } });
    const avg = (abc: string) => {
      const rs = res.recommendations.filter((r) => items[r.itemIndex].abc === abc);
      return rs.reduce((s, r) => s + r.distanceFt, 0) / rs.length;
    };
    expect(avg('A')).toBeLessThan(avg('C'));
  });

  it('explains each placement with a breakdown that sums to the score, alternatives and a reason', () => {
    const w = syntheticWarehouse({ locations: 500, lines: 5, unitsPerLine: 3, seed: 2 });
    const res = optimizePutaway(w);
    for (const r of res.recommendations) {
      const b = r.breakdown;
      expect(b.travel + b.utilization + b.affinity + b.congestion + b.consolidation).toBeCloseTo(r.score, 4);
      expect(r.reason).toMatch(/ft from dock/);
      for (const a of r.alternatives) expect(a.locationId).not.toBe(r.locationId);
    }
  });

  it('zeroes the affinity and congestion components when their flags are off', () => {
    const w = syntheticWarehouse({ locations: 500, lines: 10, unitsPerLine: 3, seed: 4 });
    const res = optimizePutaway({ ...w, config: { flags: { SKU_AFFINITY_ENABLED: false, CONGESTION_AVOIDANCE_ENABLED: false } } });
    for (const r of res.recommendations) {
      expect(r.breakdown.affinity).toBe(0);
      expect(r.breakdown.congestion).toBe(0);
    }
  });

  it('uses the ML model for confidence only when ML_MODEL_ENABLED is on', () => {
    const w = syntheticWarehouse({ locations: 300, lines: 3, unitsPerLine: 2, seed: 6 });
    const model = { version: 'test-1', predict: () => 0.42 };
    const on = optimizePutaway({ ...w, confidenceModel: model, config: { flags: { ML_MODEL_ENABLED: true } } });
    expect(on.recommendations.every((r) => r.confidence === 0.42 && r.confidenceSource === 'ml')).toBe(true);
    const off = optimizePutaway({ ...w, confidenceModel: model });
    expect(off.recommendations.every((r) => r.confidenceSource === 'heuristic')).toBe(true);
  });

  it('reports units that fit nowhere with a reason code instead of forcing them', () => {
    const w = syntheticWarehouse({ locations: 100, lines: 1, unitsPerLine: 3, seed: 1 });
    const items = [{ ...w.items[0], lengthIn: 500 }];
    const res = optimizePutaway({ ...w, items });
    expect(res.recommendations).toHaveLength(0);
    expect(res.unplaceable).toEqual([expect.objectContaining({ itemIndex: 0, quantity: 3, code: 'DOES_NOT_FIT' })]);
  });

  it('throws a typed error naming the field for bad input', () => {
    const w = syntheticWarehouse({ locations: 10, lines: 2, unitsPerLine: 1, seed: 1 });
    const cases: [Partial<OptimizePutawayInput>, string][] = [
      [{ items: [] }, 'items'],
      [{ locations: [] }, 'locations'],
      [{ items: [w.items[0], { ...w.items[1], quantity: -1 }] }, 'items[1].quantity'],
      [{ items: [{ ...w.items[0], widthIn: Number.NaN }] }, 'items[0].widthIn'],
      [{ items: [{ ...w.items[0], unitWeightLbs: Number.POSITIVE_INFINITY }] }, 'items[0].unitWeightLbs'],
      [{ locations: [{ ...w.locations[0], usedCubicFeet: -3 }] }, 'locations[0].usedCubicFeet'],
      [{ context: { ...w.context, now: Number.NaN } }, 'context.now'],
      [{ config: { hardCap: 1.5 } }, 'config.hardCap'],
      [{ config: { targetBand: { min: 0.9, max: 0.8 } } }, 'config.targetBand.min'],
    ];
    for (const [patch, field] of cases) {
      try {
        optimizePutaway({ ...w, ...patch });
        expect.unreachable(field);
      } catch (e) {
        expect(e).toBeInstanceOf(OptimizerInputError);
        expect((e as OptimizerInputError).field).toBe(field);
      }
    }
  });

  it('handles 100,000 item lines without hanging, and rejects more with a typed error', { timeout: 60_000 }, () => {
    const w = syntheticWarehouse({ locations: 2000, lines: 100_000, unitsPerLine: 1, seed: 12 });
    const t = performance.now();
    const res = optimizePutaway({ ...w, config: { flags: { SKU_AFFINITY_ENABLED: false } } });
    expect(performance.now() - t).toBeLessThan(45_000);
    expect(res.stats.unitsPlaced + res.stats.unitsUnplaceable).toBe(100_000);
    expect(() => optimizePutaway({ ...w, items: [...w.items, w.items[0]] })).toThrow(/items must hold at most 100000/);
  });
});

describe('no-mixing bins after a failed line', () => {
  const bin = (code: string, y: number, sku: string, units: number): CandidateLocation => ({
    id: code, code, zone: 'R', aisle: '1', bay: code, level: 1, x: 0, y, type: 'RESERVE',
    cubicFeet: 10, maxWeightLbs: 1000, insideInches: { l: 30, w: 30, h: 30 },
    usedCubicFeet: units, usedWeightLbs: units, skus: [sku], lots: [], allowMixing: false, isActive: true,
  });
  const unit = (sku: string, quantity: number): PutawayItem => ({ sku, quantity, lengthIn: 12, widthIn: 12, heightIn: 12, unitWeightLbs: 1, abc: 'A' });

  it('still tops up the no-mixing bin that holds a later line’s own SKU after a same-size line found no room', () => {
    const res = optimizePutaway({
      // B's bin holds 9 of 10 cu ft (no room under the 95% cap); A's holds 5
      locations: [bin('R-0', 10, 'A', 5), bin('R-1', 15, 'B', 9)],
      items: [unit('B', 5), unit('A', 3)],
      context: { dock: { x: 0, y: 0 }, affinity: [], openPickTasksByAisle: {}, openDemand: [], now: 0, seed: 1 },
    });
    expect(res.unplaceable.map((u) => [u.sku, u.quantity])).toEqual([['B', 5]]);
    expect(res.recommendations.map((r) => [r.sku, r.locationCode, r.quantity])).toEqual([['A', 'R-0', 3]]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLayout, fittingLayout } from './layout';
import { optimizePutaway } from './optimize-putaway';
import { syntheticWarehouse } from './synthetic';
import type { OptimizerConfigInput } from './types';
import { fieldOf } from './test-errors';

const fixedClock = () => 0;

describe('buildLayout', () => {
  it('changes no recommendation: runs with a layout built for their bins equal runs without one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom<OptimizerConfigInput['algorithm']>('HYBRID', 'FFD', 'BFD'), (seed, algorithm) => {
        const w = syntheticWarehouse({ locations: 300, lines: 8, unitsPerLine: 6, seed, stagingShare: 0.05 });
        const config = { algorithm };
        const layout = buildLayout(w.locations, w.context.dock);
        const plain = optimizePutaway({ ...w, config, clock: fixedClock });
        // the same layout twice: it is read, never written, by a run
        const first = optimizePutaway({ ...w, config, clock: fixedClock, layout });
        const second = optimizePutaway({ ...w, config, clock: fixedClock, layout });
        expect(first).toEqual(plain);
        expect(second).toEqual(plain);
      }),
      { numRuns: 25, seed: 20261203 },
    );
  });

  it('is ignored for other bins or another dock, so a stale layout cannot steer a run', () => {
    const w = syntheticWarehouse({ locations: 200, lines: 5, unitsPerLine: 4, seed: 11 });
    const layout = buildLayout(w.locations, w.context.dock);
    const moved = { ...w.context, dock: { x: w.context.dock.x + 50, y: w.context.dock.y } };
    const copies = w.locations.map((l) => ({ ...l }));
    expect(fittingLayout({ ...w, layout })).toBe(layout);
    expect(fittingLayout({ ...w, context: moved, layout })).toBeUndefined();
    expect(fittingLayout({ ...w, locations: copies, layout })).toBeUndefined();
    expect(fittingLayout({ ...w, locations: w.locations.slice(1), layout })).toBeUndefined();
    expect(optimizePutaway({ ...w, context: moved, clock: fixedClock, layout })).toEqual(optimizePutaway({ ...w, context: moved, clock: fixedClock }));
  });

  it('refuses bins with invalid static fields or duplicate ids, naming the field', () => {
    const w = syntheticWarehouse({ locations: 5, lines: 1, unitsPerLine: 1, seed: 2 });
    expect(fieldOf(() => buildLayout(w.locations.map((l, i) => (i === 2 ? { ...l, type: 'ROOF' as never } : l)), w.context.dock))).toBe('locations[2].type');
    expect(fieldOf(() => buildLayout([w.locations[0]!, { ...w.locations[1]!, id: w.locations[0]!.id }], w.context.dock))).toBe('locations[1].id');
    expect(fieldOf(() => buildLayout([], w.context.dock))).toBe('locations');
  });

  it("still validates every bin's fill on each run that uses it", () => {
    const w = syntheticWarehouse({ locations: 5, lines: 1, unitsPerLine: 1, seed: 2 });
    const layout = buildLayout(w.locations, w.context.dock);
    // the same bin object, its fill now broken: the layout still fits, the fill is checked
    Object.assign(w.locations[3]!, { usedCubicFeet: Number.NaN });
    expect(fieldOf(() => optimizePutaway({ ...w, locations: w.locations, clock: fixedClock, layout }))).toBe('locations[3].usedCubicFeet');
  });
});

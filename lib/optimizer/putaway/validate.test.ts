import { describe, expect, it } from 'vitest';
import { validatePutawayInput } from './validate';
import { syntheticWarehouse } from './synthetic';
import { fieldOf } from './test-errors';

const base = syntheticWarehouse({ locations: 5, lines: 2, unitsPerLine: 2, seed: 1 });

describe('validatePutawayInput', () => {
  it('accepts a well-formed input', () => {
    expect(() => validatePutawayInput(base)).not.toThrow();
  });

  it('accepts bins with zero or negative capacity (they are excluded, not errors)', () => {
    const locations = base.locations.map((l, i) => (i === 0 ? { ...l, cubicFeet: 0, maxWeightLbs: -5 } : l));
    expect(() => validatePutawayInput({ ...base, locations })).not.toThrow();
  });

  it.each([
    ['items', { items: [] }],
    ['locations', { locations: [] }],
    ['items[0].quantity', { items: [{ ...base.items[0], quantity: 1.5 }] }],
    ['items[0].quantity', { items: [{ ...base.items[0], quantity: 0 }] }],
    ['items[0].lengthIn', { items: [{ ...base.items[0], lengthIn: 0 }] }],
    ['items[0].heightIn', { items: [{ ...base.items[0], heightIn: Number.POSITIVE_INFINITY }] }],
    ['items[0].abc', { items: [{ ...base.items[0], abc: 'D' }] }],
    ['items[0].sku', { items: [{ ...base.items[0], sku: '' }] }],
    ['locations[0].type', { locations: [{ ...base.locations[0], type: 'ROOF' }] }],
    ['locations[0].x', { locations: [{ ...base.locations[0], x: Number.NaN }] }],
    ['locations[0].cubicFeet', { locations: [{ ...base.locations[0], cubicFeet: Number.NaN }] }],
    ['locations[1].id', { locations: [base.locations[0], { ...base.locations[1], id: base.locations[0].id }] }],
    ['context.dock.x', { context: { ...base.context, dock: { x: Number.NaN, y: 0 } } }],
    ['context.affinity[0].lift', { context: { ...base.context, affinity: [{ skuA: 'a', skuB: 'b', lift: -1 }] } }],
    ['context.openDemand[0].dueAt', { context: { ...base.context, openDemand: [{ sku: 'a', quantity: 1, dueAt: Number.NaN, orderRef: 'SO' }] } }],
    ['context.openPickTasksByAisle.A1', { context: { ...base.context, openPickTasksByAisle: { A1: -2 } } }],
  ])('names %s for a bad value', (field, patch) => {
    expect(fieldOf(() => validatePutawayInput({ ...base, ...(patch as object) } as typeof base))).toBe(field);
  });
});

import { describe, expect, it } from 'vitest';
import { isUsable, staticRejection, unitsThatFit } from './eligibility';
import { DEFAULT_OPTIMIZER_CONFIG } from './config';
import { syntheticWarehouse } from './synthetic';

const w = syntheticWarehouse({ locations: 3, lines: 1, unitsPerLine: 1, seed: 2 });
const bin = { ...w.locations[1], type: 'RESERVE' as const, level: 2, allowMixing: true, insideInches: { l: 48, w: 40, h: 52 } };
const item = { ...w.items[0], lengthIn: 10, widthIn: 10, heightIn: 10, unitWeightLbs: 5 };
const cfg = DEFAULT_OPTIMIZER_CONFIG;

describe('isUsable', () => {
  it('rejects inactive bins and bins with zero, negative or infinite capacity', () => {
    expect(isUsable({ ...bin, isActive: true, cubicFeet: 10, maxWeightLbs: 10 })).toBe(true);
    expect(isUsable({ ...bin, isActive: false })).toBe(false);
    expect(isUsable({ ...bin, isActive: true, cubicFeet: 0 })).toBe(false);
    expect(isUsable({ ...bin, isActive: true, maxWeightLbs: -1 })).toBe(false);
    expect(isUsable({ ...bin, isActive: true, cubicFeet: Number.POSITIVE_INFINITY })).toBe(false);
  });
});

describe('staticRejection', () => {
  it('accepts a plain item in a plain bin', () => {
    expect(staticRejection(item, bin, [], cfg)).toBeNull();
  });

  it('requires the hazard class to be allowed by the bin', () => {
    expect(staticRejection({ ...item, hazardClass: '3' }, bin, [], cfg)).toBe('HAZARD_INCOMPATIBLE');
    expect(staticRejection({ ...item, hazardClass: '3' }, { ...bin, allowedHazardClasses: ['3'] }, [], cfg)).toBeNull();
  });

  it('requires equal temperature classes, absent meaning ambient', () => {
    expect(staticRejection({ ...item, temperatureClass: 'FROZEN' }, bin, [], cfg)).toBe('TEMPERATURE_INCOMPATIBLE');
    expect(staticRejection(item, { ...bin, temperatureClass: 'FROZEN' }, [], cfg)).toBe('TEMPERATURE_INCOMPATIBLE');
  });

  it('keeps heavy units off hand-picked shelving above the floor, and lets racks and lanes take them at any level', () => {
    const heavy = { ...item, unitWeightLbs: 200 };
    const shelf = { ...bin, type: 'PICK_FACE' as const };
    expect(staticRejection(heavy, shelf, [], cfg)).toBe('HEAVY_UNIT_RESTRICTED');
    expect(staticRejection(heavy, { ...shelf, level: 1 }, [], cfg)).toBeNull();
    expect(staticRejection({ ...item, unitWeightLbs: 150 }, shelf, [], cfg)).toBeNull();
    expect(staticRejection(heavy, bin, [], cfg)).toBeNull();
    expect(staticRejection(heavy, { ...bin, type: 'BULK', level: 3 }, [], cfg)).toBeNull();
  });

  it('lets a no-mixing bin take only the SKU it already holds', () => {
    const solo = { ...bin, allowMixing: false };
    expect(staticRejection(item, solo, ['OTHER'], cfg)).toBe('MIXING_NOT_ALLOWED');
    expect(staticRejection(item, solo, [item.sku], cfg)).toBeNull();
    expect(staticRejection(item, solo, [], cfg)).toBeNull();
  });

  it('rejects a unit that does not pass through the opening', () => {
    expect(staticRejection({ ...item, lengthIn: 60 }, bin, [], cfg)).toBe('DOES_NOT_FIT');
  });

  it('names the opening before the mixing rule when both are broken, as the engine names why units find no bin', () => {
    expect(staticRejection({ ...item, lengthIn: 60 }, { ...bin, allowMixing: false }, ['OTHER'], cfg)).toBe('DOES_NOT_FIT');
  });
});

describe('unitsThatFit', () => {
  it('is limited by whichever of volume and weight runs out first under the cap', () => {
    expect(unitsThatFit(10, 100, 0, 0, 1, 1, 0.95)).toBe(9);
    expect(unitsThatFit(10, 100, 0, 0, 1, 30, 0.95)).toBe(3);
    expect(unitsThatFit(10, 100, 9.9, 0, 1, 1, 0.95)).toBe(0);
  });
});

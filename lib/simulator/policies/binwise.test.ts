import { describe, expect, it } from 'vitest';
import { MAX_UNITS_PER_LINE } from '../../optimizer';
import { prepareScenario } from '../prepare';
import { replay } from '../replay';
import { parseScenario, type Scenario } from '../scenario';
import { binwisePolicy } from './binwise';
import { DEFAULT_FLAGS } from './names';
import { resolvePolicies } from './registry';
import type { Policy } from './types';

/** One aisle of 10 bins, codes running away from the dock, plus one staging lane at the dock. */
function aisle(events: Scenario['events']): Scenario {
  return parseScenario({
    name: 'aisle',
    dock: { x: 0, y: 0 },
    locations: [
      ...Array.from({ length: 10 }, (_, index) => ({
        code: `R-${String(10 - index).padStart(2, '0')}`,
        zone: 'R',
        aisle: '1',
        bay: index + 1,
        level: 1,
        x: 0,
        y: 10 * (index + 1),
        type: 'RESERVE',
        cubicFeet: 10,
        maxWeightLbs: 1000,
        insideInches: { l: 30, w: 30, h: 30 },
      })),
      { code: 'ST-1', zone: 'S', aisle: 'S', bay: 1, level: 1, x: 1, y: 2, type: 'STAGING', cubicFeet: 100, maxWeightLbs: 5000, insideInches: { l: 60, w: 60, h: 60 } },
    ],
    materials: [
      { sku: 'FAST', lengthIn: 12, widthIn: 12, heightIn: 12, weightLbs: 5, abc: 'A' },
      { sku: 'SLOW', lengthIn: 12, widthIn: 12, heightIn: 12, weightLbs: 5, abc: 'C' },
    ],
    events,
  });
}

describe('binwise policy (the engine inside the replay)', () => {
  it('puts an A item nearer the dock than first fit by code does', () => {
    const scenario = prepareScenario(aisle([{ day: 0, kind: 'receipt', sku: 'FAST', quantity: 6 }, { day: 1, kind: 'order', id: 'SO-1', lines: [{ sku: 'FAST', quantity: 1 }] }]));
    const [firstFit, binwise] = resolvePolicies(['first-fit-by-code', 'binwise']).map((policy) => replay(scenario, policy));
    expect(binwise.unitsNotPlaced).toBe(0);
    expect(binwise.pickTravel).toBeLessThan(firstFit.pickTravel);
  });

  it('runs with the capacity rules it is given: a 100% cap lets a full receipt in that the default 95% cap leaves partly outside', () => {
    // ten 10 ft³ bins and 100 units of 1 ft³: 9 fit a bin under a 95% cap, 10 under a 100% cap
    const scenario = prepareScenario(aisle([{ day: 0, kind: 'receipt', sku: 'SLOW', quantity: 100 }]));
    const [standard] = resolvePolicies(['binwise']).map((policy) => replay(scenario, policy));
    const [full] = resolvePolicies(['binwise'], DEFAULT_FLAGS, { targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 1 }).map((policy) => replay(scenario, policy));
    expect(standard.capacity).toEqual({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 0.95 });
    expect(standard.unitsNotPlaced).toBe(10);
    expect(standard.notPlacedByReason).toEqual({ NO_CAPACITY: 10 });
    expect(full.capacity?.hardCap).toBe(1);
    expect(full.unitsNotPlaced).toBe(0);
  });

  it('refuses capacity rules the engine would refuse, naming the field, before any replay', () => {
    expect(() => resolvePolicies(['binwise'], DEFAULT_FLAGS, { targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 1.2 })).toThrow(expect.objectContaining({ field: 'config.hardCap' }));
    expect(() => resolvePolicies(['binwise'], DEFAULT_FLAGS, { targetBandMin: 0.9, targetBandMax: 0.85, hardCap: 0.95 })).toThrow(expect.objectContaining({ field: 'config.targetBand.min' }));
    // the baselines have no capacity rules and are not affected
    expect(resolvePolicies(['first-fit-by-code'], DEFAULT_FLAGS, { targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 1 })[0].capacity).toBeUndefined();
  });

  it('with slotted day-0 stock each policy puts the day-0 lots away itself: binwise brings a fast mover stored at the far end to the dock', () => {
    // the day-0 lot of FAST sits in the farthest bin (R-01 is 100 ft in); FIFO picks it on days 1–3
    const base = aisle([1, 2, 3].map((day) => ({ day, kind: 'order' as const, id: `SO-${day}`, lines: [{ sku: 'FAST', quantity: 2 }] })));
    const scenario = { ...base, initialLots: [{ sku: 'FAST', locationCode: 'R-01', quantity: 6 }] };
    const [asIs] = resolvePolicies(['binwise']).map((policy) => replay(prepareScenario(scenario), policy));
    const [slotted] = resolvePolicies(['binwise']).map((policy) => replay(prepareScenario(scenario, { dayZeroStock: 'slotted' }), policy));
    expect(asIs.pickTravel).toBe(3 * 2 * 100);
    expect(asIs.startStockPickShare.firstHalf).toBe(1);
    expect(slotted.unitsReceived).toBe(6);
    expect(slotted.unitsNotPlaced).toBe(0);
    expect(slotted.startStockPickShare.firstHalf).toBe(0);
    expect(slotted.pickTravel).toBeLessThan(asIs.pickTravel / 2);
    // the scenario itself is not changed
    expect(scenario.initialLots).toHaveLength(1);
  });

  it('keeps bins inside the 60–85% band when it can', () => {
    const scenario = prepareScenario(aisle([{ day: 0, kind: 'receipt', sku: 'SLOW', quantity: 16 }]));
    const result = replay(scenario, binwisePolicy('binwise', DEFAULT_FLAGS));
    expect(result.unitsNotPlaced).toBe(0);
    expect(result.bandShareEnd).toBe(1);
  });

  it('cross-docks a rush order to staging, and not when cross-dock is switched off', () => {
    const events: Scenario['events'] = [
      { day: 0, kind: 'order', id: 'RUSH', due: 0, lines: [{ sku: 'SLOW', quantity: 2 }] },
      { day: 0, kind: 'receipt', sku: 'SLOW', quantity: 5 },
    ];
    const scenario = prepareScenario(aisle(events));
    const [withCrossDock, without] = resolvePolicies(['binwise', 'binwise-no-cross-dock']).map((policy) => replay(scenario, policy));
    expect(withCrossDock.crossDockHits).toBe(1);
    expect(without.crossDockHits).toBe(0);
    expect(withCrossDock.pickTravel).toBeLessThan(without.pickTravel);
    expect(withCrossDock.unitsNotPlaced).toBe(0);
  });

  it('puts away a receipt larger than the engine takes on one line (over a million washers)', () => {
    const scenario = prepareScenario(
      parseScenario({
        dock: { x: 0, y: 0 },
        locations: [{ code: 'BULK-1', zone: 'B', aisle: '1', bay: 1, level: 0, x: 0, y: 10, type: 'BULK', cubicFeet: 2000, maxWeightLbs: 100000, insideInches: { l: 120, w: 96, h: 72 } }],
        materials: [{ sku: 'WASHER', lengthIn: 1, widthIn: 1, heightIn: 0.1, weightLbs: 0.01 }],
        events: [{ day: 0, kind: 'receipt', sku: 'WASHER', quantity: MAX_UNITS_PER_LINE + 500_000 }],
      }),
    );
    const result = replay(scenario, binwisePolicy('binwise', DEFAULT_FLAGS));
    expect(result.unitsReceived).toBe(MAX_UNITS_PER_LINE + 500_000);
    expect(result.unitsNotPlaced).toBe(0);
  });

  it('leaves a receipt unplaced, without failing, when the warehouse has nothing but dock doors', () => {
    const scenario = prepareScenario(
      parseScenario({
        dock: { x: 0, y: 0 },
        locations: [{ code: 'DOOR-1', zone: 'D', aisle: 'D', bay: 1, level: 1, x: 0, y: 0, type: 'DOCK', cubicFeet: 100, maxWeightLbs: 1000, insideInches: { l: 60, w: 60, h: 60 } }],
        materials: [{ sku: 'BOX', lengthIn: 10, widthIn: 10, heightIn: 10, weightLbs: 5 }],
        events: [{ day: 0, kind: 'receipt', sku: 'BOX', quantity: 4 }],
      }),
    );
    const result = replay(scenario, binwisePolicy('binwise', DEFAULT_FLAGS));
    expect(result.unitsNotPlaced).toBe(4);
    expect(result.notPlacedByReason).toEqual({ NO_ELIGIBLE_LOCATION: 4 });
  });

  it('counts the units the replay did not take into the engine\'s bins apart, as REPLAY_REFUSED', () => {
    const scenario = prepareScenario(aisle([{ day: 0, kind: 'receipt', sku: 'SLOW', quantity: 6 }]));
    const binwise = binwisePolicy('binwise', DEFAULT_FLAGS);
    // a replay that takes one unit per recommendation, whatever the engine asked for
    const stingy: Policy = { name: 'binwise', putaway: (input) => binwise.putaway({ ...input, place: (sku, bin, quantity, options) => input.place(sku, bin, Math.min(1, quantity), options) }) };
    const result = replay(scenario, stingy);
    expect(result.unitsNotPlaced).toBeGreaterThan(0);
    expect(result.notPlacedByReason).toEqual({ REPLAY_REFUSED: result.unitsNotPlaced });
  });

  it('names the ablation variants and refuses an unknown policy', () => {
    expect(resolvePolicies(['binwise-no-affinity', 'binwise-no-congestion']).map((policy) => policy.name)).toEqual(['binwise-no-affinity', 'binwise-no-congestion']);
    expect(() => resolvePolicies(['greedy'])).toThrow('unknown policy "greedy"');
  });
});

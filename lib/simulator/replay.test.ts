import { describe, expect, it } from 'vitest';
import { prepareScenario } from './prepare';
import { replay } from './replay';
import { firstFitByCode } from './policies/first-fit-by-code';
import type { Policy } from './policies/types';
import { parseScenario } from './scenario';
import { tinyScenario } from './test-fixtures';

describe('replay', () => {
  it('picks FIFO by lot: the oldest lot first, wherever it is', () => {
    const scenario = parseScenario({
      ...tinyScenario(),
      initialLots: [{ sku: 'INK-1', locationCode: 'B-02', quantity: 2 }],
    });
    // The day-0 receipt goes to B-01 (first by code) but the order takes the older lot in B-02 (y = 30).
    const result = replay(prepareScenario(scenario), firstFitByCode);
    expect(result.days[0].pickTravel).toBe(60);
    expect(result.unitsShort).toBe(0);
  });

  it('reports the share of picked units that came from the day-0 stock, per half of the days', () => {
    const scenario = parseScenario({
      ...tinyScenario(),
      initialLots: [{ sku: 'INK-1', locationCode: 'B-02', quantity: 2 }],
      events: [
        { day: 0, kind: 'receipt', sku: 'INK-1', quantity: 4 },
        { day: 0, kind: 'order', id: 'SO-1', lines: [{ sku: 'INK-1', quantity: 3 }] },
        { day: 1, kind: 'order', id: 'SO-2', lines: [{ sku: 'INK-1', quantity: 1 }] },
      ],
    });
    const result = replay(prepareScenario(scenario), firstFitByCode);
    // Day 0 (first half) takes both day-0 units and one received unit; day 1 only a received one.
    expect(result.days.map((day) => [day.unitsPicked, day.unitsPickedFromStart])).toEqual([
      [3, 2],
      [1, 0],
    ]);
    expect(result.startStockPickShare.firstHalf).toBeCloseTo(2 / 3, 12);
    expect(result.startStockPickShare.secondHalf).toBe(0);
  });

  it('records a short pick when stock is missing', () => {
    const scenario = parseScenario({ ...tinyScenario(), events: [{ day: 0, kind: 'order', id: 'SO-1', lines: [{ sku: 'INK-1', quantity: 5 }] }] });
    const result = replay(prepareScenario(scenario), firstFitByCode);
    expect(result.unitsShort).toBe(5);
    expect(result.pickTravel).toBe(0);
  });

  it('lets a policy cross-dock only what a due order is short of, and picks it from staging', () => {
    const base = tinyScenario();
    const scenario = parseScenario({
      ...base,
      locations: [...base.locations, { code: 'ST-1', zone: 'S', aisle: 'S', bay: 1, level: 1, x: 0, y: 2, type: 'STAGING', cubicFeet: 100, maxWeightLbs: 9000, insideInches: { l: 60, w: 60, h: 60 } }],
    });
    const stager: Policy = {
      name: 'stager',
      putaway(input) {
        for (const need of input.crossDockNeeds) input.place(need.sku, input.stagingBins[0], 99, { crossDock: true, orderRef: need.orderRef });
        // The rest goes to storage; staging more than the need is refused.
        expect(input.place('INK-1', input.stagingBins[0], 1, { crossDock: true, orderRef: 'SO-1' })).toBe(0);
        input.place('INK-1', input.binsByCode[0], 2);
      },
    };
    const result = replay(prepareScenario(scenario), stager);
    expect(result.crossDockHits).toBe(1);
    expect(result.unitsNotPlaced).toBe(0);
    // Staging sits 2 ft from the dock: the whole order walks 2 × 2 ft.
    expect(result.pickTravel).toBe(4);
  });

  it('keeps orders that share an id apart: each gets the units staged for it', () => {
    // Exports often restart order numbers every day; two open orders called "7" need 2 and 3 units.
    const base = tinyScenario();
    const scenario = parseScenario({
      ...base,
      locations: [...base.locations, { code: 'ST-1', zone: 'S', aisle: 'S', bay: 1, level: 1, x: 0, y: 2, type: 'STAGING', cubicFeet: 100, maxWeightLbs: 9000, insideInches: { l: 60, w: 60, h: 60 } }],
      events: [
        { day: 0, kind: 'order', id: 7, due: 0, lines: [{ sku: 'INK-1', quantity: 2 }] },
        { day: 0, kind: 'order', id: 7, due: 1, lines: [{ sku: 'INK-1', quantity: 3 }] },
        { day: 0, kind: 'receipt', sku: 'INK-1', quantity: 5 },
      ],
    });
    const staged: number[] = [];
    const stager: Policy = {
      name: 'stager',
      putaway(input) {
        for (const need of input.crossDockNeeds) staged.push(input.place(need.sku, input.stagingBins[0], need.quantity, { crossDock: true, orderRef: need.orderRef }));
      },
    };
    const result = replay(prepareScenario(scenario), stager);
    expect(staged).toEqual([2, 3]);
    expect(result.unitsNotPlaced).toBe(0);
    expect(result.unitsShort).toBe(0);
    expect(result.crossDockHits).toBe(2);
  });

  it('stages for an order that names one sku on two lines what both lines are short of', () => {
    const base = tinyScenario();
    const scenario = parseScenario({
      ...base,
      locations: [...base.locations, { code: 'ST-1', zone: 'S', aisle: 'S', bay: 1, level: 1, x: 0, y: 2, type: 'STAGING', cubicFeet: 100, maxWeightLbs: 9000, insideInches: { l: 60, w: 60, h: 60 } }],
      events: [
        { day: 0, kind: 'order', id: 'SO-9', due: 1, lines: [{ sku: 'INK-1', quantity: 2 }, { sku: 'INK-1', quantity: 3 }] },
        { day: 0, kind: 'receipt', sku: 'INK-1', quantity: 5 },
      ],
    });
    let staged = 0;
    const stager: Policy = {
      name: 'stager',
      putaway(input) {
        for (const need of input.crossDockNeeds) staged += input.place(need.sku, input.stagingBins[0], need.quantity, { crossDock: true, orderRef: need.orderRef });
      },
    };
    const result = replay(prepareScenario(scenario), stager);
    expect(staged).toBe(5);
    expect(result.unitsNotPlaced).toBe(0);
    expect(result.unitsShort).toBe(0);
  });

  it('measures bins in the 60–85% band among occupied storage bins', () => {
    // 7 one-cubic-foot units in a 10 ft³ bin = 70% fill, inside the band.
    const result = replay(prepareScenario(parseScenario({ ...tinyScenario(), events: [{ day: 0, kind: 'receipt', sku: 'INK-1', quantity: 7 }] })), firstFitByCode);
    expect(result.bandShareEnd).toBe(1);
    expect(result.binsUsedEnd).toBe(1);
  });

  it('counts the occupied bins that hold a single unit below the band apart from other bins below it', () => {
    const base = tinyScenario();
    const scenario = parseScenario({
      ...base,
      // one 5 ft³ drum fills half of a 10 ft³ bin: below the band, holding a single unit
      materials: [...base.materials, { sku: 'DRUM-1', lengthIn: 24, widthIn: 20, heightIn: 18, weightLbs: 100 }],
      initialLots: [
        { sku: 'DRUM-1', locationCode: 'B-01', quantity: 1 },
        { sku: 'INK-1', locationCode: 'B-02', quantity: 2 },
      ],
      events: [{ day: 1, kind: 'order', id: 'SO-1', lines: [{ sku: 'INK-1', quantity: 1 }] }],
    });
    const result = replay(prepareScenario(scenario), firstFitByCode);
    // Day 0: B-01 holds the drum (50%), B-02 two inks (20%): both below, one of them a single unit.
    // Day 1: B-02 is down to one ink (10%), so both below-band bins hold a single unit.
    expect(result.days.map((day) => [day.bandShare, day.oneUnitBelowBand])).toEqual([
      [0, 0.5],
      [0, 1],
    ]);
    expect(result.oneUnitBelowBandAvg).toBe(0.75);
  });

  it('counts putaway travel as a round trip per sku and bin', () => {
    const result = replay(prepareScenario(parseScenario(tinyScenario())), firstFitByCode);
    expect(result.putawayTravel).toBe(2 * 10);
  });
});

describe('replay of history', () => {
  it('picks a history order that is still due on day 0 but does not pick older history', () => {
    const scenario = parseScenario({
      ...tinyScenario(),
      initialLots: [{ sku: 'INK-1', locationCode: 'B-01', quantity: 5 }],
      events: [
        { day: -3, kind: 'order', id: 'OLD', lines: [{ sku: 'INK-1', quantity: 1 }] },
        { day: -1, kind: 'order', id: 'OPEN', due: 0, lines: [{ sku: 'INK-1', quantity: 2 }] },
      ],
    });
    const result = replay(prepareScenario(scenario), firstFitByCode);
    expect(result.orders).toBe(1);
    expect(result.pickTravel).toBe(20);
  });
});

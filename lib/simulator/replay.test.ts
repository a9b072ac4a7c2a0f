import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareScenario } from './prepare';
import { replay, type ReplayResult } from './replay';
import { firstFitByCode } from './policies/first-fit-by-code';
import { ALL_POLICY_NAMES } from './policies/names';
import { resolvePolicies } from './policies/registry';
import type { Policy } from './policies/types';
import { runSimulation } from './run';
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

const reasonsTotal = (result: Pick<ReplayResult, 'notPlacedByReason'>) => Object.values(result.notPlacedByReason).reduce((sum, units) => sum + (units ?? 0), 0);

/** Two bins: RESERVE B-01 on the floor and PICK_FACE P-02 on level 2, 10 ft³ and 1,000 lb each (or only the one named by `only`). */
function twoBins({ only, ...extra }: { initialLots?: { sku: string; locationCode: string; quantity: number }[]; events: unknown[]; only?: string }) {
  const bin = { zone: 'Z', aisle: '1', x: 0, cubicFeet: 10, maxWeightLbs: 1000, insideInches: { l: 30, w: 30, h: 30 } };
  return parseScenario({
    name: 'two bins',
    dock: { x: 0, y: 0 },
    locations: [
      { ...bin, code: 'B-01', bay: 1, level: 1, y: 10, type: 'RESERVE' },
      { ...bin, code: 'P-02', bay: 1, level: 2, y: 10, type: 'PICK_FACE' },
    ].filter((location) => only === undefined || location.code === only),
    materials: [
      { sku: 'BOX', lengthIn: 12, widthIn: 12, heightIn: 12, weightLbs: 5 },
      { sku: 'ROLL', lengthIn: 12, widthIn: 12, heightIn: 12, weightLbs: 200 },
      { sku: 'POLE', lengthIn: 60, widthIn: 4, heightIn: 4, weightLbs: 5 },
    ],
    ...extra,
  });
}

describe('why units were not placed', () => {
  const everyPolicy = () => runSimulation(twoBins({ events: [] }), { policies: resolvePolicies([...ALL_POLICY_NAMES]) }).policies.map((policy) => policy.policy);

  it('names a unit too big for every bin DOES_NOT_FIT under every policy', () => {
    const result = runSimulation(twoBins({ events: [{ day: 0, kind: 'receipt', sku: 'POLE', quantity: 3 }] }), { policies: resolvePolicies([...ALL_POLICY_NAMES]) });
    expect(result.policies.map((policy) => policy.policy)).toEqual(everyPolicy());
    for (const policy of result.policies) expect([policy.policy, policy.notPlacedByReason]).toEqual([policy.policy, { DOES_NOT_FIT: 3 }]);
  });

  it('names a full warehouse NO_CAPACITY under every policy', () => {
    const full = [
      { sku: 'BOX', locationCode: 'B-01', quantity: 10 },
      { sku: 'BOX', locationCode: 'P-02', quantity: 10 },
    ];
    const result = runSimulation(twoBins({ initialLots: full, events: [{ day: 0, kind: 'receipt', sku: 'BOX', quantity: 2 }] }), { policies: resolvePolicies([...ALL_POLICY_NAMES]) });
    for (const policy of result.policies) expect([policy.policy, policy.notPlacedByReason]).toEqual([policy.policy, { NO_CAPACITY: 2 }]);
  });

  it('names a 200 lb unit NO_CAPACITY under binwise when the floor bin that may take it is full and only a pick face above the floor has room, where first fit puts it', () => {
    const scenario = prepareScenario(twoBins({ initialLots: [{ sku: 'BOX', locationCode: 'B-01', quantity: 10 }], events: [{ day: 0, kind: 'receipt', sku: 'ROLL', quantity: 1 }] }));
    const [firstFit, binwise] = resolvePolicies(['first-fit-by-code', 'binwise']).map((policy) => replay(scenario, policy));
    expect(firstFit.unitsNotPlaced).toBe(0);
    expect(firstFit.notPlacedByReason).toEqual({});
    expect(binwise.notPlacedByReason).toEqual({ NO_CAPACITY: 1 });
  });

  it('names a 200 lb unit HEAVY_UNIT_RESTRICTED under binwise when the only bin is a pick face above the floor, where first fit puts it', () => {
    const scenario = prepareScenario(twoBins({ events: [{ day: 0, kind: 'receipt', sku: 'ROLL', quantity: 1 }], only: 'P-02' }));
    const [firstFit, binwise] = resolvePolicies(['first-fit-by-code', 'binwise']).map((policy) => replay(scenario, policy));
    expect(firstFit.unitsNotPlaced).toBe(0);
    expect(binwise.notPlacedByReason).toEqual({ HEAVY_UNIT_RESTRICTED: 1 });
  });

  it('takes a policy at its word up to the units it really left, and classifies what it leaves unexplained', () => {
    const talker: Policy = {
      name: 'talker',
      putaway(input) {
        // one box and the roll go in; one of the three boxes left is said to be refused by the mixing rule
        input.place('BOX', input.binsByCode[0], 1);
        input.place('ROLL', input.binsByCode[0], 1);
        input.notPlaced('BOX', 1, 'MIXING_NOT_ALLOWED');
        // the roll was placed after all: this report explains nothing and is not counted
        input.notPlaced('ROLL', 5, 'HAZARD_INCOMPATIBLE');
      },
    };
    const events = [
      { day: 0, kind: 'receipt', sku: 'BOX', quantity: 4 },
      { day: 0, kind: 'receipt', sku: 'ROLL', quantity: 1 },
    ];
    const result = replay(prepareScenario(twoBins({ events })), talker);
    expect(result.unitsNotPlaced).toBe(3);
    // the two boxes nobody explained could go into an empty bin: what kept them out was room
    expect(result.notPlacedByReason).toEqual({ NO_CAPACITY: 2, MIXING_NOT_ALLOWED: 1 });
  });

  const fixtures = path.resolve(import.meta.dirname, 'fixtures');
  const fixtureFiles = readdirSync(fixtures).filter((file) => file.endsWith('.json'));

  it.each(fixtureFiles)('adds the reasons up to the units not placed, for every policy, on fixture %s', (file) => {
    const scenario = parseScenario(JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')));
    for (const policy of runSimulation(scenario, { policies: resolvePolicies([...ALL_POLICY_NAMES]) }).policies) {
      expect([policy.policy, reasonsTotal(policy)]).toEqual([policy.policy, policy.unitsNotPlaced]);
    }
  });

  it('finds the nearly full fixture among them', () => expect(fixtureFiles).toContain('nearly-full-no-mixing.json'));

  it('names every too-big and too-heavy unit of the nearly full fixture as such under the baselines, and the rest NO_CAPACITY', () => {
    const scenario = parseScenario(JSON.parse(readFileSync(path.join(fixtures, 'nearly-full-no-mixing.json'), 'utf8')));
    const received = (sku: string) => scenario.events.reduce((sum, event) => sum + (event.kind === 'receipt' && event.sku === sku ? event.quantity : 0), 0);
    const result = runSimulation(scenario, { policies: resolvePolicies(['first-fit-by-code', 'random-fit', 'abc-class-based']) });
    for (const policy of result.policies) {
      expect(policy.notPlacedByReason.DOES_NOT_FIT).toBe(received('TOO-BIG'));
      expect(policy.notPlacedByReason.TOO_HEAVY).toBe(received('TOO-HEAVY'));
      expect(policy.notPlacedByReason.NO_CAPACITY).toBe(policy.unitsNotPlaced - received('TOO-BIG') - received('TOO-HEAVY'));
    }
  });
});

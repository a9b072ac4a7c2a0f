import { describe, expect, it } from 'vitest';
import { prepareScenario } from '../prepare';
import { replay } from '../replay';
import { parseScenario, type Scenario } from '../scenario';
import { abcClassBased } from './abc-class-based';
import { firstFitByCode } from './first-fit-by-code';
import { randomFit } from './random-fit';

/** One aisle, bins every 10 ft; codes deliberately run AWAY from the dock (Z-01 is the farthest). */
function corridor(bins: number, options: { cubicFeet?: number } = {}): Scenario {
  return parseScenario({
    name: 'corridor',
    dock: { x: 0, y: 0 },
    locations: Array.from({ length: bins }, (_, index) => ({
      code: `Z-${String(bins - index).padStart(2, '0')}`,
      zone: 'Z',
      aisle: '1',
      bay: index + 1,
      level: 1,
      x: 0,
      y: 10 * (index + 1),
      type: 'RESERVE',
      cubicFeet: options.cubicFeet ?? 8,
      maxWeightLbs: 1000,
      insideInches: { l: 24, w: 24, h: 24 },
    })),
    materials: [
      { sku: 'FAST', lengthIn: 12, widthIn: 12, heightIn: 12, weightLbs: 5, abc: 'A' },
      { sku: 'SLOW', lengthIn: 12, widthIn: 12, heightIn: 12, weightLbs: 5, abc: 'C' },
      { sku: 'HUGE', lengthIn: 40, widthIn: 40, heightIn: 40, weightLbs: 5, abc: 'C' },
    ],
    events: [
      { day: 0, kind: 'receipt', sku: 'SLOW', quantity: 4 },
      { day: 0, kind: 'receipt', sku: 'FAST', quantity: 4 },
      { day: 0, kind: 'receipt', sku: 'HUGE', quantity: 1 },
      { day: 1, kind: 'order', id: 'SO-1', lines: [{ sku: 'FAST', quantity: 1 }] },
    ],
  });
}

describe('baseline policies', () => {
  it('first-fit-by-code fills the first bin by code even when it is the farthest', () => {
    const result = replay(prepareScenario(corridor(6)), firstFitByCode);
    // SLOW and FAST both go to Z-01, the farthest bin (y = 60): the tour walks 2 × 60.
    expect(result.days[1].pickTravel).toBe(2 * 60);
    expect(result.binsUsedEnd).toBe(1);
  });

  it('first-fit-by-code tops up the first bin by code already holding the sku before an empty bin that comes earlier', () => {
    const base = corridor(6);
    const scenario = parseScenario({
      ...base,
      initialLots: [
        { sku: 'FAST', locationCode: 'Z-03', quantity: 1 },
        { sku: 'FAST', locationCode: 'Z-02', quantity: 1 },
      ],
      events: [
        { day: 0, kind: 'receipt', sku: 'FAST', quantity: 2 },
        { day: 1, kind: 'order', id: 'SO-1', lines: [{ sku: 'FAST', quantity: 4 }] },
      ],
    });
    const result = replay(prepareScenario(scenario), firstFitByCode);
    // The receipt joins Z-02 (y = 50), not the empty Z-01 (y = 60): all four units lie within 50 ft.
    expect(result.days[1].pickTravel).toBe(2 * 50);
    expect(result.binsUsedEnd).toBe(0);
  });

  it('abc-class-based puts the A item in the zone nearest the dock', () => {
    const result = replay(prepareScenario(corridor(6)), abcClassBased);
    // The A zone is the nearest third (y = 10, 20); first fit by code inside it is Z-05 (y = 20).
    expect(result.days[1].pickTravel).toBe(2 * 20);
  });

  it('reports units that fit no bin as not placed', () => {
    for (const policy of [firstFitByCode, randomFit, abcClassBased]) {
      const result = replay(prepareScenario(corridor(6)), policy);
      expect(result.unitsNotPlaced).toBe(1);
      expect(result.unitsReceived).toBe(9);
    }
  });

  it('never overfills a bin: a full warehouse leaves the rest unplaced', () => {
    // 6 ft³: SLOW's 4 units fit, then only 2 of FAST's 4; HUGE never fits.
    const result = replay(prepareScenario(corridor(1, { cubicFeet: 6 })), firstFitByCode);
    expect(result.unitsNotPlaced).toBe(2 + 1);
  });

  it('baselines leave a receipt unplaced, without failing, in a warehouse with no storage bins (only dock doors and staging)', () => {
    const scenario = parseScenario({
      dock: { x: 0, y: 0 },
      locations: [
        { code: 'DOOR-1', zone: 'D', aisle: 'D', bay: 1, level: 1, x: 0, y: 0, type: 'DOCK', cubicFeet: 100, maxWeightLbs: 1000, insideInches: { l: 60, w: 60, h: 60 } },
        { code: 'ST-1', zone: 'D', aisle: 'D', bay: 2, level: 1, x: 5, y: 0, type: 'STAGING', cubicFeet: 100, maxWeightLbs: 1000, insideInches: { l: 60, w: 60, h: 60 } },
      ],
      materials: [{ sku: 'BOX', lengthIn: 10, widthIn: 10, heightIn: 10, weightLbs: 5 }],
      events: [{ day: 0, kind: 'receipt', sku: 'BOX', quantity: 4 }],
    });
    for (const policy of [firstFitByCode, randomFit, abcClassBased]) expect(replay(prepareScenario(scenario), policy).unitsNotPlaced).toBe(4);
  });

  it('a bin recorded with a weight limit of 0 takes nothing, not even weightless units, as the product excludes it', () => {
    const scenario = parseScenario({
      dock: { x: 0, y: 0 },
      locations: [{ code: 'R-1', zone: 'R', aisle: '1', bay: 1, level: 1, x: 0, y: 10, type: 'RESERVE', cubicFeet: 100, maxWeightLbs: 0, insideInches: { l: 60, w: 60, h: 60 } }],
      materials: [{ sku: 'LABEL', lengthIn: 4, widthIn: 4, heightIn: 1, weightLbs: 0 }],
      events: [{ day: 0, kind: 'receipt', sku: 'LABEL', quantity: 3 }],
    });
    for (const policy of [firstFitByCode, randomFit, abcClassBased]) expect(replay(prepareScenario(scenario), policy).unitsNotPlaced).toBe(3);
  });

  it('a bin recorded with an inside dimension of 0 takes nothing, as the product fit check refuses every unit there', () => {
    const scenario = parseScenario({
      dock: { x: 0, y: 0 },
      locations: [{ code: 'R-1', zone: 'R', aisle: '1', bay: 1, level: 1, x: 0, y: 10, type: 'RESERVE', cubicFeet: 100, maxWeightLbs: 1000, insideInches: { l: 0, w: 0, h: 0 } }],
      materials: [{ sku: 'BOX', lengthIn: 10, widthIn: 10, heightIn: 10, weightLbs: 5 }],
      events: [{ day: 0, kind: 'receipt', sku: 'BOX', quantity: 3 }],
    });
    for (const policy of [firstFitByCode, randomFit, abcClassBased]) expect(replay(prepareScenario(scenario), policy).unitsNotPlaced).toBe(3);
  });

  it('random-fit is repeatable with the same seed and differs with another', () => {
    const scenario = prepareScenario(corridor(30, { cubicFeet: 1 }));
    const first = replay(scenario, randomFit, { seed: 3 });
    const again = replay(scenario, randomFit, { seed: 3 });
    expect(again.pickTravel).toBe(first.pickTravel);
    const travels = new Set([1, 2, 3, 4, 5, 6].map((seed) => replay(scenario, randomFit, { seed }).pickTravel));
    expect(travels.size).toBeGreaterThan(1);
  });
});

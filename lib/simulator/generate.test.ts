import { describe, expect, it } from 'vitest';
import { generateScenario } from './generate';
import { prepareScenario } from './prepare';
import { replay } from './replay';
import { firstFitByCode } from './policies/first-fit-by-code';
import { parseScenario } from './scenario';

describe('generateScenario', () => {
  const options = { seed: 5, locations: 300, skus: 60, days: 6 };

  it('produces a valid scenario, the same for the same seed', () => {
    const first = generateScenario(options);
    expect(() => parseScenario(JSON.parse(JSON.stringify(first)))).not.toThrow();
    expect(JSON.stringify(generateScenario(options))).toBe(JSON.stringify(first));
    expect(first.locations).toHaveLength(300);
    expect(first.materials).toHaveLength(60);
  });

  it('leaves abc out and gives order history before day 0', () => {
    const scenario = generateScenario(options);
    expect(scenario.materials.every((material) => material.abc === undefined)).toBe(true);
    expect(scenario.events.some((event) => event.kind === 'order' && event.day < 0)).toBe(true);
    expect(scenario.events.some((event) => event.kind === 'order' && event.due === event.day && event.day >= 0)).toBe(true);
  });

  it('delivers replenishment ordered by the last order day, even after it, and orders none later', () => {
    const scenario = generateScenario({ ...options, days: 12 });
    const orderDays = scenario.events.filter((event) => event.kind === 'order').map((event) => event.day);
    const lastDue = Math.max(...scenario.events.map((event) => (event.kind === 'order' ? (event.due ?? event.day) : event.day)));
    const receiptDays = scenario.events.filter((event) => event.kind === 'receipt').map((event) => event.day);
    expect(Math.max(...orderDays)).toBe(11);
    expect(lastDue).toBeGreaterThan(11);
    // lead time is 1–3 days, so nothing ordered on day 11 or before arrives after day 14
    expect(Math.max(...receiptDays)).toBeGreaterThan(11);
    expect(Math.max(...receiptDays)).toBeLessThanOrEqual(Math.min(lastDue, 14));
  });

  it('does not name locations in order of distance from the dock', () => {
    const scenario = generateScenario(options);
    const prepared = prepareScenario(scenario);
    expect(prepared.binsByCode.slice(0, 20)).not.toEqual(prepared.binsByDistance.slice(0, 20));
  });

  it('replays with every initial lot in a bin that holds it', () => {
    const result = replay(prepareScenario(generateScenario(options)), firstFitByCode);
    expect(result.orders).toBeGreaterThan(0);
    expect(result.pickTravel).toBeGreaterThan(0);
  });
});

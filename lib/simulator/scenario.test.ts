import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_QUANTITY, MAX_SCENARIO_DAY, ScenarioError, parseScenario, scenarioJsonSchema } from './scenario';
import { tinyScenario } from './test-fixtures';

function refusal(mutate: (scenario: ReturnType<typeof tinyScenario>) => unknown): ScenarioError {
  const scenario = tinyScenario();
  const input = mutate(scenario) ?? scenario;
  try {
    parseScenario(input);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseScenario', () => {
  it('accepts a minimal scenario and ignores extra fields', () => {
    const scenario = parseScenario({ ...tinyScenario(), vendor: 'x', locations: tinyScenario().locations.map((location) => ({ ...location, color: 'red' })) });
    expect(scenario.locations).toHaveLength(2);
    expect(scenario.initialLots).toEqual([]);
    expect('vendor' in scenario).toBe(false);
  });

  it('refuses an unknown sku in an order line, naming the field', () => {
    const error = refusal((scenario) => {
      scenario.events[1] = { day: 0, kind: 'order', id: 'SO-1', lines: [{ sku: 'NOPE', quantity: 1 }] };
    });
    expect(error.field).toBe('events[1].lines[0].sku');
    expect(error.message).toContain('unknown sku "NOPE"');
  });

  it('refuses a duplicate location code, naming the field', () => {
    const error = refusal((scenario) => {
      scenario.locations[1].code = 'B-02';
    });
    expect(error.field).toBe('locations[1].code');
  });

  it('refuses negative numbers, naming the field', () => {
    expect(refusal((scenario) => void (scenario.locations[0].cubicFeet = -1)).field).toBe('locations[0].cubicFeet');
    expect(refusal((scenario) => void (scenario.events[0] = { day: 0, kind: 'receipt', sku: 'INK-1', quantity: -3 })).field).toBe('events[0].quantity');
  });

  it('refuses a day or due day past the last day a replay runs to, naming the field (a typo like 20261203 would replay for 55,000 years)', () => {
    expect(refusal((scenario) => void (scenario.events[0] = { day: MAX_SCENARIO_DAY + 1, kind: 'receipt', sku: 'INK-1', quantity: 3 })).field).toBe('events[0].day');
    const lateDue = { day: 0, kind: 'order', id: 'SO-2', due: 20_261_203, lines: [{ sku: 'INK-1', quantity: 1 }] };
    expect(refusal((scenario) => ({ ...scenario, events: [scenario.events[0], lateDue] })).field).toBe('events[1].due');
    expect(parseScenario({ ...tinyScenario(), events: [{ day: MAX_SCENARIO_DAY, kind: 'receipt', sku: 'INK-1', quantity: 3 }] }).events).toHaveLength(1);
  });

  it('refuses a quantity above a billion units, naming the field (the engine takes receipts in lines of a million)', () => {
    expect(refusal((scenario) => void (scenario.events[0] = { day: 0, kind: 'receipt', sku: 'INK-1', quantity: MAX_QUANTITY + 1 })).field).toBe('events[0].quantity');
    expect(refusal((scenario) => ({ ...scenario, initialLots: [{ sku: 'INK-1', locationCode: 'B-01', quantity: 1e15 }] })).field).toBe('initialLots[0].quantity');
    expect(parseScenario({ ...tinyScenario(), events: [{ day: 0, kind: 'receipt', sku: 'INK-1', quantity: MAX_QUANTITY }] }).events).toHaveLength(1);
  });

  it('refuses an initial lot in an unknown location', () => {
    const error = refusal((scenario) => ({ ...scenario, initialLots: [{ sku: 'INK-1', locationCode: 'X-9', quantity: 1 }] }));
    expect(error.field).toBe('initialLots[0].locationCode');
  });

  it('reads location types and ABC classes whatever their case, spaces or dashes, as other systems export them', () => {
    const input = tinyScenario() as unknown as { locations: Record<string, unknown>[]; materials: Record<string, unknown>[] };
    input.locations[0].type = 'pick face';
    input.locations[1].type = 'Reserve';
    input.materials[0].abc = 'a';
    const scenario = parseScenario(input);
    expect(scenario.locations.map((location) => location.type)).toEqual(['PICK_FACE', 'RESERVE']);
    expect(scenario.materials[0].abc).toBe('A');
    input.locations[0].type = 'Floor stack';
    input.locations[1].type = 'pallet-rack';
    expect(parseScenario(input).locations.map((location) => location.type)).toEqual(['BULK', 'RESERVE']);
  });

  it('refuses a location type it does not know, naming the field and the accepted types', () => {
    const error = refusal((scenario) => void ((scenario.locations[0] as { type: string }).type = 'mezzanine'));
    expect(error.field).toBe('locations[0].type');
    expect(error.message).toContain('PICK_FACE');
  });

  it('takes bays as numbers or labels and levels as numbers or numeric strings, and refuses a level that is not a number', () => {
    const input = tinyScenario() as unknown as { locations: Record<string, unknown>[] };
    input.locations[0].bay = 'A3';
    input.locations[0].level = ' 2 ';
    input.locations[1].bay = '07';
    const scenario = parseScenario(input);
    expect(scenario.locations.map((location) => [location.bay, location.level])).toEqual([['A3', 2], ['07', 1]]);
    const error = refusal((bad) => void ((bad.locations[0] as { level: unknown }).level = 'B'));
    expect(error.field).toBe('locations[0].level');
    expect(error.message).toContain('1 = floor');
  });

  it('docs/scenario.schema.json is the schema the simulator checks (what `simulate -- --schema` prints)', () => {
    // Reviewers write scenarios from the file, so it must not drift from the zod schema.
    const file = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../docs/scenario.schema.json'), 'utf8')) as unknown;
    expect(file).toEqual(scenarioJsonSchema());
  });
});

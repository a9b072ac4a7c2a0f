import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bayesCeiling, parsePreferences, superviseAll, utilityOf } from './simulated-supervisor';
import { SITUATION_ATTRIBUTES, simulateRecommendations } from './simulated-warehouse';

const fixture = (name: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8'));

describe('simulated supervisor', () => {
  it('accepts every preference fixture', () => {
    expect(parsePreferences(fixture('default-preferences.json'), SITUATION_ATTRIBUTES).rules.length).toBeGreaterThan(0);
    expect(parsePreferences(fixture('alt-preferences.json'), SITUATION_ATTRIBUTES).name).toBe('alt-night-shift');
    expect(parsePreferences(fixture('optimizer-preferences.json'), SITUATION_ATTRIBUTES).name).toBe('optimizer-warehouse');
  });

  it('refuses a preference file that names an attribute the warehouse does not have', () => {
    const json = { name: 'x', bias: 0, rules: [{ name: 'r', when: { shoeSize: { gt: 1 } }, weight: 1 }] };
    expect(() => parsePreferences(json, SITUATION_ATTRIBUTES)).toThrow(/unknown attribute\(s\) shoeSize/);
  });

  it('adds a rule weight only when every condition holds', () => {
    const preferences = parsePreferences({ name: 'x', bias: 1, rules: [{ name: 'heavy up high', when: { itemWeightLbs: { gt: 900 }, topLevel: { eq: 1 } }, weight: -4 }] }, SITUATION_ATTRIBUTES);
    expect(utilityOf(preferences, { itemWeightLbs: 1000, topLevel: 1 })).toBe(-3);
    expect(utilityOf(preferences, { itemWeightLbs: 1000, topLevel: 0 })).toBe(1);
  });

  it('flips about the stated share of decisions and states the ceiling as 1 − noise', () => {
    const preferences = parsePreferences(fixture('default-preferences.json'), SITUATION_ATTRIBUTES);
    const situations = simulateRecommendations(20_000, 3).map((r) => r.situation);
    const decisions = superviseAll(preferences, situations, 0.1, 3);
    const flipped = decisions.filter((d) => d.flipped).length / decisions.length;
    expect(flipped).toBeGreaterThan(0.09);
    expect(flipped).toBeLessThan(0.11);
    expect(bayesCeiling(0.1)).toBeCloseTo(0.9, 12);
  });

  it('produces situations carrying exactly the documented attributes', () => {
    const [first] = simulateRecommendations(1, 1);
    expect(Object.keys(first.situation).sort()).toEqual([...SITUATION_ATTRIBUTES].sort());
  });

  it('is deterministic for a seed', () => {
    expect(simulateRecommendations(50, 9)).toEqual(simulateRecommendations(50, 9));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_POLICY_NAMES } from './policies/names';
import type { Policy } from './policies/types';
import { resolvePolicies } from './policies/registry';
import { runSimulation } from './run';
import { parseScenario } from './scenario';

/**
 * A scenario written the way another team might: aisles along x, locations listed in no
 * particular order, opaque codes unrelated to distance, no abc, no history, no staging, events
 * out of order, extra vendor fields.
 */
function foreignScenario(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const locations = [];
  for (let aisle = 0; aisle < 6; aisle += 1) {
    for (let slot = 0; slot < 12; slot += 1) {
      locations.push({
        code: `LOC${Math.floor(next() * 1e9).toString(36)}${aisle}${slot}`,
        zone: aisle < 3 ? 'NORTH' : 'SOUTH',
        aisle: `row-${aisle}`,
        bay: slot,
        level: 1 + (slot % 3),
        x: 20 + slot * 5,
        y: 100 - aisle * 10,
        type: slot % 4 === 0 ? 'PICK_FACE' : 'RESERVE',
        cubicFeet: 20,
        maxWeightLbs: 800,
        insideInches: { l: 40, w: 30, h: 30 },
        vendorTag: 'x',
      });
    }
  }
  locations.sort(() => next() - 0.5);
  const skus = Array.from({ length: 15 }, (_, index) => `M${index}`);
  const events: unknown[] = [];
  for (let day = 0; day < 8; day += 1) {
    for (const sku of skus) if (next() < 0.3) events.push({ day, kind: 'receipt', sku, quantity: 1 + Math.floor(next() * 12) });
    for (let order = 0; order < 6; order += 1) {
      const lines = skus.filter(() => next() < 0.2).map((sku) => ({ sku, quantity: 1 + Math.floor(next() * 3) }));
      if (lines.length) events.push({ day, kind: 'order', id: `O${day}-${order}`, lines, priority: 'high' });
    }
  }
  events.reverse();
  return {
    name: 'foreign',
    dock: { x: 0, y: 50 },
    locations,
    materials: skus.map((sku, index) => ({ sku, lengthIn: 8 + index, widthIn: 10, heightIn: 6, weightLbs: 4 + index })),
    events,
  };
}

describe('runSimulation on scenarios the generator did not write', () => {
  it('runs every policy on a foreign scenario and reports reductions against both baselines', () => {
    const result = runSimulation(parseScenario(foreignScenario(11)), { policies: resolvePolicies([...ALL_POLICY_NAMES]) });
    expect(result.policies.map((policy) => policy.policy)).toEqual([...ALL_POLICY_NAMES]);
    const received = new Set(result.policies.map((policy) => policy.unitsReceived));
    expect(received.size).toBe(1);
    for (const policy of result.policies) {
      expect(policy.reductionVsFirstFit).not.toBeNull();
      expect(policy.reductionVsAbc).not.toBeNull();
      expect(policy.bandShareEnd).toBeGreaterThanOrEqual(0);
      expect(policy.bandShareEnd).toBeLessThanOrEqual(1);
      // Without staging there is nothing to cross-dock to.
      expect(policy.crossDockHits).toBe(0);
    }
  });

  it('is deterministic: the same scenario gives the same numbers', () => {
    const scenario = parseScenario(foreignScenario(4));
    const policies = resolvePolicies(['random-fit', 'binwise']);
    const strip = (result: ReturnType<typeof runSimulation>) => result.policies.map(({ runMs: _runMs, ...rest }) => rest);
    expect(strip(runSimulation(scenario, { policies }))).toEqual(strip(runSimulation(scenario, { policies })));
  });

  it('conserves units, gives a reason for every unit not placed and never overfills a bin, whatever the scenario', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        // Each policy is wrapped to check every bin right after it has put the day's receipts away.
        const checked = resolvePolicies(['first-fit-by-code', 'random-fit', 'binwise']).map(
          (policy): Policy => ({
            name: policy.name,
            putaway(input) {
              policy.putaway(input);
              input.state.locations.forEach((location, bin) => {
                expect(input.state.usedCube[bin]).toBeLessThanOrEqual(location.cubicFeet + 1e-6);
                expect(input.state.usedWeight[bin]).toBeLessThanOrEqual(location.maxWeightLbs + 1e-6);
              });
            },
          }),
        );
        const result = runSimulation(parseScenario(foreignScenario(seed)), { policies: checked });
        for (const policy of result.policies) {
          expect(policy.unitsNotPlaced).toBeLessThanOrEqual(policy.unitsReceived);
          expect(Object.values(policy.notPlacedByReason).reduce((sum, units) => sum + (units ?? 0), 0)).toBe(policy.unitsNotPlaced);
          expect(policy.pickTravel).toBeGreaterThanOrEqual(0);
          for (const day of policy.days) expect(day.bandShare).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 15 },
    );
  });
});

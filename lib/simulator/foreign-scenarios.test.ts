import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIMIZER_CONFIG, keepsOutHeavyUnits } from '../optimizer';
import { FIXTURES } from './fixtures/build-fixtures';
import { plainWarehouse } from './fixtures/plain-warehouse';
import { randomScenario } from './fixtures/random-scenario';
import { ALL_POLICY_NAMES } from './policies/names';
import { resolvePolicies } from './policies/registry';
import type { Policy } from './policies/types';
import { runSimulation, type SimulationResult } from './run';
import { parseScenario, type Scenario } from './scenario';
import { STORAGE_TYPES, WarehouseState, materialMap } from './state';

/**
 * Scenarios written to the documented schema without our generator (lib/simulator/fixtures,
 * docs/simulator.md "Scenarios we did not generate"), run through the entry the CLI uses, and
 * statements that must hold on any valid scenario.
 */
const FIXTURE_DIR = path.resolve(import.meta.dirname, 'fixtures');
const load = (name: string): Scenario => parseScenario(JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')));

/** Seeded random scenarios (fixtures/random-scenario.ts), checked against the same statements as the fixtures. */
const RANDOM_SEEDS = Array.from({ length: 40 }, (_, index) => index + 1);
const CASES: [string, () => Scenario][] = [
  ...Object.keys(FIXTURES).map((name): [string, () => Scenario] => [name, () => load(name)]),
  ...RANDOM_SEEDS.map((seed): [string, () => Scenario] => [`random-${seed}`, () => parseScenario(randomScenario(seed))]),
  // two of the plain warehouses scripts/bench-foreign.ts measures (the smallest: one corner dock, one far-end)
  ...[23, 13].map((seed): [string, () => Scenario] => [`plain-warehouse-${seed}`, () => parseScenario(plainWarehouse(seed).scenario)]),
];

/** Facts read from the scenario itself, independent of any policy. */
function facts(scenario: Scenario) {
  const materials = materialMap(scenario);
  const empty = new WarehouseState(scenario.locations, materials, scenario.dock);
  const placeable = (type: string) => STORAGE_TYPES.has(type) || type === 'STAGING';
  const fitsSomewhere = new Map([...materials.values()].map((material) => [material.sku, scenario.locations.some((location, bin) => placeable(location.type) && empty.capacityFor(bin, material) > 0)]));
  // The product keeps units above this weight off PICK_FACE bins above floor level; the baselines do not know the rule.
  const heavyAllowed = (location: Scenario['locations'][number]) => !keepsOutHeavyUnits(location);
  const isHeavy = (sku: string) => (materials.get(sku)?.weightLbs ?? 0) > DEFAULT_OPTIMIZER_CONFIG.heavyUnitLbs;
  const heavyFits = new Map([...materials.values()].map((material) => [material.sku, scenario.locations.some((location, bin) => STORAGE_TYPES.has(location.type) && heavyAllowed(location) && empty.capacityFor(bin, material) > 0)]));
  let received = 0;
  let forced = 0;
  let heavyForced = 0;
  let cube = 0;
  let heavyCube = 0;
  for (const event of scenario.events) {
    if (event.kind !== 'receipt' || event.day < 0) continue;
    const material = materials.get(event.sku);
    if (!material) continue;
    received += event.quantity;
    if (!fitsSomewhere.get(event.sku)) forced += event.quantity;
    else {
      cube += event.quantity * material.unitCube;
      if (isHeavy(event.sku)) {
        heavyCube += event.quantity * material.unitCube;
        if (!heavyFits.get(event.sku)) heavyForced += event.quantity;
      }
    }
  }
  for (const lot of scenario.initialLots) cube += lot.quantity * (materials.get(lot.sku)?.unitCube ?? 0);
  const cubeOf = (keep: (location: Scenario['locations'][number]) => boolean) => scenario.locations.reduce((sum, location) => sum + (STORAGE_TYPES.has(location.type) && keep(location) ? location.cubicFeet : 0), 0);
  const share = (used: number, room: number) => (used === 0 ? 0 : room > 0 ? used / room : Infinity);
  const initial = scenario.initialLots.reduce((sum, lot) => sum + lot.quantity, 0);
  return { received, forced, heavyForced, initial, cubeShare: share(cube, cubeOf(() => true)), heavyCubeShare: share(heavyCube, cubeOf(heavyAllowed)) };
}

/** Units the orders due on days 0 … lastDay ask for (history orders count if still due then). */
function demand(scenario: Scenario, days: number): number {
  let total = 0;
  for (const event of scenario.events) {
    if (event.kind !== 'order') continue;
    const due = event.day < 0 ? event.due : (event.due ?? event.day);
    if (due === undefined || due < 0 || due >= days) continue;
    total += event.lines.reduce((sum, line) => sum + line.quantity, 0);
  }
  return total;
}

type Checked = { policies: Policy[]; states: Map<string, WarehouseState> };

/**
 * Every policy wrapped to check, right after each day's putaway, that no bin it put units into
 * is above its cube or weight limit, and that the units it placed are exactly what the stock grew by.
 */
function checkedPolicies(): Checked {
  const states = new Map<string, WarehouseState>();
  const policies = resolvePolicies([...ALL_POLICY_NAMES]).map(
    (policy): Policy => ({
      name: policy.name,
      putaway(input) {
        states.set(policy.name, input.state);
        const { state } = input;
        const cubeBefore = Float64Array.from(state.usedCube);
        const weightBefore = Float64Array.from(state.usedWeight);
        const stockBefore = [...state.lotsBySku.values()].flat().reduce((sum, lot) => sum + lot.quantity, 0);
        let placed = 0;
        policy.putaway({
          ...input,
          place: (sku, bin, quantity, options) => {
            const units = input.place(sku, bin, quantity, options);
            expect(units).toBeGreaterThanOrEqual(0);
            expect(units).toBeLessThanOrEqual(quantity);
            placed += units;
            return units;
          },
        });
        const stockAfter = [...state.lotsBySku.values()].flat().reduce((sum, lot) => sum + lot.quantity, 0);
        expect(stockAfter - stockBefore).toBe(placed);
        // Day-0 stock may already overfill a bin (it is the scenario's); a putaway must not add to that.
        state.locations.forEach((location, bin) => {
          if (state.usedCube[bin] > cubeBefore[bin] + 1e-9) expect(state.usedCube[bin], `${policy.name}: ${location.code} cube`).toBeLessThanOrEqual(location.cubicFeet + 1e-6);
          if (state.usedWeight[bin] > weightBefore[bin] + 1e-9) expect(state.usedWeight[bin], `${policy.name}: ${location.code} weight`).toBeLessThanOrEqual(location.maxWeightLbs + 1e-6);
        });
      },
    }),
  );
  return { policies, states };
}

/** Every number in the result, with its path. */
function numbers(value: unknown, at = ''): [string, number][] {
  if (typeof value === 'number') return [[at, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => numbers(inner, `${at}.${key}`));
}

const REDUCTION = /\.(late)?[rR]eductionVs(FirstFit|Abc)$/;

describe.each(CASES)('foreign scenario %s', (_name, build) => {
  const scenario = build();
  const known = facts(scenario);
  const { policies, states } = checkedPolicies();
  let result: SimulationResult;
  let byName: Map<string, SimulationResult['policies'][number]>;
  // Seven replays of the larger plain warehouses take a few seconds alone; on a loaded 2-core
  // machine they outran the default 10 s hook budget, which skipped their statements.
  beforeAll(() => {
    result = runSimulation(scenario, { policies, seed: 1 });
    byName = new Map(result.policies.map((policy) => [policy.policy, policy]));
  }, 120_000);

  it('runs every policy and reports only finite figures, non-negative except the signed reductions', () => {
    expect(result.policies.map((policy) => policy.policy)).toEqual([...ALL_POLICY_NAMES]);
    for (const [at, value] of numbers(result)) {
      expect(Number.isFinite(value), at).toBe(true);
      if (REDUCTION.test(at)) expect(value, at).toBeLessThanOrEqual(100);
      else expect(value, at).toBeGreaterThanOrEqual(0);
    }
  });

  it('conserves units per policy: received = placed + not placed, picks come from stock, what is left is on the shelves', () => {
    const asked = demand(scenario, result.scenario.days);
    for (const policy of result.policies) {
      expect(policy.unitsReceived, policy.policy).toBe(known.received);
      expect(policy.unitsNotPlaced, policy.policy).toBeLessThanOrEqual(policy.unitsReceived);
      expect(policy.unitsShort, policy.policy).toBeLessThanOrEqual(asked);
      const picked = asked - policy.unitsShort;
      const stocked = known.initial + policy.unitsReceived - policy.unitsNotPlaced;
      expect(picked, policy.policy).toBeLessThanOrEqual(stocked);
      const state = states.get(policy.policy);
      if (state) {
        const left = [...state.lotsBySku.values()].flat().reduce((sum, lot) => sum + lot.quantity, 0);
        expect(left, policy.policy).toBe(stocked - picked);
      }
    }
  });

  it('computes the reductions against the two baselines, and none where a baseline walked nothing', () => {
    const firstFit = byName.get('first-fit-by-code')?.pickTravel ?? 0;
    const abc = byName.get('abc-class-based')?.pickTravel ?? 0;
    for (const policy of result.policies) {
      if (firstFit > 0) expect(policy.reductionVsFirstFit).toBeCloseTo((100 * (firstFit - policy.pickTravel)) / firstFit, 9);
      else expect(policy.reductionVsFirstFit).toBeNull();
      if (abc > 0) expect(policy.reductionVsAbc).toBeCloseTo((100 * (abc - policy.pickTravel)) / abc, 9);
      else expect(policy.reductionVsAbc).toBeNull();
    }
    expect(byName.get('first-fit-by-code')?.reductionVsFirstFit ?? 0).toBe(0);
  });

  it('keeps every band share in [0, 1] and reports one entry per day', () => {
    for (const policy of result.policies) {
      expect(policy.days).toHaveLength(result.scenario.days);
      for (const share of [policy.bandShareAvg, policy.bandShareEnd, policy.bandShareAfterPutaway, policy.oneUnitBelowBandAvg, ...policy.days.flatMap((day) => [day.bandShare, day.oneUnitBelowBand])]) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
      // a bin below the band is never counted in it
      for (const day of policy.days) expect(day.bandShare + day.oneUnitBelowBand).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('leaves unplaced at least the units that fit no bin, and binwise no more than that where the warehouse has room', () => {
    for (const policy of result.policies) expect(policy.unitsNotPlaced, policy.policy).toBeGreaterThanOrEqual(known.forced);
    // Only meaningful where first fit places everything else and the stock needs under half the storage cube.
    // Heavy units count only where no bin the heavy rule allows could take them, or those bins are half full.
    const roomy = known.cubeShare <= 0.5 && known.heavyCubeShare <= 0.5 && byName.get('first-fit-by-code')?.unitsNotPlaced === known.forced;
    if (!roomy) return;
    for (const policy of result.policies.filter((entry) => entry.policy.startsWith('binwise'))) {
      expect(policy.unitsNotPlaced, policy.policy).toBeLessThanOrEqual(known.forced + known.heavyForced);
    }
  });
});

describe.each(Object.keys(FIXTURES))('foreign scenario %s with the day-0 stock slotted by each policy', (name) => {
  const scenario = load(name);
  const known = facts(scenario);
  const { policies, states } = checkedPolicies();
  let result: SimulationResult;
  beforeAll(() => {
    result = runSimulation(scenario, { policies, seed: 1, dayZeroStock: 'slotted' });
  }, 120_000);

  it('receives the day-0 stock as day-0 receipts, never overfills a bin putting it away, and keeps units', () => {
    expect(result.scenario.dayZeroStock).toBe('slotted');
    const asked = demand(scenario, result.scenario.days);
    for (const policy of result.policies) {
      expect(policy.unitsReceived, policy.policy).toBe(known.received + known.initial);
      expect(policy.startStockPickShare, policy.policy).toEqual({ firstHalf: 0, secondHalf: 0 });
      const picked = asked - policy.unitsShort;
      const stocked = policy.unitsReceived - policy.unitsNotPlaced;
      const state = states.get(policy.policy);
      if (state) expect([...state.lotsBySku.values()].flat().reduce((sum, lot) => sum + lot.quantity, 0), policy.policy).toBe(stocked - picked);
      for (const [at, value] of numbers(policy)) expect(Number.isFinite(value), `${policy.policy}${at}`).toBe(true);
    }
  });
});

describe('the fixtures are a real test of the schema', () => {
  it('most random scenarios put units away and walk to pick them, so their checks are not vacuous', () => {
    const binwise = resolvePolicies(['binwise']);
    const results = RANDOM_SEEDS.map((seed) => runSimulation(parseScenario(randomScenario(seed)), { policies: binwise, seed: 1 }).policies.find((policy) => policy.policy === 'binwise'));
    expect(results.filter((policy) => policy && policy.unitsReceived > policy.unitsNotPlaced).length).toBeGreaterThanOrEqual(30);
    expect(results.filter((policy) => policy && policy.pickTravel > 0).length).toBeGreaterThanOrEqual(30);
  });

  it('most of them have room enough for the binwise placement check to apply', () => {
    const roomy = Object.keys(FIXTURES).filter((name) => facts(load(name)).cubeShare <= 0.5 && facts(load(name)).heavyCubeShare <= 0.5);
    expect(roomy.length).toBeGreaterThanOrEqual(4);
  });

  it('are what build-fixtures.ts writes (regenerate with `npx tsx lib/simulator/fixtures/build-fixtures.ts`)', () => {
    for (const [name, build] of Object.entries(FIXTURES)) expect(JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.json`), 'utf8')), name).toEqual(JSON.parse(JSON.stringify(build())));
  });
});

describe('the command reviewers run (npm run -s simulate -- <scenario.json> --json)', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const simulate = (...args: string[]) => spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/simulate.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('prints the JSON result for a foreign scenario and exits 0', () => {
    const run = simulate('lib/simulator/fixtures/huge-quantities.json', '--policies', 'first-fit-by-code,binwise', '--json');
    expect(run.status, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as SimulationResult;
    expect(printed.policies.map((policy) => policy.policy)).toEqual(['abc-class-based', 'first-fit-by-code', 'binwise']);
  }, 60_000);

  it('refuses a malformed scenario with exit code 2 and a message naming the field', () => {
    const scenario = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'one-day-no-receipts.json'), 'utf8')) as { initialLots: { quantity: number }[] };
    scenario.initialLots[3].quantity = -4;
    const dir = mkdtempSync(path.join(tmpdir(), 'foreign-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(scenario));
    const run = simulate(file, '--json');
    rmSync(dir, { recursive: true });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('initialLots[3].quantity');
  }, 60_000);
});

describe('engine behaviour these scenarios exposed (lib/optimizer/putaway)', () => {
  it('binwise tops up a no-mixing bin holding the sku even after a same-size line of another sku found no room', () => {
    const scenario = load('engine-no-mixing-skip');
    const [binwise] = runSimulation(scenario, { policies: resolvePolicies(['binwise']) }).policies.filter((policy) => policy.policy === 'binwise');
    // B's bin is full (9 of 10 ft³, no room for a unit under the 95% cap), A's bin holds 5 ft³:
    // only B's 5 units are forced out; A's 3 fit in A's own bin inside the band.
    expect(binwise.unitsNotPlaced).toBe(5);
  });
});

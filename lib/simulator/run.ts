import { BASELINE_POLICIES } from './policies/index';
import type { DayZeroStock } from './policies/names';
import type { Policy } from './policies/types';
import { prepareScenario } from './prepare';
import { secondHalfStart, startReplay, type ReplayResult } from './replay';
import type { Scenario } from './scenario';

export type PolicyResult = ReplayResult & {
  /** Reduction of total pick travel against first-fit-by-code (%, positive = less travel). */
  reductionVsFirstFit: number | null;
  reductionVsAbc: number | null;
  /** The same reductions over the second half of the days, once the day-0 stock (placed by nobody's policy) is mostly picked. */
  lateReductionVsFirstFit: number | null;
  lateReductionVsAbc: number | null;
};

export type SimulationResult = {
  scenario: {
    name: string;
    locations: number;
    storageBins: number;
    skus: number;
    days: number;
    orders: number;
    receipts: number;
    /** Where the day-0 stock started (absent in results stored before the option existed: `as-is`). */
    dayZeroStock?: DayZeroStock;
  };
  policies: PolicyResult[];
  totalMs: number;
};

export type RunOptions = {
  /** Where the day-0 stock starts (default `as-is`); see {@link DayZeroStock}. */
  dayZeroStock?: DayZeroStock;
  /** Policies to run, by name; the two reference baselines are always added so reductions can be computed. */
  policies: readonly Policy[];
  seed?: number;
  /** Called after each simulated day: overall progress in [0, 1]. */
  onProgress?: (fraction: number, policy: string) => void;
};

const reduction = (value: number, reference: number | undefined) => (reference === undefined || reference <= 0 ? null : (100 * (reference - value)) / reference);

export type SimulationProgress = { fraction: number; policy: string };

/** The simulation as a generator: it yields after every simulated day of every policy. */
export function* simulationSteps(scenario: Scenario, options: RunOptions): Generator<SimulationProgress, SimulationResult> {
  const started = performance.now();
  const prepared = prepareScenario(scenario, { dayZeroStock: options.dayZeroStock });
  const names = new Set(options.policies.map((policy) => policy.name));
  const policies = [...BASELINE_POLICIES.filter((policy) => policy.name !== 'random-fit' && !names.has(policy.name)), ...options.policies];
  const results: ReplayResult[] = [];
  for (const [index, policy] of policies.entries()) {
    const run = startReplay(prepared, policy, { seed: options.seed ?? 1 });
    let day = 0;
    while (run.step()) {
      day += 1;
      yield { fraction: (index + day / (prepared.lastDay + 1)) / policies.length, policy: policy.name };
    }
    results.push(run.result());
  }
  const firstFit = results.find((result) => result.policy === 'first-fit-by-code')?.pickTravel;
  const abc = results.find((result) => result.policy === 'abc-class-based')?.pickTravel;
  const half = secondHalfStart(prepared.lastDay + 1);
  const late = (result: ReplayResult | undefined) => result?.days.slice(half).reduce((sum, day) => sum + day.pickTravel, 0);
  const lateFirstFit = late(results.find((result) => result.policy === 'first-fit-by-code'));
  const lateAbc = late(results.find((result) => result.policy === 'abc-class-based'));
  // Report in the order asked for, reference baselines first when they were not asked for.
  const ordered = [...results.filter((result) => !names.has(result.policy)), ...options.policies.map((policy) => results.find((result) => result.policy === policy.name) as ReplayResult)];
  return {
    scenario: {
      name: scenario.name,
      locations: scenario.locations.length,
      storageBins: prepared.binsByCode.length,
      skus: scenario.materials.length,
      days: prepared.lastDay + 1,
      orders: [...prepared.dueByDay.values()].reduce((sum, list) => sum + list.length, 0),
      receipts: [...prepared.receiptsByDay.values()].reduce((sum, list) => sum + list.length, 0),
      dayZeroStock: prepared.dayZeroStock,
    },
    policies: ordered.map((result) => ({
      ...result,
      reductionVsFirstFit: reduction(result.pickTravel, firstFit),
      reductionVsAbc: reduction(result.pickTravel, abc),
      lateReductionVsFirstFit: reduction(late(result) ?? 0, lateFirstFit),
      lateReductionVsAbc: reduction(late(result) ?? 0, lateAbc),
    })),
    totalMs: performance.now() - started,
  };
}

export function runSimulation(scenario: Scenario, options: RunOptions): SimulationResult {
  const steps = simulationSteps(scenario, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    options.onProgress?.(next.value.fraction, next.value.policy);
  }
}

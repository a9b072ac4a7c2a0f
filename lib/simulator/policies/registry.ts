import { abcClassBased } from './abc-class-based';
import { CAPACITY_DEFAULTS, capacityConfig } from '../../schemas/capacity';
import { binwisePolicy } from './binwise';
import { firstFitByCode } from './first-fit-by-code';
import { randomFit } from './random-fit';
import { ALL_POLICY_NAMES, DEFAULT_FLAGS, isPolicyName, type BASELINE_NAMES, type SimulationCapacity, type SimulationFlags } from './names';
import type { Policy } from './types';

export { ALL_POLICY_NAMES, BASELINE_NAMES, BINWISE_NAMES, DEFAULT_FLAGS, isPolicyName, type PolicyName, type SimulationCapacity, type SimulationFlags } from './names';

/** The engine's own capacity rules (band 60–85%, hard cap 95%): what the product runs without tenant settings. */
export const DEFAULT_CAPACITY: Readonly<SimulationCapacity> = CAPACITY_DEFAULTS;

const BASELINES: Record<(typeof BASELINE_NAMES)[number], Policy> = {
  'first-fit-by-code': firstFitByCode,
  'random-fit': randomFit,
  'abc-class-based': abcClassBased,
};

export class UnknownPolicyError extends Error {
  constructor(readonly policy: string) {
    super(`unknown policy "${policy}" (known: ${ALL_POLICY_NAMES.join(', ')})`);
  }
}

/**
 * Policies by name. `binwise` runs with `flags` and `capacity`; each `binwise-no-*` is `binwise`
 * with that one feature switched off (the ablation), whatever `flags` says about it.
 * @throws OptimizerInputError naming the field (`config.targetBand.min`, `config.hardCap`) for bad capacity rules.
 */
export function resolvePolicies(names: readonly string[], flags: SimulationFlags = DEFAULT_FLAGS, capacity: SimulationCapacity = DEFAULT_CAPACITY): Policy[] {
  const config = capacityConfig(capacity);
  return names.map((name) => {
    if (!isPolicyName(name)) throw new UnknownPolicyError(name);
    if (name in BASELINES) return BASELINES[name as keyof typeof BASELINES];
    if (name === 'binwise-no-affinity') return binwisePolicy(name, { ...flags, SKU_AFFINITY_ENABLED: false }, config);
    if (name === 'binwise-no-congestion') return binwisePolicy(name, { ...flags, CONGESTION_AVOIDANCE_ENABLED: false }, config);
    if (name === 'binwise-no-cross-dock') return binwisePolicy(name, { ...flags, CROSS_DOCK_ENABLED: false }, config);
    return binwisePolicy(name, flags, config);
  });
}

import { abcClassBased } from './abc-class-based';
import { binwisePolicy } from './binwise';
import { firstFitByCode } from './first-fit-by-code';
import { randomFit } from './random-fit';
import { ALL_POLICY_NAMES, DEFAULT_FLAGS, isPolicyName, type BASELINE_NAMES, type SimulationFlags } from './names';
import type { Policy } from './types';

export { ALL_POLICY_NAMES, BASELINE_NAMES, BINWISE_NAMES, DEFAULT_FLAGS, isPolicyName, type PolicyName, type SimulationFlags } from './names';

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
 * Policies by name. `binwise` runs with `flags`; each `binwise-no-*` is `binwise` with that one
 * feature switched off (the ablation), whatever `flags` says about it.
 */
export function resolvePolicies(names: readonly string[], flags: SimulationFlags = DEFAULT_FLAGS): Policy[] {
  return names.map((name) => {
    if (!isPolicyName(name)) throw new UnknownPolicyError(name);
    if (name in BASELINES) return BASELINES[name as keyof typeof BASELINES];
    if (name === 'binwise-no-affinity') return binwisePolicy(name, { ...flags, SKU_AFFINITY_ENABLED: false });
    if (name === 'binwise-no-congestion') return binwisePolicy(name, { ...flags, CONGESTION_AVOIDANCE_ENABLED: false });
    if (name === 'binwise-no-cross-dock') return binwisePolicy(name, { ...flags, CROSS_DOCK_ENABLED: false });
    return binwisePolicy(name, flags);
  });
}

import { abcClassBased } from './abc-class-based';
import { firstFitByCode } from './first-fit-by-code';
import { randomFit } from './random-fit';
import type { Policy } from './types';

/** The product flags a binwise run uses (ML is off: the simulation has no reviewer decisions). */
export type SimulationFlags = {
  SKU_AFFINITY_ENABLED: boolean;
  CROSS_DOCK_ENABLED: boolean;
  CONGESTION_AVOIDANCE_ENABLED: boolean;
};

export const DEFAULT_FLAGS: SimulationFlags = { SKU_AFFINITY_ENABLED: true, CROSS_DOCK_ENABLED: true, CONGESTION_AVOIDANCE_ENABLED: true };

export const BASELINE_NAMES = ['first-fit-by-code', 'random-fit', 'abc-class-based'] as const;
export const BINWISE_NAMES = ['binwise', 'binwise-no-affinity', 'binwise-no-congestion', 'binwise-no-cross-dock'] as const;
export const ALL_POLICY_NAMES = [...BASELINE_NAMES, ...BINWISE_NAMES] as const;
export type PolicyName = (typeof ALL_POLICY_NAMES)[number];

export function isPolicyName(name: string): name is PolicyName {
  return (ALL_POLICY_NAMES as readonly string[]).includes(name);
}

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
    throw new UnknownPolicyError(name);
  });
}

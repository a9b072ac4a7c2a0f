/** Policy names and flags, free of engine imports so client components can use them. */
export type SimulationFlags = {
  SKU_AFFINITY_ENABLED: boolean;
  CROSS_DOCK_ENABLED: boolean;
  CONGESTION_AVOIDANCE_ENABLED: boolean;
};

/** The flags the CLI uses unless told otherwise (ML is off: a simulation has no reviewer decisions). */
export const DEFAULT_FLAGS: SimulationFlags = { SKU_AFFINITY_ENABLED: true, CROSS_DOCK_ENABLED: true, CONGESTION_AVOIDANCE_ENABLED: true };

export const BASELINE_NAMES = ['first-fit-by-code', 'random-fit', 'abc-class-based'] as const;
export const BINWISE_NAMES = ['binwise', 'binwise-no-affinity', 'binwise-no-congestion', 'binwise-no-cross-dock'] as const;
export const ALL_POLICY_NAMES = [...BASELINE_NAMES, ...BINWISE_NAMES] as const;
export type PolicyName = (typeof ALL_POLICY_NAMES)[number];

export function isPolicyName(name: string): name is PolicyName {
  return (ALL_POLICY_NAMES as readonly string[]).includes(name);
}

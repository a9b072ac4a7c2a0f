import type { CapacityRules } from '../../schemas/capacity';

/** Policy names and flags, free of engine imports so client components can use them. */
export type SimulationFlags = {
  SKU_AFFINITY_ENABLED: boolean;
  CROSS_DOCK_ENABLED: boolean;
  CONGESTION_AVOIDANCE_ENABLED: boolean;
};

/**
 * The capacity rules binwise runs with, as fractions of a bin's cube: it fills bins into the
 * target band first and never past the hard cap (the headroom every bin keeps). A what-if for the
 * tenant's capacity settings; the band share the simulator reports stays the runbook's 60–85%.
 */
export type SimulationCapacity = CapacityRules;

/**
 * Where the day-0 stock (`initialLots`) starts: `as-is`, where the scenario says it is, the same for
 * every policy (the warehouse as it stands: what switching policy tomorrow would change); or
 * `slotted`, received on day 0 and put away by each policy itself (a warehouse that has run that
 * policy from the start: its steady state, or an upper bound on re-slotting everything once, move
 * labour not counted).
 */
export const DAY_ZERO_STOCK_MODES = ['as-is', 'slotted'] as const;
export type DayZeroStock = (typeof DAY_ZERO_STOCK_MODES)[number];

export function isDayZeroStock(value: unknown): value is DayZeroStock {
  return (DAY_ZERO_STOCK_MODES as readonly unknown[]).includes(value);
}

/** The flags the CLI uses unless told otherwise (ML is off: a simulation has no reviewer decisions). */
export const DEFAULT_FLAGS: SimulationFlags = { SKU_AFFINITY_ENABLED: true, CROSS_DOCK_ENABLED: true, CONGESTION_AVOIDANCE_ENABLED: true };

export const BASELINE_NAMES = ['first-fit-by-code', 'random-fit', 'abc-class-based'] as const;
export const BINWISE_NAMES = ['binwise', 'binwise-no-affinity', 'binwise-no-congestion', 'binwise-no-cross-dock'] as const;
export const ALL_POLICY_NAMES = [...BASELINE_NAMES, ...BINWISE_NAMES] as const;
export type PolicyName = (typeof ALL_POLICY_NAMES)[number];

export function isPolicyName(name: string): name is PolicyName {
  return (ALL_POLICY_NAMES as readonly string[]).includes(name);
}

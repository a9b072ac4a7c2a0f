import type { AbcClass, OptimizerConfig, ScoreBreakdown } from './types';

/**
 * Travel preference by ABC class, as a signed velocity (a negative one would
 * prefer far bins): A = 1 (strongly prefers bins near the dock), B = 0.5,
 * C = 0.25. C is a weak positive, not a push to the far end: orders mix
 * classes, so one C line in a far aisle makes the whole tour walk there.
 * A still wins the near bins (HYBRID places A lines first, and for C the
 * travel term is weak against fill and consolidation).
 */
export const ABC_VELOCITY: Readonly<Record<AbcClass, number>> = { A: 1, B: 0.5, C: 0.25 };

/** The score components in the order the engine adds them up (and explanations list them). */
export const SCORE_COMPONENTS: readonly (keyof ScoreBreakdown)[] = ['travel', 'utilization', 'affinity', 'congestion', 'consolidation'];

/** Open pick tasks in an aisle at which the congestion penalty is full. */
export const CONGESTION_FULL_AT = 10;
/** Co-pick lift sum at which the affinity reward is full. */
export const AFFINITY_FULL_AT = 3;

/** Facts about one (item, bin) pair needed to score it. */
export type ScoreInput = {
  abc: AbcClass;
  /**
   * Aisle-aware travel cost from the dock (`aisleTravelCost`: walk to the aisle
   * entry + a small weight on depth) divided by the highest cost of a storage bin, 0..1.
   */
  distanceNorm: number;
  /** Volume fill after placement, 0..1. */
  fillAfter: number;
  /** Sum of co-pick lifts (lift − 1) of SKUs in the same aisle (full) and same bay (a quarter more). */
  affinityLift: number;
  /** Open pick tasks in the bin's aisle. */
  openTasks: number;
  /** 1 = same SKU and lot in the bin, 0.6 = same SKU other lot, 0 = none (or the placement passes the band). */
  consolidation: number;
};

/** Travel term in [0, 1] (before weighting); monotone in distance for each class. */
export function travelTerm(abc: AbcClass, distanceNorm: number): number {
  const v = ABC_VELOCITY[abc];
  const d = Math.min(1, Math.max(0, distanceNorm));
  return v > 0 ? v * (1 - d) : -v * d;
}

/**
 * Affinity term in [0, 1]: the co-pick lift (full at {@link AFFINITY_FULL_AT})
 * times the bin's nearness `1 − distanceNorm`. Sharing an aisle with a
 * co-picked SKU saves an aisle visit only on the orders holding both; in a
 * far aisle it lengthens every other order of the SKU, so the pull fades
 * with distance and never drags a line to the far end of the building.
 */
export function affinityTerm(affinityLift: number, distanceNorm: number): number {
  const near = 1 - Math.min(1, Math.max(0, distanceNorm));
  return Math.min(1, Math.max(0, affinityLift) / AFFINITY_FULL_AT) * near;
}

/**
 * Utilization term in [-1, 1] against the target band:
 * ```
 *   1 |        ________
 *     |      /|        |\
 *     |    /  |        |  \
 *   0 |__/____|________|___\____ fill
 *     0      min      max  cap\
 *  -1 |                        \ (at hardCap)
 * ```
 * Below the band it rises linearly to 1 at `min`; inside it is 1; above it
 * falls linearly to -1 at the hard cap.
 */
export function utilizationTerm(fillAfter: number, band: { min: number; max: number }, hardCap: number): number {
  if (fillAfter < band.min) return band.min > 0 ? fillAfter / band.min : 1;
  if (fillAfter <= band.max) return 1;
  const span = hardCap - band.max;
  if (span <= 0) return -1;
  return Math.max(-1, 1 - (2 * (fillAfter - band.max)) / span);
}

/**
 * Scores one (item, bin) pair. Each component is `weight × term × 100`
 * with weights normalized to sum 1, so the total is in [-100, 100], higher
 * is better. Disabled features contribute 0.
 */
export function scorePlacement(input: ScoreInput, config: OptimizerConfig): { total: number; breakdown: ScoreBreakdown } {
  const w = config.weights;
  const sum = w.travel + w.utilization + w.affinity + w.congestion + w.consolidation;
  const k = 100 / sum;
  const breakdown: ScoreBreakdown = {
    travel: round(k * w.travel * travelTerm(input.abc, input.distanceNorm)),
    utilization: round(k * w.utilization * utilizationTerm(input.fillAfter, config.targetBand, config.hardCap)),
    affinity: config.flags.SKU_AFFINITY_ENABLED ? round(k * w.affinity * affinityTerm(input.affinityLift, input.distanceNorm)) : 0,
    congestion: config.flags.CONGESTION_AVOIDANCE_ENABLED
      ? round(-k * w.congestion * Math.min(1, input.openTasks / CONGESTION_FULL_AT))
      : 0,
    consolidation: round(k * w.consolidation * input.consolidation),
  };
  const total = round(breakdown.travel + breakdown.utilization + breakdown.affinity + breakdown.congestion + breakdown.consolidation);
  return { total, breakdown };
}

/** Rounds to 1e-6 so equal scores compare equal across platforms. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6 + 0;
}

import type { AbcClass, LocationType, ScoreBreakdown } from './types';
import type { PackingAlgorithm } from '../packing/pack-vectors';

/**
 * Ordered, stable list of model features. Append new names at the end only:
 * a trained model relies on this order.
 */
export const FEATURE_NAMES = [
  'score_total',
  'score_travel',
  'score_utilization',
  'score_affinity',
  'score_congestion',
  'score_consolidation',
  'margin_to_runner_up',
  'fill_after',
  'weight_fill_after',
  'distance_ft',
  'abc_a',
  'abc_b',
  'abc_c',
  'affinity_lift',
  'congestion_open_tasks',
  'cross_dock',
  'algo_ffd',
  'algo_bfd',
  'algo_hybrid',
  'level',
  'loc_pick_face',
  'loc_reserve',
  'loc_bulk',
  'loc_staging',
  'loc_dock',
  'zone_bucket',
  'unit_weight_lbs',
  'quantity',
  'alternatives_count',
] as const;

/** One feature name. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Numeric features of one recommendation, keyed by {@link FEATURE_NAMES}. */
export type FeatureVector = Record<FeatureName, number>;

/** Raw facts about a recommendation from which features are computed. */
export type FeatureInput = {
  score: number;
  breakdown: ScoreBreakdown;
  /** score minus the best alternative's score (points); 0 when there is none. */
  margin: number;
  fillAfter: number;
  weightFillAfter: number;
  distanceFt: number;
  abc: AbcClass;
  affinityLift: number;
  openTasks: number;
  crossDock: boolean;
  algorithm: PackingAlgorithm;
  level: number;
  type: LocationType;
  zone: string;
  unitWeightLbs: number;
  quantity: number;
  alternatives: number;
};

/**
 * Bounded encoding of a zone name: FNV-1a hash mapped to [0, 1) in 64 buckets,
 * so unseen zones still give a value in range.
 */
export function zoneBucket(zone: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < zone.length; i++) {
    h ^= zone.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 64) / 64;
}

/** Builds the {@link FeatureVector} of one recommendation. Every value is finite. */
export function buildFeatures(f: FeatureInput): FeatureVector {
  return {
    score_total: f.score,
    score_travel: f.breakdown.travel,
    score_utilization: f.breakdown.utilization,
    score_affinity: f.breakdown.affinity,
    score_congestion: f.breakdown.congestion,
    score_consolidation: f.breakdown.consolidation,
    margin_to_runner_up: f.margin,
    fill_after: f.fillAfter,
    weight_fill_after: f.weightFillAfter,
    distance_ft: f.distanceFt,
    abc_a: f.abc === 'A' ? 1 : 0,
    abc_b: f.abc === 'B' ? 1 : 0,
    abc_c: f.abc === 'C' ? 1 : 0,
    affinity_lift: f.affinityLift,
    congestion_open_tasks: f.openTasks,
    cross_dock: f.crossDock ? 1 : 0,
    algo_ffd: f.algorithm === 'FFD' ? 1 : 0,
    algo_bfd: f.algorithm === 'BFD' ? 1 : 0,
    algo_hybrid: f.algorithm === 'HYBRID' ? 1 : 0,
    level: f.level,
    loc_pick_face: f.type === 'PICK_FACE' ? 1 : 0,
    loc_reserve: f.type === 'RESERVE' ? 1 : 0,
    loc_bulk: f.type === 'BULK' ? 1 : 0,
    loc_staging: f.type === 'STAGING' ? 1 : 0,
    loc_dock: f.type === 'DOCK' ? 1 : 0,
    zone_bucket: zoneBucket(f.zone),
    unit_weight_lbs: f.unitWeightLbs,
    quantity: f.quantity,
    alternatives_count: f.alternatives,
  };
}

/** The vector as a plain array in {@link FEATURE_NAMES} order (for models). */
export function featureArray(v: FeatureVector): number[] {
  return FEATURE_NAMES.map((name) => v[name]);
}

/**
 * Binwise optimizer: pure packing and putaway scoring. No I/O.
 * Every public name is listed here; import from `lib/optimizer` only.
 */

// errors and randomness
export { OptimizerInputError } from './errors';
export { mulberry32, randomInt, weightedSampler } from './prng';

// vector packing (1-D and 2-D)
export { packVectors, DEFAULT_PACK_TIME_LIMIT_MS } from './packing/pack-vectors';
export type { PackingAlgorithm, PackOptions, PackResult } from './packing/pack-vectors';
export type { VectorItem, VectorItems } from './packing/instance';
export { lowerBoundL1, lowerBoundL2 } from './packing/lower-bounds';

// putaway
export { optimizePutaway } from './putaway/optimize-putaway';
export type { OptimizePutawayInput } from './putaway/optimize-putaway';
export { validatePutawayInput, MAX_ITEM_LINES, MAX_LOCATIONS, MAX_UNITS_PER_LINE } from './putaway/validate';
export { MAX_RECENT_ORDERS, MAX_SKUS_PER_ORDER } from './putaway/types';
export { RECENT_ORDERS_PER_SKU } from './putaway/tour-cost';
export { resolveConfig, DEFAULT_OPTIMIZER_CONFIG, DEFAULT_WEIGHTS } from './putaway/config';
export { scorePlacement, travelTerm, utilizationTerm, ABC_VELOCITY } from './putaway/scoring';
export { fitsInside, unitCubicFeet, rectilinear } from './putaway/geometry';
export { CROSS_DOCK_TYPES, STORAGE_TYPES, keepsOutHeavyUnits, staticRejection } from './putaway/eligibility';
export { allocateCrossDock } from './putaway/cross-dock';
export type { CrossDockAllocation } from './putaway/cross-dock';
export { heuristicConfidence, resolveConfidence } from './putaway/confidence';
export type { ConfidenceModel, ConfidenceSource, HeuristicConfidenceInput } from './putaway/confidence';
export { FEATURE_NAMES, buildFeatures, featureArray, zoneBucket } from './putaway/features';
export type { FeatureName, FeatureVector, FeatureInput } from './putaway/features';
export { syntheticWarehouse } from './putaway/synthetic';
export type { SyntheticOptions } from './putaway/synthetic';
export type {
  AbcClass,
  AffinityPair,
  Alternative,
  CandidateLocation,
  LocationType,
  OpenDemand,
  OptimizerConfig,
  OptimizerConfigInput,
  OptimizerFlags,
  PutawayContext,
  PutawayItem,
  PutawayRecommendation,
  PutawayResult,
  PutawayStats,
  ScoreBreakdown,
  ScoreWeights,
  UnplaceableCode,
  UnplaceableLine,
} from './putaway/types';

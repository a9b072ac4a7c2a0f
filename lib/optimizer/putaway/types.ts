import type { PackingAlgorithm } from '../packing/pack-vectors';
import type { FeatureVector } from './features';
import type { ConfidenceSource } from './confidence';

/** ABC velocity class: A = fastest movers. */
export type AbcClass = 'A' | 'B' | 'C';

/** Location types. STAGING and DOCK are for cross-dock only; the rest are storage. */
export type LocationType = 'PICK_FACE' | 'RESERVE' | 'BULK' | 'STAGING' | 'DOCK';

/** One received line: `quantity` identical units of a SKU (and lot). */
export type PutawayItem = {
  sku: string;
  /** Units received, integer >= 1. */
  quantity: number;
  /** Unit length in inches, > 0. */
  lengthIn: number;
  /** Unit width in inches, > 0. */
  widthIn: number;
  /** Unit height in inches, > 0. */
  heightIn: number;
  /** Unit weight in lbs, >= 0. */
  unitWeightLbs: number;
  abc: AbcClass;
  lotNumber?: string;
  /** e.g. "3" (flammable liquids); only bins listing it in allowedHazardClasses accept it. */
  hazardClass?: string;
  /** e.g. "FROZEN"; must equal the bin's temperatureClass (absent on both = ambient). */
  temperatureClass?: string;
};

/** A bin the engine may choose, with its current contents. */
export type CandidateLocation = {
  id: string;
  code: string;
  zone: string;
  aisle: string;
  bay: string;
  /** 1 = floor level. */
  level: number;
  /** Position in feet (rectilinear distances are used). */
  x: number;
  y: number;
  type: LocationType;
  /** Usable volume in cubic feet; <= 0 marks the bin invalid (never used). */
  cubicFeet: number;
  /** Weight limit in lbs; <= 0 marks the bin invalid (never used). */
  maxWeightLbs: number;
  /** Inside (opening) dimensions in inches. */
  insideInches: { l: number; w: number; h: number };
  /** Volume already used, cubic feet, >= 0. */
  usedCubicFeet: number;
  /** Weight already stored, lbs, >= 0. */
  usedWeightLbs: number;
  /** SKUs present now. */
  skus: readonly string[];
  /** Lots present now. */
  lots: readonly string[];
  /** false: the bin accepts only the SKU(s) it already holds (or one SKU if empty). */
  allowMixing: boolean;
  isActive: boolean;
  allowedHazardClasses?: readonly string[];
  temperatureClass?: string;
};

/** Co-pick affinity between two SKUs; `lift` >= 0 (1 = independent, higher = picked together more). */
export type AffinityPair = { skuA: string; skuB: string; lift: number };

/** Open outbound demand line, used for cross-dock. */
export type OpenDemand = { sku: string; quantity: number; /** epoch ms */ dueAt: number; orderRef: string };

/** Most orders `context.recentOrders` may hold. */
export const MAX_RECENT_ORDERS = 100_000;
/** Most SKUs one order in `context.recentOrders` may name. */
export const MAX_SKUS_PER_ORDER = 1_000;

/** Warehouse state that is not about bins. */
export type PutawayContext = {
  /** Receiving dock position in feet. */
  dock: { x: number; y: number };
  affinity: readonly AffinityPair[];
  /** Open pick tasks per aisle (congestion). */
  openPickTasksByAisle: Readonly<Record<string, number>>;
  openDemand: readonly OpenDemand[];
  /**
   * Recent orders, each as the SKUs on it (most recent last), at least those holding a SKU of
   * this batch. With SKU_AFFINITY_ENABLED the engine estimates, per aisle, the feet of S-shape
   * pick tour a SKU adds to the orders it is picked in, given where the other SKUs of those
   * orders are stored (tour-cost.ts). Optional: without it, affinity uses the lift pairs only.
   * At most {@link MAX_RECENT_ORDERS} orders of at most {@link MAX_SKUS_PER_ORDER} SKUs each.
   */
  recentOrders?: readonly (readonly string[])[];
  /** Current time, epoch ms. */
  now: number;
  /** Seed for any randomized step (deterministic output). */
  seed: number;
};

/** Relative weights of the score components (>= 0; they are normalized to sum 1). */
export type ScoreWeights = {
  travel: number;
  utilization: number;
  affinity: number;
  congestion: number;
  consolidation: number;
};

/** Feature flags (see the runbook). */
export type OptimizerFlags = {
  SKU_AFFINITY_ENABLED: boolean;
  CROSS_DOCK_ENABLED: boolean;
  CONGESTION_AVOIDANCE_ENABLED: boolean;
  ML_MODEL_ENABLED: boolean;
};

/** Full engine configuration; see DEFAULT_OPTIMIZER_CONFIG for defaults. */
export type OptimizerConfig = {
  algorithm: PackingAlgorithm;
  weights: ScoreWeights;
  /** Target fill band, fractions of volume, 0 <= min <= max <= hardCap. Default 0.60–0.85. */
  targetBand: { min: number; max: number };
  /** Never fill a bin's volume or weight beyond this fraction. Default 0.95. */
  hardCap: number;
  /** Demand due within this many hours of context.now is cross-docked. Default 24. */
  crossDockHorizonHours: number;
  /** Units heavier than this (lbs) stay off PICK_FACE bins above floor level (a manual-handling limit; RESERVE and BULK take them at any level). Default 150. */
  heavyUnitLbs: number;
  flags: OptimizerFlags;
  /** Budget for vector packing inside the engine, ms. Default 500. */
  timeLimitMs: number;
};

/** A partial config; anything missing takes the default. */
export type OptimizerConfigInput = Partial<Omit<OptimizerConfig, 'weights' | 'targetBand' | 'flags'>> & {
  weights?: Partial<ScoreWeights>;
  targetBand?: Partial<OptimizerConfig['targetBand']>;
  flags?: Partial<OptimizerFlags>;
};

/** Named score components, in points; total = their sum, in [-100, 100]. Higher is better. */
export type ScoreBreakdown = {
  travel: number;
  utilization: number;
  affinity: number;
  congestion: number;
  consolidation: number;
};

/** A runner-up bin for a recommendation. */
export type Alternative = { locationId: string; locationCode: string; score: number; breakdown: ScoreBreakdown; fillAfter: number };

/** Reason codes for units that could not be placed. */
export type UnplaceableCode =
  | 'NO_ELIGIBLE_LOCATION'
  | 'HAZARD_INCOMPATIBLE'
  | 'TEMPERATURE_INCOMPATIBLE'
  | 'MIXING_NOT_ALLOWED'
  | 'HEAVY_UNIT_RESTRICTED'
  | 'DOES_NOT_FIT'
  | 'TOO_HEAVY'
  | 'NO_CAPACITY';

/** One placement: `quantity` units of a line into one bin, with its explanation. */
export type PutawayRecommendation = {
  /** Index of the line in `items`. */
  itemIndex: number;
  sku: string;
  lotNumber: string | null;
  /** Units placed in this bin (a line may be split over several bins). */
  quantity: number;
  locationId: string;
  locationCode: string;
  algorithm: PackingAlgorithm;
  /** Total score, points in [-100, 100], higher is better. */
  score: number;
  breakdown: ScoreBreakdown;
  /** Volume fill of the bin before / after this placement, 0..1. */
  fillBefore: number;
  fillAfter: number;
  /** Weight fill before / after, 0..1. */
  weightFillBefore: number;
  weightFillAfter: number;
  /** Rectilinear distance from the dock, feet. */
  distanceFt: number;
  /** Best other feasible bins, best first (at most 3). */
  alternatives: Alternative[];
  /** One-line human explanation. */
  reason: string;
  /** In [0, 1]. */
  confidence: number;
  confidenceSource: ConfidenceSource;
  features: FeatureVector;
  crossDock?: { orderRef: string; dueAt: number };
};

/** Units of a line that could not be placed, with why. */
export type UnplaceableLine = {
  itemIndex: number;
  sku: string;
  lotNumber: string | null;
  quantity: number;
  code: UnplaceableCode;
  message: string;
};

/** Run statistics. `ms` is the only field that varies between identical runs. */
export type PutawayStats = {
  ms: number;
  /** Lower bound on storage bins needed (volume and weight vs the largest free capacities). */
  lowerBound: number;
  binsUsed: number;
  unitsPlaced: number;
  unitsUnplaceable: number;
  crossDockUnits: number;
  candidatesScored: number;
  /** Locations never considered: inactive or invalid capacity. */
  locationsExcluded: number;
  /**
   * True when HYBRID filled bins to the top of the target band before using the headroom to the
   * hard cap; false for FFD and BFD, for a band that reaches the hard cap, and when that plan left
   * units without a bin that a plan without it placed (optimizePutaway).
   */
  bandFirst: boolean;
};

/** Output of optimizePutaway. */
export type PutawayResult = {
  recommendations: PutawayRecommendation[];
  unplaceable: UnplaceableLine[];
  stats: PutawayStats;
};

import 'server-only';
import {
  OptimizerInputError,
  optimizePutaway,
  type AbcClass,
  type PutawayItem,
  type PutawayRecommendation,
} from '@/lib/optimizer';
import type { ConfidencePredictor } from '@/lib/ml/model';
import { capacityConfig, type CapacityRules } from '@/lib/schemas/capacity';
import type { BinLayout } from '@/lib/optimizer/putaway/layout';
import type { EffectiveFlags } from '../flags/get-effective-flags';
import { AppError } from '../errors';
import type { AlternativeView, ScoreBreakdown, UnplaceableView } from './batch-view';
import type { AffinityPair, LocationWithFill, MaterialInfo, OpenDemandLine } from './load-putaway-inputs';

export type EngineItem = { sku: string; quantity: number; lotNumber: string; material: MaterialInfo };

export type EngineInputs = {
  items: EngineItem[];
  locations: LocationWithFill[];
  dock: { x: number; y: number };
  affinity: AffinityPair[];
  openPickTasksByAisle: Record<string, number>;
  openDemand: OpenDemandLine[];
  /** Recent orders as their SKUs, most recent last (loadRecentOrders); only with SKU_AFFINITY_ENABLED. */
  recentOrders?: string[][];
  flags: EffectiveFlags;
  /** The tenant's target band and hard cap (getEffectiveCapacity): the engine's defaults unless the tenant set its own. */
  capacity: CapacityRules;
  model: ConfidencePredictor | null;
  now: Date;
  seed: number;
  /** The bins' layout, kept with them across batches (see LocationMaster.layoutFor). */
  layoutFor?: (dock: { x: number; y: number }) => BinLayout;
};

export type EngineRecommendation = {
  sku: string;
  lotNumber: string;
  quantity: number;
  locationId: string;
  locationCode: string;
  zone: string;
  algorithm: string;
  scoreTotal: number;
  breakdown: ScoreBreakdown;
  fillBefore: number;
  fillAfter: number;
  alternatives: AlternativeView[];
  reason: string;
  confidence: number;
  confidenceSource: string;
  features: Record<string, number>;
  crossDock: { orderRef: string; dueAt: string | null } | null;
};

export type EngineOutput = { recommendations: EngineRecommendation[]; unplaceable: UnplaceableView[] };

const ABC = new Set(['A', 'B', 'C']);
/** Length, width and height all on file and positive: what packing and the fit rule need. */
export const hasDimensions = (m: MaterialInfo) => [m.lengthInches, m.widthInches, m.heightInches].every((d) => typeof d === 'number' && d > 0);

/** A material of the receipt as the engine's item (only for materials with {@link hasDimensions}). */
export function toItem(item: EngineItem): PutawayItem {
  const m = item.material;
  return {
    sku: item.sku,
    quantity: item.quantity,
    lengthIn: m.lengthInches!,
    widthIn: m.widthInches!,
    heightIn: m.heightInches!,
    unitWeightLbs: Math.max(0, m.weightLbs ?? 0),
    // The runbook: a missing ABC class defaults to C.
    abc: (m.abcClassification && ABC.has(m.abcClassification) ? m.abcClassification : 'C') as AbcClass,
    lotNumber: item.lotNumber,
    ...(m.hazardClass ? { hazardClass: m.hazardClass } : {}),
    ...(m.temperatureClass ? { temperatureClass: m.temperatureClass } : {}),
  };
}

/**
 * Adapts the database rows to the pure engine (@/lib/optimizer) and its result back to
 * what the batch stores. Materials without dimensions cannot be packed: they are reported
 * as unplaceable (the data-quality audit lists them) instead of failing the whole batch.
 */
export function runEngine(inputs: EngineInputs): EngineOutput {
  const unplaceable: UnplaceableView[] = [];
  const packable: EngineItem[] = [];
  for (const item of inputs.items) {
    if (hasDimensions(item.material)) packable.push(item);
    else unplaceable.push({ sku: item.sku, lotNumber: item.lotNumber, quantity: item.quantity, reasonCode: 'MISSING_DIMENSIONS', reason: 'The material has no dimensions on file; fix it in the item master.' });
  }
  if (!packable.length || !inputs.locations.length) {
    for (const item of packable) unplaceable.push({ sku: item.sku, lotNumber: item.lotNumber, quantity: item.quantity, reasonCode: 'NO_ELIGIBLE_LOCATION', reason: 'No active bin with a valid capacity.' });
    return { recommendations: [], unplaceable };
  }
  try {
    const result = optimizePutaway({
      items: packable.map(toItem),
      locations: inputs.locations,
      context: {
        dock: inputs.dock,
        affinity: inputs.affinity.map((a) => ({ skuA: a.skuA, skuB: a.skuB, lift: a.lift })),
        openPickTasksByAisle: inputs.openPickTasksByAisle,
        openDemand: inputs.openDemand.map((d) => ({ sku: d.sku, quantity: d.quantity, dueAt: Date.parse(d.dueAt), orderRef: d.orderRef })),
        ...(inputs.recentOrders ? { recentOrders: inputs.recentOrders } : {}),
        now: inputs.now.getTime(),
        seed: inputs.seed,
      },
      config: {
        algorithm: inputs.flags.algorithm,
        ...capacityConfig(inputs.capacity),
        flags: {
          SKU_AFFINITY_ENABLED: inputs.flags.SKU_AFFINITY_ENABLED,
          CROSS_DOCK_ENABLED: inputs.flags.CROSS_DOCK_ENABLED,
          CONGESTION_AVOIDANCE_ENABLED: inputs.flags.CONGESTION_AVOIDANCE_ENABLED,
          ML_MODEL_ENABLED: inputs.flags.ML_MODEL_ENABLED,
        },
      },
      ...(inputs.model ? { confidenceModel: inputs.model } : {}),
      ...(inputs.layoutFor ? { layout: inputs.layoutFor(inputs.dock) } : {}),
    });
    for (const line of result.unplaceable) {
      unplaceable.push({ sku: line.sku, lotNumber: line.lotNumber, quantity: line.quantity, reasonCode: line.code, reason: line.message });
    }
    const zoneById = zonesOf(inputs.locations, result.recommendations);
    return { recommendations: result.recommendations.map((r) => toRecommendation(r, packable[r.itemIndex]!, zoneById)), unplaceable };
  } catch (error) {
    if (error instanceof OptimizerInputError) {
      throw new AppError('BAD_USER_INPUT', `${error.field}: ${error.message}`, { details: { field: error.field }, cause: error });
    }
    throw error;
  }
}

/** Zone of each recommended bin: one pass over the bins, without a map of all 10,000 of them. */
function zonesOf(locations: readonly LocationWithFill[], recommendations: readonly PutawayRecommendation[]): Map<string, string> {
  const zones = new Map(recommendations.map((r) => [r.locationId, '']));
  for (const l of locations) if (zones.has(l.id)) zones.set(l.id, l.zone);
  return zones;
}

function toRecommendation(r: PutawayRecommendation, item: EngineItem, zoneById: Map<string, string>): EngineRecommendation {
  return {
    sku: r.sku,
    lotNumber: r.lotNumber ?? item.lotNumber,
    quantity: r.quantity,
    locationId: r.locationId,
    locationCode: r.locationCode,
    zone: zoneById.get(r.locationId) ?? '',
    algorithm: r.algorithm,
    scoreTotal: r.score,
    breakdown: r.breakdown,
    fillBefore: r.fillBefore,
    fillAfter: r.fillAfter,
    alternatives: r.alternatives.map((a) => ({ locationId: a.locationId, locationCode: a.locationCode, scoreTotal: a.score, fillAfter: a.fillAfter })),
    reason: r.reason,
    confidence: r.confidence,
    confidenceSource: r.confidenceSource,
    features: { ...r.features },
    crossDock: r.crossDock ? { orderRef: r.crossDock.orderRef, dueAt: new Date(r.crossDock.dueAt).toISOString() } : null,
  };
}

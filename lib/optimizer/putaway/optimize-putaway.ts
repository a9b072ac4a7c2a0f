import { resolveConfig } from './config';
import { resolveConfidence, type ConfidenceModel } from './confidence';
import { allocateCrossDock } from './cross-dock';
import { buildFeatures } from './features';
import { sortedDims, unitCubicFeet } from './geometry';
import { storageLineOrder } from './line-order';
import { explainUnplaced, gatherCandidates, rankCandidates, scoreCandidate, type LineSearch, type UnitShape } from './candidates';
import { buildReason } from './reason';
import { buildState, place, withCap, type BinState } from './state';
import { storageLowerBound } from './lower-bound';
import { validatePutawayInput } from './validate';
import { fittingLayout, type BinLayout } from './layout';
import { buildTourContext } from './tour-cost';
import { buildAffinity, makeLine } from './line-search';
import { FAILED_PROFILES, dominates, profileOf, type FailedProfile } from './failed-profiles';
import type {
  CandidateLocation,
  OptimizerConfig,
  OptimizerConfigInput,
  PutawayContext,
  PutawayItem,
  PutawayRecommendation,
  PutawayResult,
  UnplaceableCode,
  UnplaceableLine,
} from './types';

/** Input of {@link optimizePutaway}. */
export type OptimizePutawayInput = {
  items: readonly PutawayItem[];
  locations: readonly CandidateLocation[];
  context: PutawayContext;
  /** Partial config; missing fields take DEFAULT_OPTIMIZER_CONFIG. */
  config?: OptimizerConfigInput;
  /** Used for confidence when config.flags.ML_MODEL_ENABLED. */
  confidenceModel?: ConfidenceModel;
  /** Clock (ms) for stats.ms only; defaults to performance.now. */
  clock?: () => number;
  /**
   * buildLayout(locations, context.dock) from an earlier call, for a caller that sends the
   * same bin objects (static fields unchanged) batch after batch; ignored unless it fits.
   */
  layout?: BinLayout;
};

/** Refusals that depend on what bins hold now, not on the bins themselves. */
const ROOM_CODES: ReadonlySet<UnplaceableCode> = new Set(['MIXING_NOT_ALLOWED', 'NO_CAPACITY']);

const unitShape = (item: PutawayItem, unitCf: number): UnitShape => ({
  item,
  dims: sortedDims(item),
  unitCf,
  unitLbs: item.unitWeightLbs,
});

const MESSAGES: Record<UnplaceableCode, string> = {
  NO_ELIGIBLE_LOCATION: 'no active location of an eligible type with valid capacity',
  HAZARD_INCOMPATIBLE: 'no eligible bin allows this hazard class',
  TEMPERATURE_INCOMPATIBLE: 'no eligible bin has this temperature class',
  HEAVY_UNIT_RESTRICTED: 'heavy unit: hand-picked shelving above the floor may not take it, and no rack, lane or floor bin can',
  MIXING_NOT_ALLOWED: 'every eligible bin holds another SKU and does not allow mixing',
  DOES_NOT_FIT: 'the unit does not fit through any eligible bin opening (6 orientations tried) or exceeds its volume',
  TOO_HEAVY: 'the unit is heavier than any eligible bin allows under the hard cap',
  NO_CAPACITY: 'all eligible bins are full up to the hard cap',
};


/**
 * Recommends a bin for every received unit, or says why it cannot be placed.
 *
 * 1. Validate (typed OptimizerInputError naming the field) and merge the config.
 * 2. Cross-dock (CROSS_DOCK_ENABLED): units covering open demand due within the
 *    horizon go to the nearest STAGING/DOCK bins with room.
 * 3. Storage: lines in algorithm order (HYBRID: A, B, C then larger lines
 *    first; FFD/BFD: larger units first). Each line takes bins one at a time
 *    from a pruned candidate set (cheapest feasible window by aisle-aware
 *    travel cost + same-SKU bins + co-picked bays), scored and ranked by the
 *    algorithm's rule. HYBRID first fills bins only up to the top of the target
 *    band; a second pass over what is left may use the room up to the hard cap.
 *    When that leaves units without a bin for lack of room (NO_CAPACITY), the
 *    batch is planned again without the band-first pass, and that plan wins if
 *    it places more units (`stats.bandFirst` = false): in a nearly full
 *    warehouse, filling bins to the band first scatters the headroom into
 *    slivers too small for the bigger units, and a unit with no bin costs more
 *    than a bin over the band.
 *
 * Hard constraints (volume and weight under hardCap, fit in 6 orientations,
 * type, mixing, hazard, temperature, heavy-unit rule, active and valid
 * capacity) are never relaxed: leftovers are returned in `unplaceable`.
 * Pure and deterministic: inputs are never mutated; only `stats.ms` varies.
 */
export function optimizePutaway(input: OptimizePutawayInput): PutawayResult {
  const clock = input.clock ?? ((): number => globalThis.performance.now());
  const started = clock();
  const banded = planPutaway(input, true);
  // only room can be won back: a unit refused for its size, hazard, temperature or weight stays refused
  if (!banded.stats.bandFirst || !banded.unplaceable.some((line) => line.code === 'NO_CAPACITY')) return banded;
  const packed = planPutaway(input, false);
  const chosen = packed.stats.unitsUnplaceable < banded.stats.unitsUnplaceable ? packed : banded;
  return { ...chosen, stats: { ...chosen.stats, ms: clock() - started } };
}

/** One plan of {@link optimizePutaway}; `bandFirst` lets HYBRID fill bins to the top of the band before the hard cap. */
function planPutaway(input: OptimizePutawayInput, bandFirst: boolean): PutawayResult {
  const clock = input.clock ?? ((): number => globalThis.performance.now());
  const started = clock();
  const layout = fittingLayout(input);
  validatePutawayInput(input, { staticFieldsValidated: layout !== undefined });
  const config = resolveConfig(input.config);
  const { items, context } = input;
  // HYBRID fills storage inside the target band first and opens the headroom up to the hard
  // cap only for what nothing else can hold (second pass); FFD and BFD pack against the hard cap.
  const softCap = config.algorithm === 'HYBRID' && bandFirst ? Math.min(config.targetBand.max, config.hardCap) : config.hardCap;
  const softConfig: OptimizerConfig = softCap < config.hardCap ? { ...config, hardCap: softCap } : config;
  const state = buildState(input.locations, context, softCap, layout);
  const affinity = buildAffinity(context);
  const tours = config.flags.SKU_AFFINITY_ENABLED ? buildTourContext(state, context.dock, context.recentOrders) : null;
  const recommendations: PutawayRecommendation[] = [];
  const unplaceable: UnplaceableLine[] = [];
  const remaining = items.map((it) => it.quantity);
  let scored = 0;
  let crossDockUnits = 0;

  const run = (
    state: BinState,
    phase: OptimizerConfig,
    line: LineSearch,
    quantity: number,
    crossDock?: { orderRef: string; dueAt: number },
  ): number => {
    let left = quantity;
    const fillTight = config.algorithm === 'BFD';
    while (left > 0) {
      const cands = gatherCandidates(state, line, phase);
      if (cands.length === 0) break;
      const options = cands.map((b) => scoreCandidate(state, line, b, left, phase, context.openPickTasksByAisle, fillTight));
      scored += options.length;
      const ranked = rankCandidates(options, config.algorithm, state);
      const best = ranked[0];
      const l = state.locations[best.bin];
      const runnerUp = ranked.length > 1 ? ranked[1] : null;
      const margin = runnerUp ? best.score - runnerUp.score : null;
      const features = buildFeatures({
        score: best.score,
        breakdown: best.breakdown,
        margin: margin ?? 0,
        fillAfter: best.fillAfter,
        weightFillAfter: best.weightFillAfter,
        distanceFt: state.dist[best.bin],
        abc: line.item.abc,
        affinityLift: best.affinityLift,
        openTasks: best.openTasks,
        crossDock: crossDock !== undefined,
        algorithm: config.algorithm,
        level: l.level,
        type: l.type,
        zone: l.zone,
        unitWeightLbs: line.unitLbs,
        quantity: best.units,
        alternatives: ranked.length - 1,
      });
      const slack = Math.min(1 - best.fillAfter / config.hardCap, 1 - best.weightFillAfter / config.hardCap);
      const conf = resolveConfidence(
        features,
        { margin, slack, score: best.score },
        config.flags.ML_MODEL_ENABLED,
        input.confidenceModel,
      );
      const rec: PutawayRecommendation = {
        itemIndex: line.itemIndex,
        sku: line.item.sku,
        lotNumber: line.item.lotNumber ?? null,
        quantity: best.units,
        locationId: l.id,
        locationCode: l.code,
        algorithm: config.algorithm,
        score: best.score,
        breakdown: best.breakdown,
        fillBefore: best.fillBefore,
        fillAfter: best.fillAfter,
        weightFillBefore: best.weightFillBefore,
        weightFillAfter: best.weightFillAfter,
        distanceFt: state.dist[best.bin],
        alternatives: ranked.slice(1, 4).map((a) => ({
          locationId: state.locations[a.bin].id,
          locationCode: state.locations[a.bin].code,
          score: a.score,
          breakdown: a.breakdown,
          fillAfter: a.fillAfter,
        })),
        reason: buildReason({
          abc: line.item.abc,
          distanceFt: state.dist[best.bin],
          fillAfter: best.fillAfter,
          partners: best.partners,
          consolidation: best.consolidation,
          openTasks: best.openTasks,
          aisle: l.aisle,
          showAffinity: config.flags.SKU_AFFINITY_ENABLED,
          tourFt: line.tour ? line.tour.cost[state.aisleId[best.bin]] : undefined,
          showCongestion: config.flags.CONGESTION_AVOIDANCE_ENABLED,
          crossDock: crossDock ? { ...crossDock, now: context.now } : undefined,
        }),
        confidence: conf.confidence,
        confidenceSource: conf.confidenceSource,
        features,
      };
      if (crossDock) rec.crossDock = { orderRef: crossDock.orderRef, dueAt: crossDock.dueAt };
      recommendations.push(rec);
      place(state, best.bin, line.item.sku, line.item.lotNumber ?? null, best.units, line.unitCf, line.unitLbs, line.isStorage);
      left -= best.units;
    }
    return quantity - left;
  };

  if (config.flags.CROSS_DOCK_ENABLED && state.staging.length > 0 && context.openDemand.length > 0) {
    const lines = new Map<number, LineSearch>();
    for (const a of allocateCrossDock(items, context.openDemand, context.now, config.crossDockHorizonHours)) {
      let line = lines.get(a.itemIndex);
      if (!line) lines.set(a.itemIndex, (line = makeLine(state, items[a.itemIndex], a.itemIndex, false, affinity, config)));
      const placed = run(state, config, line, a.quantity, { orderRef: a.orderRef, dueAt: a.dueAt });
      remaining[a.itemIndex] -= placed;
      crossDockUnits += placed;
    }
  }

  const unitCf = items.map((it) => unitCubicFeet(it.lengthIn, it.widthIn, it.heightIn));
  const order = storageLineOrder(items, unitCf, state, config, tours);
  let storageCf = 0;
  let storageLbs = 0;
  for (const i of order) {
    storageCf += remaining[i] * unitCf[i];
    storageLbs += remaining[i] * items[i].unitWeightLbs;
  }
  const lowerBound = storageLowerBound(state, storageCf, storageLbs, config.hardCap);
  // One pass over the lines under a fill cap; `final` reports what is still left as unplaceable.
  const storagePass = (passState: BinState, phase: OptimizerConfig, final: boolean): void => {
    const failed: FailedProfile[] = [];
    for (const i of order) {
      if (remaining[i] <= 0) continue;
      const inNonMixing = (passState.skuBins.get(items[i].sku) ?? []).some((b) => !passState.locations[b].allowMixing);
      // a no-mixing bin holding this SKU is reached only through the SKU itself, so no earlier
      // failure of another SKU says anything about it
      const known = inNonMixing ? undefined : failed.find((f) => dominates(f, items[i], unitCf[i]));
      let code: UnplaceableCode;
      if (known) {
        // a unit bigger than one that found no room may still fit no bin at all: only a lasting
        // refusal (the bin's own rules) carries over to it as it is
        code = ROOM_CODES.has(known.code) ? explainUnplaced(passState, unitShape(items[i], unitCf[i]), phase) : known.code;
      } else {
        const line = makeLine(passState, items[i], i, true, affinity, config, tours);
        remaining[i] -= run(passState, phase, line, remaining[i]);
        if (remaining[i] <= 0) continue;
        code = explainUnplaced(passState, line, phase);
        if (failed.length < FAILED_PROFILES) failed.push(profileOf(items[i], unitCf[i], code));
      }
      if (final && remaining[i] > 0) {
        unplaceable.push({
          itemIndex: i,
          sku: items[i].sku,
          lotNumber: items[i].lotNumber ?? null,
          quantity: remaining[i],
          code,
          message: `${remaining[i]} unit(s) of ${items[i].sku}: ${MESSAGES[code]}`,
        });
      }
    }
  };
  const twoPass = softConfig !== config;
  storagePass(state, softConfig, !twoPass);
  if (twoPass && order.some((i) => remaining[i] > 0)) storagePass(withCap(state, config.hardCap), config, true);
  const unitsPlaced = recommendations.reduce((s, r) => s + r.quantity, 0);
  return {
    recommendations,
    unplaceable,
    stats: {
      ms: clock() - started,
      lowerBound,
      binsUsed: new Set(recommendations.map((r) => r.locationId)).size,
      unitsPlaced,
      unitsUnplaceable: unplaceable.reduce((s, u) => s + u.quantity, 0),
      crossDockUnits,
      candidatesScored: scored,
      locationsExcluded: state.excluded,
      bandFirst: twoPass,
    },
  };
}

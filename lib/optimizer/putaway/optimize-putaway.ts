import { resolveConfig } from './config';
import { resolveConfidence, type ConfidenceModel } from './confidence';
import { allocateCrossDock } from './cross-dock';
import { buildFeatures } from './features';
import { unitCubicFeet } from './geometry';
import { storageLineOrder } from './line-order';
import { gatherCandidates, rankCandidates, scoreCandidate, type LineSearch } from './candidates';
import { buildReason } from './reason';
import { ABC_VELOCITY } from './scoring';
import { buildState, place, withCap, type BinState } from './state';
import { storageLowerBound } from './lower-bound';
import { validatePutawayInput } from './validate';
import { fittingLayout, type BinLayout } from './layout';
import { buildTourContext, tourSearch, type TourContext } from './tour-cost';
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

/** Bins read per co-picked SKU when locating its bays. */
const PARTNER_BIN_LIMIT = 64;
/** Co-picked SKUs considered per line (highest lift first). */
const PARTNER_LIMIT = 16;
/** Bays with the highest co-pick lift always offered as candidates. */
const AFFINITY_BAYS = 8;

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

type AffinityIndex = Map<string, Map<string, number>>;

function buildAffinity(ctx: PutawayContext): AffinityIndex {
  const index: AffinityIndex = new Map();
  const add = (a: string, b: string, lift: number): void => {
    if (a === b) return;
    const excess = Math.max(0, lift - 1);
    if (excess === 0) return;
    let m = index.get(a);
    if (!m) index.set(a, (m = new Map()));
    m.set(b, Math.max(m.get(b) ?? 0, excess));
  };
  for (const p of ctx.affinity) {
    add(p.skuA, p.skuB, p.lift);
    add(p.skuB, p.skuA, p.lift);
  }
  return index;
}

function makeLine(
  state: BinState,
  item: PutawayItem,
  itemIndex: number,
  isStorage: boolean,
  affinity: AffinityIndex,
  config: OptimizerConfig,
  tours: TourContext | null = null,
): LineSearch {
  const bayLift = new Map<number, number>();
  const aisleLift = new Map<number, number>();
  const bayPartners = new Map<number, number>();
  if (isStorage && config.flags.SKU_AFFINITY_ENABLED) {
    const partners = affinity.get(item.sku);
    if (partners) {
      const sorted = [...partners.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      for (let p = 0; p < sorted.length && p < PARTNER_LIMIT; p++) {
        const [partner, lift] = sorted[p];
        const bins = state.skuBins.get(partner) ?? [];
        const bays = new Set<number>();
        const aisles = new Set<number>();
        for (let k = 0; k < bins.length && k < PARTNER_BIN_LIMIT; k++) {
          bays.add(state.bayId[bins[k]]);
          aisles.add(state.aisleId[bins[k]]);
        }
        for (const key of bays) {
          bayLift.set(key, (bayLift.get(key) ?? 0) + lift);
          bayPartners.set(key, (bayPartners.get(key) ?? 0) + 1);
        }
        for (const a of aisles) aisleLift.set(a, (aisleLift.get(a) ?? 0) + lift);
      }
    }
  }
  const affinityBays = [...bayLift.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, AFFINITY_BAYS)
    .map(([k]) => k);
  const dims = [item.lengthIn, item.widthIn, item.heightIn].sort((a, b) => b - a) as [number, number, number];
  const unitCf = unitCubicFeet(item.lengthIn, item.widthIn, item.heightIn);
  return {
    item,
    itemIndex,
    need: Float64Array.of(unitCf - 1e-9, item.unitWeightLbs - 1e-9),
    unitCf,
    unitLbs: item.unitWeightLbs,
    dims,
    order: isStorage ? state.storage : state.staging,
    reverse: isStorage && ABC_VELOCITY[item.abc] < 0,
    cursor: 0,
    pool: [],
    worst: 'NO_ELIGIBLE_LOCATION',
    bayLift,
    aisleLift,
    bayPartners,
    affinityBays,
    isStorage,
    // order-aware travel uses co-pick data, so it is part of SKU affinity (and its flag)
    tour: isStorage && tours && config.flags.SKU_AFFINITY_ENABLED && ABC_VELOCITY[item.abc] >= 0 ? tourSearch(tours, state, item.sku, affinity.get(item.sku)) : null,
  };
}

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
 *
 * Hard constraints (volume and weight under hardCap, fit in 6 orientations,
 * type, mixing, hazard, temperature, heavy-unit rule, active and valid
 * capacity) are never relaxed: leftovers are returned in `unplaceable`.
 * Pure and deterministic: inputs are never mutated; only `stats.ms` varies.
 */
export function optimizePutaway(input: OptimizePutawayInput): PutawayResult {
  const clock = input.clock ?? ((): number => globalThis.performance.now());
  const started = clock();
  const layout = fittingLayout(input);
  validatePutawayInput(input, { staticFieldsValidated: layout !== undefined });
  const config = resolveConfig(input.config);
  const { items, context } = input;
  // HYBRID fills storage inside the target band first and opens the headroom up to the hard
  // cap only for what nothing else can hold (second pass); FFD and BFD pack against the hard cap.
  const softCap = config.algorithm === 'HYBRID' ? Math.min(config.targetBand.max, config.hardCap) : config.hardCap;
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
      if (known) code = known.code;
      else {
        const line = makeLine(passState, items[i], i, true, affinity, config, tours);
        remaining[i] -= run(passState, phase, line, remaining[i]);
        code = passState.storage.length === 0 ? 'NO_ELIGIBLE_LOCATION' : line.worst;
        if (code === 'NO_ELIGIBLE_LOCATION' && passState.storage.length > 0) {
          // every bin was skipped for lack of room: say whether any could ever hold the unit
          code = items[i].unitWeightLbs > passState.maxRoom[1] + 1e-9 ? 'TOO_HEAVY' : unitCf[i] > passState.maxRoom[0] + 1e-9 ? 'DOES_NOT_FIT' : 'NO_CAPACITY';
        }
        if (remaining[i] > 0 && failed.length < FAILED_PROFILES) failed.push(profileOf(items[i], unitCf[i], code));
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
    },
  };
}

import 'server-only';
import { randomUUID } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';
import { ZCreatePutawayBatch, type TCreatePutawayBatch } from '@/lib/schemas/putaway';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant, type Tx } from '../db';
import { AppError, toAppError } from '../errors';
import { getEffectiveCapacity } from '../capacity/get-effective-capacity';
import { getEffectiveFlags, type EffectiveFlags } from '../flags/get-effective-flags';
import { getActiveConfidenceModel } from '../ml/get-active-confidence-model';
import type { BatchFlags, BatchView, RecommendationView } from './batch-view';
import { loadCandidateLocations } from './load-candidates';
import { loadAffinity, loadDockAndPickTasks, loadMaterialsBySku, loadOpenDemand, loadRecentOrders, type MaterialInfo } from './load-putaway-inputs';
import { phaseTimer, type PhaseTimer, type PhaseTimings } from './phase-timer';
import { countBatchFailure, observeBatch } from './putaway-metrics';
import { runEngine, type EngineItem, type EngineOutput } from './run-engine';
import { parsePutawayInput } from './validate';

/**
 * Creates a putaway batch: validates the receipt, loads the bins with their fill and the
 * context (affinity, recent orders, congestion, open demand) in a fixed number of queries,
 * runs the engine under the tenant's flags and stores the batch with its PENDING
 * recommendations, all in one transaction. A refusal (bad input, unknown SKU, missing permission) writes nothing;
 * an unexpected failure is counted and recorded as a FAILED batch.
 */
export async function createPutawayBatch(
  context: AuthContext,
  input: TCreatePutawayBatch,
  options: { onPhases?: (timings: PhaseTimings) => void } = {},
): Promise<BatchView> {
  assertPermission(context, 'recommendations.create');
  const { items, source } = parsePutawayInput(ZCreatePutawayBatch, input);
  const started = performance.now();
  const timer = phaseTimer();
  let algorithm = 'unknown';
  let flagsUsed: BatchFlags | null = null;
  try {
    const view = await withTenant(
      context.tenantId,
      async (tx) => {
        timer.mark('begin');
        const materials = await loadMaterialsBySku(tx, [...new Set(items.map((item) => item.sku))]);
        const unknown = items.findIndex((item) => !materials.has(item.sku));
        if (unknown >= 0) {
          const field = `items[${unknown}].sku`;
          throw new AppError('BAD_USER_INPUT', `${field}: unknown SKU "${items[unknown]!.sku}"`, { fieldErrors: { [field]: ['unknown SKU'] }, details: { field } });
        }
        const flags = await getEffectiveFlags(tx, context.tenantId);
        const { source: capacitySource, ...capacity } = await getEffectiveCapacity(tx, context.tenantId);
        algorithm = flags.algorithm;
        timer.mark('materialsAndFlags');
        const materialIds = [...new Set([...materials.values()].map((m) => m.materialId))];
        const lotNumbers = items.flatMap((item) => (item.lotNumber ? [item.lotNumber] : []));
        const [candidates, dock, pickTasksByAisle, openDemand, affinity, recentOrders, model] = await loadContext(tx, context.tenantId, materialIds, [...materials.keys()], lotNumbers, hazardClassesOf(materials), flags, timer);
        const batchId = randomUUID();
        const stamp = new Date();
        const engineItems: EngineItem[] = items.map((item, index) => ({
          sku: item.sku,
          quantity: item.quantity,
          lotNumber: item.lotNumber ?? defaultLotNumber(batchId, stamp, index),
          material: materials.get(item.sku)!,
        }));
        timer.mark('engineInputs');
        const output = runEngine({
          items: engineItems,
          // No await between materialize() and the engine's return: see Candidates.materialize.
          locations: candidates.materialize(),
          layoutFor: candidates.layoutFor,
          dock,
          affinity,
          openPickTasksByAisle: pickTasksByAisle,
          openDemand,
          ...(recentOrders ? { recentOrders } : {}),
          flags,
          capacity,
          model,
          now: stamp,
          seed: seedOf(batchId),
        });
        timer.mark('engine');
        flagsUsed = {
          algorithm: flags.algorithm,
          SKU_AFFINITY_ENABLED: flags.SKU_AFFINITY_ENABLED,
          CROSS_DOCK_ENABLED: flags.CROSS_DOCK_ENABLED,
          CONGESTION_AVOIDANCE_ENABLED: flags.CONGESTION_AVOIDANCE_ENABLED,
          ML_MODEL_ENABLED: flags.ML_MODEL_ENABLED,
        };
        const processingMs = performance.now() - started;
        // The fill rules are stored with the flags, so a batch says which band and cap it was planned under.
        const stored = { ...flagsUsed, capacity: { ...capacity, source: capacitySource }, modelVersion: model?.version ?? null, problems: flags.problems, excludedLocations: candidates.excluded };
        const view = await storeBatch(tx, context, { batchId, source, itemCount: items.length, flags: flagsUsed, storedFlags: stored, processingMs, output, excluded: candidates.excluded, materials: engineItems, createdAt: stamp });
        timer.mark('insert');
        return view;
      },
      { timeoutMs: 60_000 },
    );
    // The metric covers the whole call, inserts and commit included; the row stores the time up to the insert.
    timer.mark('commit');
    observeBatch(algorithm, performance.now() - started, view.recommendations);
    options.onPhases?.(timer.timings);
    return view;
  } catch (error) {
    const appError = toAppError(error);
    // Refusals are the caller's to fix and change nothing; anything else is our failure.
    if (!['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'].includes(appError.code)) {
      countBatchFailure('batch');
      await recordFailedBatch(context, { algorithm, flags: flagsUsed, source, itemCount: items.length, processingMs: performance.now() - started, message: appError.message });
    }
    throw appError;
  }
}

/**
 * The context queries, one after another on the transaction's single connection. Affinity
 * comes first: the candidate query sends full SKU lists only for bins holding a receipt
 * SKU or one of its co-picked partners. Recent orders feed only the affinity term, so they
 * are read only when it is on.
 */
async function loadContext(
  tx: Tx,
  tenantId: string,
  materialIds: string[],
  skus: string[],
  lotNumbers: string[],
  hazardClasses: string[],
  flags: Pick<EffectiveFlags, 'ML_MODEL_ENABLED' | 'SKU_AFFINITY_ENABLED'>,
  timer: PhaseTimer,
) {
  const affinity = await loadAffinity(tx, materialIds);
  timer.mark('affinity');
  const relevantSkus = [...new Set([...skus, ...affinity.flatMap((pair) => [pair.skuA, pair.skuB])])];
  const candidates = await loadCandidateLocations(tx, tenantId, { skus: relevantSkus, lotNumbers, hazardClasses }, timer);
  const { dock, openPickTasksByAisle: pickTasksByAisle } = await loadDockAndPickTasks(tx);
  const openDemand = await loadOpenDemand(tx, materialIds);
  const model = flags.ML_MODEL_ENABLED ? await getActiveConfidenceModel(tx) : null;
  timer.mark('dockTasksDemandModel');
  const recentOrders = flags.SKU_AFFINITY_ENABLED ? await loadRecentOrders(tx, materialIds) : undefined;
  timer.mark('recentOrders');
  return [candidates, dock, pickTasksByAisle, openDemand, affinity, recentOrders, model] as const;
}

function hazardClassesOf(materials: Map<string, MaterialInfo>): string[] {
  return [...new Set([...materials.values()].flatMap((m) => (m.hazardClass ? [m.hazardClass] : [])))];
}

function defaultLotNumber(batchId: string, at: Date, index: number): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  return `R${day}-${batchId.slice(0, 6).toUpperCase()}-${String(index + 1).padStart(4, '0')}`;
}

/** A deterministic engine seed per batch, so a batch can be replayed exactly. */
function seedOf(batchId: string): number {
  return Number.parseInt(batchId.replaceAll('-', '').slice(0, 8), 16) >>> 0;
}

type StoreInput = {
  batchId: string;
  source: string;
  itemCount: number;
  flags: BatchFlags;
  storedFlags: Record<string, unknown>;
  processingMs: number;
  output: EngineOutput;
  excluded: BatchView['excludedLocations'];
  materials: EngineItem[];
  createdAt: Date;
};

/** The batch row and all its recommendations: one INSERT statement whatever the size. */
async function storeBatch(tx: Tx, context: AuthContext, input: StoreInput): Promise<BatchView> {
  const { batchId, output } = input;
  const materialIdBySku = new Map(input.materials.map((item) => [item.sku, item.material.materialId]));
  const recommendations: RecommendationView[] = output.recommendations.map((r) => ({
    id: randomUUID(),
    batchId,
    sku: r.sku,
    lotNumber: r.lotNumber,
    quantity: r.quantity,
    locationId: r.locationId,
    locationCode: r.locationCode,
    zone: r.zone,
    algorithm: r.algorithm,
    confidenceScore: r.confidence,
    confidenceSource: r.confidenceSource,
    scoreTotal: r.scoreTotal,
    scoreBreakdown: r.breakdown,
    fillBefore: r.fillBefore,
    fillAfter: r.fillAfter,
    reason: r.reason,
    alternatives: r.alternatives,
    crossDock: r.crossDock,
    status: 'PENDING',
    finalLocationCode: null,
    decisionReasonCode: null,
    decisionNote: null,
    decidedAt: null,
  }));
  const featuresById = new Map(output.recommendations.map((r, i) => [recommendations[i]!.id, r.features]));
  const batchRow = Prisma.sql`
    INSERT INTO putaway_batches (batch_id, tenant_id, status, algorithm, flags, source, item_count, unplaceable, processing_ms, created_by, created_at)
    VALUES (${batchId}::uuid, ${context.tenantId}::uuid, ${recommendations.length ? 'OPEN' : 'COMPLETED'}::batch_status, ${input.flags.algorithm},
            ${JSON.stringify(input.storedFlags)}::jsonb, ${input.source}, ${input.itemCount}, ${JSON.stringify(output.unplaceable)}::jsonb,
            ${input.processingMs}, ${context.userId}::uuid, ${input.createdAt})`;
  if (!recommendations.length) await tx.$executeRaw`${batchRow}`;
  else {
    const rows = recommendations.map((r) => ({
      id: r.id,
      material_id: materialIdBySku.get(r.sku),
      lot_number: r.lotNumber,
      quantity: r.quantity,
      location_id: r.locationId,
      algorithm: r.algorithm,
      confidence_score: r.confidenceScore,
      confidence_source: r.confidenceSource,
      score_total: r.scoreTotal,
      score_breakdown: r.scoreBreakdown,
      alternatives: r.alternatives,
      features: featuresById.get(r.id) ?? {},
      reason: r.reason,
      fill_before: r.fillBefore,
      fill_after: r.fillAfter,
      cross_dock_order_ref: r.crossDock?.orderRef ?? null,
    }));
    // One statement (one round trip): the batch row in a CTE, its recommendations from it.
    // The foreign key is checked at the end of the statement, when the batch row exists.
    await tx.$executeRaw`
      WITH batch AS (${batchRow} RETURNING batch_id)
      INSERT INTO putaway_recommendations (recommendation_id, tenant_id, batch_id, material_id, lot_number, quantity, location_id, algorithm,
        confidence_score, confidence_source, score_total, score_breakdown, alternatives, features, reason, fill_before, fill_after, cross_dock_order_ref, created_at)
      SELECT r.id, ${context.tenantId}::uuid, batch.batch_id, r.material_id, r.lot_number, r.quantity, r.location_id, r.algorithm,
        r.confidence_score, r.confidence_source, r.score_total, r.score_breakdown, r.alternatives, r.features, r.reason, r.fill_before, r.fill_after,
        r.cross_dock_order_ref, ${input.createdAt}
      FROM batch, jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
        id uuid, material_id uuid, lot_number text, quantity int, location_id uuid, algorithm text, confidence_score float8,
        confidence_source text, score_total float8, score_breakdown jsonb, alternatives jsonb, features jsonb, reason text,
        fill_before float8, fill_after float8, cross_dock_order_ref text)`;
  }
  return {
    batchId,
    status: recommendations.length ? 'OPEN' : 'COMPLETED',
    algorithm: input.flags.algorithm,
    flags: input.flags,
    source: input.source,
    itemCount: input.itemCount,
    processingMs: input.processingMs,
    createdAt: input.createdAt.toISOString(),
    excludedLocations: input.excluded,
    recommendations,
    unplaceable: output.unplaceable,
  };
}

/** A FAILED batch row in its own transaction, so the failure is visible in the history. */
async function recordFailedBatch(
  context: AuthContext,
  failure: { algorithm: string; flags: BatchFlags | null; source: string; itemCount: number; processingMs: number; message: string },
): Promise<void> {
  try {
    await withTenant(context.tenantId, async (tx) => {
      await tx.$executeRaw`
        INSERT INTO putaway_batches (tenant_id, status, algorithm, flags, source, item_count, processing_ms, error_message, created_by)
        VALUES (${context.tenantId}::uuid, 'FAILED', ${failure.algorithm}, ${JSON.stringify(failure.flags ?? {})}::jsonb, ${failure.source},
                ${failure.itemCount}, ${failure.processingMs}, ${failure.message.slice(0, 1000)}, ${context.userId}::uuid)`;
    });
  } catch (error) {
    console.error('[binwise] could not record the failed batch', error);
  }
}

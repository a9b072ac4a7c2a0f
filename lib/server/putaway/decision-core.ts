import 'server-only';
import type { ReasonCode } from '@/lib/schemas/putaway';
import type { AuthContext } from '../auth/session';
import { getEffectiveCapacity } from '../capacity/get-effective-capacity';
import type { Tx } from '../db';
import { AppError } from '../errors';
import type { AlternativeView } from './batch-view';
import { findAlternativeWithRoom, lockAndCheckRoom, receiveIntoBin } from './placement';

export type LockedRecommendation = {
  recommendation_id: string;
  batch_id: string;
  material_id: string;
  sku: string;
  lot_number: string;
  quantity: number;
  location_id: string;
  status: string;
  features: Record<string, unknown>;
  confidence_score: number;
  confidence_source: string;
  alternatives: AlternativeView[];
  model_version: string | null;
  /** The order these units are promised to (a cross-dock line to a staging lane), or null for stock. */
  cross_dock_order_ref: string | null;
};

/**
 * The recommendation, locked for this transaction, whatever its status (null when there is
 * none). Row-level security scopes the read to the caller's tenant, so another tenant's id is
 * simply not found.
 */
export async function lockRecommendation(tx: Tx, recommendationId: string): Promise<LockedRecommendation | null> {
  const [row] = await tx.$queryRaw<LockedRecommendation[]>`
    SELECT r.recommendation_id::text, r.batch_id::text, r.material_id::text, m.sku, r.lot_number, r.quantity, r.location_id::text,
           r.status::text AS status, r.features, r.confidence_score, r.confidence_source, r.alternatives,
           b.flags->>'modelVersion' AS model_version, r.cross_dock_order_ref
    FROM putaway_recommendations r
    JOIN materials m ON m.material_id = r.material_id
    JOIN putaway_batches b ON b.batch_id = r.batch_id
    WHERE r.recommendation_id = ${recommendationId}::uuid
    FOR UPDATE OF r`;
  return row ?? null;
}

/** The recommendation, locked and still PENDING, or NOT_FOUND / CONFLICT. */
export async function lockPendingRecommendation(tx: Tx, recommendationId: string): Promise<LockedRecommendation> {
  const row = await lockRecommendation(tx, recommendationId);
  if (!row) throw new AppError('NOT_FOUND', 'No such recommendation.', { details: { field: 'recommendationId' } });
  if (row.status !== 'PENDING') {
    throw new AppError('CONFLICT', `This recommendation was already decided (${row.status.toLowerCase()}).`, { details: { status: row.status } });
  }
  return row;
}

export type PlacementOutcome = { ok: true; locationId: string } | { ok: false; message: string; alternative: { locationId: string; locationCode: string } | null };

/**
 * The tenant's hard cap as it stands now, read in the decision's transaction: the cap the engine
 * plans new batches with, so an accept or override cannot fill a bin past what the tenant allows.
 * Read once per transaction (an accept-all places many recommendations under one cap).
 */
export async function decisionHardCap(tx: Tx, context: AuthContext): Promise<number> {
  return (await getEffectiveCapacity(tx, context.tenantId)).hardCap;
}

/** Re-checks room under the bin lock against `hardCap` ({@link decisionHardCap}) and, when it fits, receives the lot there. */
export async function placeRecommendation(tx: Tx, context: AuthContext, rec: LockedRecommendation, locationId: string, hardCap: number): Promise<PlacementOutcome> {
  const check = await lockAndCheckRoom(tx, { locationId, materialId: rec.material_id, sku: rec.sku, quantity: rec.quantity, hardCap });
  if (!check.ok) {
    const alternative = await findAlternativeWithRoom(tx, {
      materialId: rec.material_id,
      quantity: rec.quantity,
      candidateIds: [rec.location_id, ...rec.alternatives.map((a) => a.locationId)],
      excludeId: locationId,
      hardCap,
    });
    return { ok: false, message: check.message, alternative };
  }
  await receiveIntoBin(tx, {
    tenantId: context.tenantId,
    materialId: rec.material_id,
    lotNumber: rec.lot_number,
    quantity: rec.quantity,
    locationId,
    recommendationId: rec.recommendation_id,
    performedBy: context.userId,
    reference: `PUTAWAY ${rec.batch_id.slice(0, 8)}`,
  });
  return { ok: true, locationId };
}

/**
 * The refusal for a bin without room for the line: filled up since the recommendation was made,
 * or (an override, or a cap lowered since) too small for it even empty. Both are CAPACITY_CONFLICT
 * with an alternative that has room, the one answer the review queue and accept-all act on.
 */
export function capacityConflict(outcome: Extract<PlacementOutcome, { ok: false }>): AppError {
  const suffix = outcome.alternative ? ` Try ${outcome.alternative.locationCode} instead.` : ' No listed alternative has room either; create a new batch.';
  return new AppError('CAPACITY_CONFLICT', `${outcome.message}${suffix}`, { details: { alternative: outcome.alternative } });
}

export type Decision = 'ACCEPTED' | 'REJECTED' | 'OVERRIDDEN';

/** Marks the decision, writes the training row, and closes the batch when nothing is pending. */
export async function recordDecision(
  tx: Tx,
  context: AuthContext,
  rec: LockedRecommendation,
  decision: Decision,
  detail: { finalLocationId: string | null; reasonCode: ReasonCode | null; note: string | null },
): Promise<void> {
  await tx.$executeRaw`
    UPDATE putaway_recommendations
    SET status = ${decision}::recommendation_status, final_location_id = ${detail.finalLocationId}::uuid,
        decision_reason_code = ${detail.reasonCode}, decision_note = ${detail.note},
        decided_by = ${context.userId}::uuid, decided_at = now()
    WHERE recommendation_id = ${rec.recommendation_id}::uuid`;
  const modelVersion = rec.confidence_source === 'ml' && rec.model_version ? Number(rec.model_version) : null;
  await tx.$executeRaw`
    INSERT INTO ml_feedback_training_data (tenant_id, recommendation_id, features, accepted, decision, reason_code, model_version, confidence_score)
    VALUES (${context.tenantId}::uuid, ${rec.recommendation_id}::uuid, ${JSON.stringify(rec.features ?? {})}::jsonb, ${decision === 'ACCEPTED'},
            ${decision}, ${detail.reasonCode}, ${Number.isFinite(modelVersion) ? modelVersion : null}::int, ${rec.confidence_score})`;
  await tx.$executeRaw`
    UPDATE putaway_batches SET status = 'COMPLETED'
    WHERE batch_id = ${rec.batch_id}::uuid AND status = 'OPEN'
      AND NOT EXISTS (SELECT 1 FROM putaway_recommendations WHERE batch_id = ${rec.batch_id}::uuid AND status = 'PENDING')`;
}

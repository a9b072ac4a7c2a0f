import 'server-only';
import { ZAcceptAll, type TAcceptAll } from '@/lib/schemas/putaway';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import { AppError } from '../errors';
import { decisionHardCap, lockRecommendation, placeRecommendation, recordDecision } from './decision-core';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency';
import { countDecision, countUnexpectedDecisionError } from './putaway-metrics';
import { parsePutawayInput } from './validate';

export type AcceptAllResult = {
  acceptedIds: string[];
  conflicts: { recommendationId: string; sku: string; message: string; alternative: { locationId: string; locationCode: string } | null }[];
  /** Decided by someone else (a racing accept-all, a single decision) before this one got to them. */
  skipped: { recommendationId: string; status: string }[];
  replayed: boolean;
};

/**
 * Accepts every PENDING recommendation of the batch at or above `minConfidence`, in one
 * transaction. Recommendations are locked first, then bins in location-id order, so neither
 * two accept-alls nor an accept-all and single decisions can deadlock; a recommendation
 * whose bin filled up meanwhile is left PENDING and reported. One that a concurrent decision
 * settled first (a double click, two supervisors) is skipped and reported, so a racing
 * accept-all still accepts the rest instead of failing as a whole.
 */
export async function acceptAll(context: AuthContext, input: TAcceptAll): Promise<AcceptAllResult> {
  assertPermission(context, 'recommendations.review');
  const { batchId, minConfidence, idempotencyKey } = parsePutawayInput(ZAcceptAll, input);
  const result = await withTenant(
    context.tenantId,
    async (tx) => {
      const replay = await claimIdempotencyKey<AcceptAllResult>(tx, context.tenantId, idempotencyKey, 'accept-all', requestHash('accept-all', { batchId, minConfidence }));
      // Responses stored before `skipped` existed replay with an empty list.
      if (replay) return { ...replay, skipped: replay.skipped ?? [], replayed: true };
      const batch = await tx.$queryRaw<{ batch_id: string }[]>`SELECT batch_id::text FROM putaway_batches WHERE batch_id = ${batchId}::uuid`;
      if (!batch.length) throw new AppError('NOT_FOUND', 'No such batch.', { details: { field: 'batchId' } });
      // Every recommendation is locked up front, before any bin: a single decision locks its
      // recommendation then its bin, so this order can never close a wait cycle with it.
      const pending = await tx.$queryRaw<{ recommendation_id: string }[]>`
        SELECT recommendation_id::text FROM putaway_recommendations
        WHERE batch_id = ${batchId}::uuid AND status = 'PENDING' AND confidence_score >= ${minConfidence}
        ORDER BY location_id, recommendation_id
        FOR UPDATE`;
      const response: AcceptAllResult = { acceptedIds: [], conflicts: [], skipped: [], replayed: false };
      const hardCap = await decisionHardCap(tx, context);
      for (const { recommendation_id: id } of pending) {
        const rec = await lockRecommendation(tx, id);
        if (!rec) continue; // deleted with its batch meanwhile: nothing to decide
        if (rec.status !== 'PENDING') {
          response.skipped.push({ recommendationId: id, status: rec.status });
          continue;
        }
        const outcome = await placeRecommendation(tx, context, rec, rec.location_id, hardCap);
        if (!outcome.ok) {
          response.conflicts.push({ recommendationId: id, sku: rec.sku, message: outcome.message, alternative: outcome.alternative });
          continue;
        }
        await recordDecision(tx, context, rec, 'ACCEPTED', { finalLocationId: rec.location_id, reasonCode: null, note: null });
        response.acceptedIds.push(id);
      }
      await storeIdempotentResponse(tx, context.tenantId, idempotencyKey, response);
      return response;
    },
    { timeoutMs: 120_000 },
  ).catch(countUnexpectedDecisionError);
  if (!result.replayed) countDecision('ACCEPTED', result.acceptedIds.length);
  return result;
}

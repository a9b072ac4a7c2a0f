import 'server-only';
import { ZAcceptRecommendation, type TAcceptRecommendation } from '@/lib/schemas/putaway';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import { loadRecommendationView, type RecommendationView } from './batch-view';
import { capacityConflict, decisionHardCap, lockPendingRecommendation, placeRecommendation, recordDecision } from './decision-core';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency';
import { countDecision, countUnexpectedDecisionError } from './putaway-metrics';
import { parsePutawayInput } from './validate';

export type DecisionResult = { recommendation: RecommendationView; replayed: boolean };

/**
 * Accepts a recommendation: in ONE transaction it claims the idempotency key, locks the
 * recommendation and the bin, re-checks room against live stock, receives the lot with its
 * RECEIPT transaction, and writes the training row. A full bin refuses with
 * CAPACITY_CONFLICT and names an alternative that still has room.
 */
export async function acceptRecommendation(context: AuthContext, input: TAcceptRecommendation): Promise<DecisionResult> {
  assertPermission(context, 'recommendations.review');
  const { recommendationId, idempotencyKey } = parsePutawayInput(ZAcceptRecommendation, input);
  const result = await withTenant(context.tenantId, async (tx) => {
    const replay = await claimIdempotencyKey<DecisionResult>(tx, context.tenantId, idempotencyKey, 'accept', requestHash('accept', { recommendationId }));
    if (replay) return { ...replay, replayed: true };
    const rec = await lockPendingRecommendation(tx, recommendationId);
    const outcome = await placeRecommendation(tx, context, rec, rec.location_id, await decisionHardCap(tx, context));
    if (!outcome.ok) throw capacityConflict(outcome);
    await recordDecision(tx, context, rec, 'ACCEPTED', { finalLocationId: rec.location_id, reasonCode: null, note: null });
    const response: DecisionResult = { recommendation: await loadRecommendationView(tx, recommendationId), replayed: false };
    await storeIdempotentResponse(tx, context.tenantId, idempotencyKey, response);
    return response;
  }).catch(countUnexpectedDecisionError);
  if (!result.replayed) countDecision('ACCEPTED');
  return result;
}

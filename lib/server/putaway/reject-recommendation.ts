import 'server-only';
import { ZRejectRecommendation, type TRejectRecommendation } from '@/lib/schemas/putaway';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import type { DecisionResult } from './accept-recommendation';
import { loadRecommendationView } from './batch-view';
import { lockPendingRecommendation, recordDecision } from './decision-core';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency';
import { countDecision, countUnexpectedDecisionError } from './putaway-metrics';
import { parsePutawayInput } from './validate';

/** Rejects a recommendation with a reason code; nothing moves, the model learns why. */
export async function rejectRecommendation(context: AuthContext, input: TRejectRecommendation): Promise<DecisionResult> {
  assertPermission(context, 'recommendations.review');
  const { recommendationId, reasonCode, note, idempotencyKey } = parsePutawayInput(ZRejectRecommendation, input);
  const result = await withTenant(context.tenantId, async (tx) => {
    const hash = requestHash('reject', { recommendationId, reasonCode, note });
    const replay = await claimIdempotencyKey<DecisionResult>(tx, context.tenantId, idempotencyKey, 'reject', hash);
    if (replay) return { ...replay, replayed: true };
    const rec = await lockPendingRecommendation(tx, recommendationId);
    await recordDecision(tx, context, rec, 'REJECTED', { finalLocationId: null, reasonCode, note: note ?? null });
    const response: DecisionResult = { recommendation: await loadRecommendationView(tx, recommendationId), replayed: false };
    await storeIdempotentResponse(tx, context.tenantId, idempotencyKey, response);
    return response;
  }).catch(countUnexpectedDecisionError);
  if (!result.replayed) countDecision('REJECTED');
  return result;
}

import 'server-only';
import { ZOverrideRecommendation, type TOverrideRecommendation } from '@/lib/schemas/putaway';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import { AppError } from '../errors';
import type { DecisionResult } from './accept-recommendation';
import { loadRecommendationView } from './batch-view';
import { capacityConflict, decisionHardCap, lockPendingRecommendation, placeRecommendation, recordDecision } from './decision-core';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency';
import { countDecision, countUnexpectedDecisionError } from './putaway-metrics';
import { parsePutawayInput } from './validate';

type TargetRow = { location_id: string; hazard_allowed: boolean; hazard_class: string | null };

/**
 * Puts the units in a bin the supervisor chose instead, with a reason code. The chosen
 * bin gets the same locked capacity re-check as an accept.
 */
export async function overrideRecommendation(context: AuthContext, input: TOverrideRecommendation): Promise<DecisionResult> {
  assertPermission(context, 'recommendations.review');
  const { recommendationId, locationCode, reasonCode, note, idempotencyKey } = parsePutawayInput(ZOverrideRecommendation, input);
  const result = await withTenant(context.tenantId, async (tx) => {
    const hash = requestHash('override', { recommendationId, locationCode, reasonCode, note });
    const replay = await claimIdempotencyKey<DecisionResult>(tx, context.tenantId, idempotencyKey, 'override', hash);
    if (replay) return { ...replay, replayed: true };
    const rec = await lockPendingRecommendation(tx, recommendationId);
    const [target] = await tx.$queryRaw<TargetRow[]>`
      SELECT l.location_id::text, z.hazard_allowed, m.hazard_class
      FROM inventory_locations l JOIN zones z ON z.zone_id = l.zone_id
      JOIN materials m ON m.material_id = ${rec.material_id}::uuid
      WHERE l.location_code = ${locationCode}`;
    if (!target) throw new AppError('BAD_USER_INPUT', `locationCode: no bin "${locationCode}" in this warehouse.`, { fieldErrors: { locationCode: ['unknown bin'] } });
    if (target.hazard_class && !target.hazard_allowed) {
      throw new AppError('BAD_USER_INPUT', `locationCode: ${locationCode} is not in a zone approved for ${target.hazard_class} material.`, { fieldErrors: { locationCode: ['zone not approved for hazardous material'] } });
    }
    const outcome = await placeRecommendation(tx, context, rec, target.location_id, await decisionHardCap(tx, context));
    if (!outcome.ok) throw capacityConflict(outcome);
    await recordDecision(tx, context, rec, 'OVERRIDDEN', { finalLocationId: target.location_id, reasonCode, note: note ?? null });
    const response: DecisionResult = { recommendation: await loadRecommendationView(tx, recommendationId), replayed: false };
    await storeIdempotentResponse(tx, context.tenantId, idempotencyKey, response);
    return response;
  }).catch(countUnexpectedDecisionError);
  if (!result.replayed) countDecision('OVERRIDDEN');
  return result;
}

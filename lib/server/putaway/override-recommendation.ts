import 'server-only';
import { ZOverrideRecommendation, type TOverrideRecommendation } from '@/lib/schemas/putaway';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { getEffectiveCapacity } from '../capacity/get-effective-capacity';
import { withTenant } from '../db';
import type { DecisionResult } from './accept-recommendation';
import { loadRecommendationView } from './batch-view';
import { checkOverrideTarget } from './check-override-target';
import { capacityConflict, lockPendingRecommendation, placeRecommendation, recordDecision } from './decision-core';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency';
import { countDecision, countUnexpectedDecisionError } from './putaway-metrics';
import { parsePutawayInput } from './validate';

/**
 * Puts the units in a bin the supervisor chose instead, with a reason code. The chosen bin
 * must pass the engine's hard rules for the unit (checkOverrideTarget: kind of bin, hazard,
 * temperature, heavy units, fit), then gets the same locked capacity re-check as an accept.
 * A refusal throws inside the transaction, so the idempotency claim rolls back with it.
 */
export async function overrideRecommendation(context: AuthContext, input: TOverrideRecommendation): Promise<DecisionResult> {
  assertPermission(context, 'recommendations.review');
  const { recommendationId, locationCode, reasonCode, note, idempotencyKey } = parsePutawayInput(ZOverrideRecommendation, input);
  const result = await withTenant(context.tenantId, async (tx) => {
    const hash = requestHash('override', { recommendationId, locationCode, reasonCode, note });
    const replay = await claimIdempotencyKey<DecisionResult>(tx, context.tenantId, idempotencyKey, 'override', hash);
    if (replay) return { ...replay, replayed: true };
    const rec = await lockPendingRecommendation(tx, recommendationId);
    // One read of the tenant's rules: the hard cap for the room re-check, the rest for the bin's rules.
    const capacity = await getEffectiveCapacity(tx, context.tenantId);
    const locationId = await checkOverrideTarget(tx, { recommendation: rec, locationCode, capacity });
    const outcome = await placeRecommendation(tx, context, rec, locationId, capacity.hardCap);
    if (!outcome.ok) throw capacityConflict(outcome);
    await recordDecision(tx, context, rec, 'OVERRIDDEN', { finalLocationId: locationId, reasonCode, note: note ?? null });
    const response: DecisionResult = { recommendation: await loadRecommendationView(tx, recommendationId), replayed: false };
    await storeIdempotentResponse(tx, context.tenantId, idempotencyKey, response);
    return response;
  }).catch(countUnexpectedDecisionError);
  if (!result.replayed) countDecision('OVERRIDDEN');
  return result;
}

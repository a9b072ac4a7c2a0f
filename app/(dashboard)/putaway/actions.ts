'use server';

import { ZAcceptAll, ZAcceptRecommendation, ZCreatePutawayBatch, ZOverrideRecommendation, ZRejectRecommendation } from '@/lib/schemas/putaway';
import { authedAction } from '@/lib/server/action';
import { acceptAll } from '@/lib/server/putaway/accept-all';
import { acceptRecommendation } from '@/lib/server/putaway/accept-recommendation';
import { createPutawayBatch } from '@/lib/server/putaway/create-putaway-batch';
import { overrideRecommendation } from '@/lib/server/putaway/override-recommendation';
import { rejectRecommendation } from '@/lib/server/putaway/reject-recommendation';

// Each action re-checks its permission: a server action is reachable by a direct POST.
export const createBatchAction = authedAction('recommendations.create', ZCreatePutawayBatch, (input, context) => createPutawayBatch(context, input));
export const acceptAction = authedAction('recommendations.review', ZAcceptRecommendation, (input, context) => acceptRecommendation(context, input));
export const rejectAction = authedAction('recommendations.review', ZRejectRecommendation, (input, context) => rejectRecommendation(context, input));
export const overrideAction = authedAction('recommendations.review', ZOverrideRecommendation, (input, context) => overrideRecommendation(context, input));
export const acceptAllAction = authedAction('recommendations.review', ZAcceptAll, (input, context) => acceptAll(context, input));

import 'server-only';
import type { AuthContext } from '../auth/session';
import { AppError } from '../errors';
import type { BatchView, RecommendationView } from '../putaway/batch-view';
import { acceptAll } from '../putaway/accept-all';
import { acceptRecommendation } from '../putaway/accept-recommendation';
import { createPutawayBatch } from '../putaway/create-putaway-batch';
import { findBatches } from '../putaway/find-batches';
import { getBatch } from '../putaway/get-batch';
import { overrideRecommendation } from '../putaway/override-recommendation';
import { rejectRecommendation } from '../putaway/reject-recommendation';
import { toGraphQLError } from './to-graphql-error';

/** Per-request context: who is asking (resolved once from the token or the session). */
export type GraphqlContext = { auth: AuthContext | null; authError: AppError | null };

type Args = Record<string, unknown>;
type Resolver = (parent: unknown, args: Args, context: GraphqlContext) => Promise<unknown>;

/** Resolvers need the caller; every refusal leaves as a GraphQLError with its code. */
function authed(run: (auth: AuthContext, args: Args) => Promise<unknown>): Resolver {
  return async (_parent, args, context) => {
    try {
      if (context.authError) throw context.authError;
      if (!context.auth) throw new AppError('UNAUTHENTICATED', 'Send `Authorization: Bearer <api token>` or sign in.');
      return await run(context.auth, args);
    } catch (error) {
      throw toGraphQLError(error);
    }
  };
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);

const batchOf = (view: BatchView) => ({
  ...view,
  flags: {
    algorithm: view.flags.algorithm,
    skuAffinityEnabled: view.flags.SKU_AFFINITY_ENABLED,
    crossDockEnabled: view.flags.CROSS_DOCK_ENABLED,
    congestionAvoidanceEnabled: view.flags.CONGESTION_AVOIDANCE_ENABLED,
    mlModelEnabled: view.flags.ML_MODEL_ENABLED,
  },
  excludedInactiveLocations: view.excludedLocations.inactive,
  excludedInvalidCapacityLocations: view.excludedLocations.invalidCapacity,
  recommendations: view.recommendations.map(recommendationOf),
});

const recommendationOf = (r: RecommendationView) => ({ ...r, scoreBreakdown: { ...r.scoreBreakdown, total: r.scoreTotal } });

/** GraphQL input objects arrive as-is; the putaway service validates them with zod. */
const batchInput = (args: Args, source: 'GRAPHQL') => ({ items: (args.input as { items?: unknown } | undefined)?.items as never, source });

export const resolvers = {
  Query: {
    getBatchPutawayRecommendations: authed(async (auth, args) => (await createPutawayBatch(auth, batchInput(args, 'GRAPHQL'))).recommendations.map(recommendationOf)),
    putawayBatch: authed(async (auth, args) => batchOf(await getBatch(auth, { batchId: String(args.batchId) }))),
    putawayBatches: authed(async (auth, args) => findBatches(auth, { limit: num(args.limit) ?? undefined })),
  },
  Mutation: {
    createPutawayBatch: authed(async (auth, args) => batchOf(await createPutawayBatch(auth, batchInput(args, 'GRAPHQL')))),
    acceptRecommendation: authed(async (auth, args) =>
      recommendationOf((await acceptRecommendation(auth, { recommendationId: String(args.id), idempotencyKey: str(args.idempotencyKey) })).recommendation)),
    rejectRecommendation: authed(async (auth, args) =>
      recommendationOf(
        (await rejectRecommendation(auth, { recommendationId: String(args.id), reasonCode: args.reasonCode as never, note: str(args.note), idempotencyKey: str(args.idempotencyKey) })).recommendation,
      )),
    overrideRecommendation: authed(async (auth, args) =>
      recommendationOf(
        (
          await overrideRecommendation(auth, {
            recommendationId: String(args.id),
            locationCode: String(args.locationCode),
            reasonCode: args.reasonCode as never,
            note: str(args.note),
            idempotencyKey: str(args.idempotencyKey),
          })
        ).recommendation,
      )),
    acceptAll: authed(async (auth, args) => {
      const result = await acceptAll(auth, { batchId: String(args.batchId), minConfidence: num(args.minConfidence), idempotencyKey: str(args.idempotencyKey) });
      return { ...result, conflicts: result.conflicts.map((c) => ({ ...c, alternativeLocationCode: c.alternative?.locationCode ?? null })) };
    }),
  },
};

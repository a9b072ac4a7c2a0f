import { getAuthContext } from '@/lib/server/auth/session';
import { createGraphqlHandler } from '@/lib/server/graphql/create-graphql-handler';

// One yoga instance per server process, created on the first request: `next build` imports
// this module without a database or secrets, so nothing may read the environment at load.
let yoga: ReturnType<typeof createGraphqlHandler> | undefined;

export const dynamic = 'force-dynamic';

// POST only: getBatchPutawayRecommendations writes a batch, so it must never run on a GET.
export async function POST(request: Request): Promise<Response> {
  yoga ??= createGraphqlHandler({ resolveSession: getAuthContext });
  return yoga.handleRequest(request, {});
}

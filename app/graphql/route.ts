import { getAuthContext } from '@/lib/server/auth/session';
import { createGraphqlHandler } from '@/lib/server/graphql/create-graphql-handler';

// One yoga instance per server process; every request resolves its own caller.
const yoga = createGraphqlHandler({ resolveSession: getAuthContext });

export const dynamic = 'force-dynamic';

// POST only: getBatchPutawayRecommendations writes a batch, so it must never run on a GET.
export async function POST(request: Request): Promise<Response> {
  return yoga.handleRequest(request, {});
}

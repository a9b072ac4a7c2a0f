import { getAuthContext } from '@/lib/server/auth/session';
import { createGraphqlHandler } from '@/lib/server/graphql/create-graphql-handler';

export const dynamic = 'force-dynamic';

// One yoga instance per server process, created on the first request (not at import, which
// `next build` does without the runtime environment); every request resolves its own caller.
let yoga: ReturnType<typeof createGraphqlHandler> | undefined;

// POST only: getBatchPutawayRecommendations writes a batch, so it must never run on a GET.
export async function POST(request: Request): Promise<Response> {
  yoga ??= createGraphqlHandler({ resolveSession: getAuthContext });
  return yoga.handleRequest(request, {});
}

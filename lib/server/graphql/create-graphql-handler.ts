import 'server-only';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createSchema, createYoga, maskError, type Plugin } from 'graphql-yoga';
import { assertSameOrigin } from '../auth/assert-same-origin';
import type { AuthContext } from '../auth/session';
import { env } from '../env';
import { AppError, toAppError } from '../errors';
import { authenticateApiToken } from '../tokens/authenticate-api-token';
import { isGraphQLErrorLike } from './to-graphql-error';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useBadUserInputCodes, useDisableIntrospection } from './plugins';
import { resolvers, type GraphqlContext } from './resolvers';
import { typeDefs } from './type-defs';

export type GraphqlHandlerOptions = {
  /** The browser session, when there is no Bearer token (the route passes getAuthContext). */
  resolveSession?: () => Promise<AuthContext | null>;
  /** Defaults to NODE_ENV === 'production'. */
  production?: boolean;
};

async function resolveAuth(request: Request, resolveSession?: GraphqlHandlerOptions['resolveSession']): Promise<GraphqlContext> {
  const header = request.headers.get('authorization');
  try {
    if (header) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <api token>".');
      return { auth: await authenticateApiToken(match[1]!), authError: null };
    }
    const session = (await resolveSession?.()) ?? null;
    // The browser attaches the session cookie whichever site sends the request: a
    // cookie-authenticated operation (mutations, and the smoke query, which writes a batch)
    // must come from our own origin. A forged or expired cookie is simply no session (401).
    if (session) assertSameOrigin(request);
    return { auth: session, authError: null };
  } catch (error) {
    return { auth: null, authError: toAppError(error) };
  }
}

/**
 * The yoga server behind /graphql: Bearer API token or browser session; depth, cost,
 * alias and token limits (graphql-armor); CSRF prevention; introspection and GraphiQL off
 * in production; unexpected errors masked.
 */
export function createGraphqlHandler(options: GraphqlHandlerOptions = {}) {
  const production = options.production ?? env().NODE_ENV === 'production';
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: 8 },
    maxAliases: { n: 10 },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: 5000 },
    // A literal 10,000-line receipt is ~90,000 tokens; larger documents are refused.
    maxTokens: { n: 120_000 },
  }) as Plugin;
  // A browser can send GET or a "simple" POST cross-site without a preflight; such requests
  // must carry this header, which only same-origin code (or curl) can add.
  const plugins: Plugin[] = [useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }), armor, useBadUserInputCodes()];
  if (production) plugins.push(useDisableIntrospection());
  return createYoga<Record<string, unknown>, GraphqlContext>({
    schema: createSchema<Record<string, unknown> & GraphqlContext>({ typeDefs, resolvers }),
    graphqlEndpoint: '/graphql',
    graphiql: !production,
    landingPage: false,
    // Our own refusals carry a code and pass through; anything unexpected is masked.
    maskedErrors: {
      maskError(error, message, isDev) {
        if (isGraphQLErrorLike(error) && (!error.originalError || isGraphQLErrorLike(error.originalError))) return error;
        return maskError(error, message, isDev);
      },
    },
    plugins,
    context: ({ request }) => resolveAuth(request, options.resolveSession),
    fetchAPI: { Response },
  });
}

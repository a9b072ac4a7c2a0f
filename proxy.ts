import { NextResponse, type NextRequest } from 'next/server';
import {
  ACTION_BODY_LIMIT_BYTES,
  actionEncodingOf,
  checkActionHeaders,
  checkActionOrigin,
  checkActionTextBody,
  checkRouterStateTree,
  readBounded,
  type HygieneRefusal,
} from '@/lib/request-hygiene';

// The proxy is never the authorization guard: every page, server action and route handler
// checks session, permission and tenant itself in lib/server. It does two things only:
// request hygiene for protocol shapes Next.js cannot parse (it would answer them with a 500
// before our code runs: docs/reliability.md D1, D1b, D2), and an optimistic redirect of
// signed-out page visits. No database.
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

function refuse(refusal: HygieneRefusal) {
  return NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status });
}

async function checkServerAction(request: NextRequest): Promise<HygieneRefusal | null> {
  const { headers } = request;
  const refusal =
    checkActionOrigin(headers.get('origin'), headers.get('host'), headers.get('x-forwarded-host')) ??
    checkActionHeaders(headers.get('content-type'), headers.get('content-length'));
  if (refusal || actionEncodingOf(headers.get('content-type')) !== 'text') return refusal;
  // Read a clone, so the original body still reaches the action untouched.
  const body = await readBounded(request.clone().body, ACTION_BODY_LIMIT_BYTES);
  if (body === null) return { status: 400, code: 'BAD_USER_INPUT', message: 'The server action request body is over the 1 MB limit.' };
  return checkActionTextBody(body);
}

export async function proxy(request: NextRequest) {
  // Route handlers: only a path that is not valid percent-encoding, which Next's router
  // would otherwise fail to decode with a 500 before the handler runs (reliability D7).
  if (request.nextUrl.pathname.startsWith('/api/')) {
    try {
      decodeURIComponent(request.nextUrl.pathname);
    } catch {
      return refuse({ status: 400, code: 'BAD_USER_INPUT', message: 'The path is not valid percent-encoding.' });
    }
    return NextResponse.next();
  }

  const actionRefusal = request.method === 'POST' && request.headers.has('next-action') ? await checkServerAction(request) : null;
  if (actionRefusal) return refuse(actionRefusal);

  // The sign-in page stays public (it was excluded by the matcher before hygiene needed it).
  // A signed-out visit is redirected whatever flight headers it carries, as before.
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && !request.nextUrl.pathname.startsWith('/login')) {
    const url = new URL('/login', request.url);
    url.searchParams.set('callbackUrl', request.nextUrl.pathname);
    return NextResponse.redirect(url);
  }

  // Next strips its flight headers (RSC, Next-Router-State-Tree, …) from the request the
  // proxy sees unless next.config sets `skipProxyUrlNormalize: true`; only then does this
  // check run (without it the header reads as absent: a no-op).
  const stateRefusal = checkRouterStateTree(request.headers.get('next-router-state-tree'));
  if (stateRefusal) return refuse(stateRefusal);
  return NextResponse.next();
}

export const config = {
  // Pages, where server actions and router-state headers arrive (the sign-in page included,
  // for hygiene only), and the API paths for the encoding check. APIs answer 401 themselves;
  // static assets stay untouched.
  matcher: ['/api/:path*', '/((?!api|graphql|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)'],
};

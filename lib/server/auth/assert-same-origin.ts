import 'server-only';
import { AppError } from '../errors';

// Reads cannot be forged into writes; everything else must prove it came from our own pages.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `host[:port]` as URL would write it for this scheme (default ports dropped), or null. */
function normalizedHost(protocol: string, host: string): string | null {
  try {
    return new URL(`${protocol}//${host.trim()}`).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Hosts this request was addressed to: the proxy's x-forwarded-host values and Host. */
function requestHosts(request: Request, protocol: string): string[] {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',') ?? [];
  const host = request.headers.get('host') ?? safeUrlHost(request.url);
  return [...forwarded, ...(host ? [host] : [])].map((value) => normalizedHost(protocol, value)).filter((value): value is string => Boolean(value));
}

function safeUrlHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * CSRF guard for requests authenticated by the session COOKIE (a browser sends the cookie
 * whichever site made it send the request). A POST/PUT/PATCH/DELETE must carry an Origin
 * whose host is the host the request was sent to (Host, or x-forwarded-host behind a proxy);
 * browsers always send Origin on such requests, so only a cross-site page or a cookie
 * replayed outside the browser is refused. Bearer-token requests do not need this: a page
 * on another site cannot attach our Authorization header. Call it after authenticating, so
 * an anonymous caller still gets 401, and before any write. Throws FORBIDDEN.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get('origin');
  const advice = 'Send it from the Binwise app itself, or call the API with an API token (Authorization: Bearer).';
  if (!origin || origin === 'null') {
    throw new AppError('FORBIDDEN', `A request that changes data with a session cookie must carry the Origin of this site, and this one has ${origin ? 'Origin "null"' : 'none'}. ${advice}`, {
      details: { reason: 'ORIGIN_REQUIRED' },
    });
  }
  let originUrl: URL | null = null;
  try {
    originUrl = new URL(origin);
  } catch {
    originUrl = null;
  }
  const originHost = originUrl && /^https?:$/.test(originUrl.protocol) ? originUrl.host.toLowerCase() : null;
  if (originHost && requestHosts(request, originUrl!.protocol).includes(originHost)) return;
  throw new AppError('FORBIDDEN', `Cross-site request refused: Origin "${origin.slice(0, 100)}" is not this site. ${advice}`, { details: { reason: 'FOREIGN_ORIGIN' } });
}

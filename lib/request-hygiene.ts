/**
 * Request hygiene for protocol shapes Next.js itself cannot parse (docs/reliability.md, D1,
 * D1b, D2). Next answers these with a 500 before any of our code runs; the proxy refuses
 * them first with a clear 400/403. This is NOT authorization: every server action, page and
 * route handler still checks session, permission and tenant itself in lib/server. Pure
 * functions only (no server-only, no Prisma): proxy.ts runs in the proxy runtime.
 */

/** Next's default `serverActions.bodySizeLimit` (next.config sets no other). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** Next refuses router-state headers longer than this (parse-and-validate-flight-router-state). */
const ROUTER_STATE_MAX_LENGTH = 20 * 2000;
const ROUTER_STATE_MAX_DEPTH = 64;

export type HygieneRefusal = { status: 400 | 403; code: 'BAD_USER_INPUT' | 'FORBIDDEN'; message: string };

function badInput(message: string): HygieneRefusal {
  return { status: 400, code: 'BAD_USER_INPUT', message };
}

/**
 * The host Next compares a server action's Origin with: the first `x-forwarded-host`
 * value, else `host`. We accept either, so a proxy never refuses what Next would run.
 */
export function checkActionOrigin(origin: string | null, host: string | null, forwardedHost: string | null): HygieneRefusal | null {
  // No Origin: Next lets handcrafted requests through (they carry no ambient credentials).
  if (origin === null) return null;
  let originHost: string;
  try {
    originHost = origin === 'null' ? 'null' : new URL(origin).host;
  } catch {
    originHost = '';
  }
  const forwarded = forwardedHost?.split(',')[0]?.trim() || null;
  if (originHost !== '' && (originHost === forwarded || originHost === host)) return null;
  return { status: 403, code: 'FORBIDDEN', message: 'Server actions are only accepted from this site: the request\'s Origin does not match its host.' };
}

/** The encodings Next's client uses for `Next-Action` requests: a string reply or FormData. */
export type ActionEncoding = 'text' | 'multipart';

export function actionEncodingOf(contentType: string | null): ActionEncoding | null {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'text/plain') return 'text';
  if (mediaType === 'multipart/form-data') return 'multipart';
  return null;
}

/** Checks that need only the headers: encoding and declared size. */
export function checkActionHeaders(contentType: string | null, contentLength: string | null): HygieneRefusal | null {
  if (actionEncodingOf(contentType) === null) {
    return badInput('A server action request must be sent as text/plain;charset=UTF-8 or multipart/form-data.');
  }
  if (contentLength !== null) {
    const length = Number(contentLength);
    if (!Number.isSafeInteger(length) || length < 0) return badInput('The Content-Length header is not a valid byte count.');
    if (length === 0) return badInput('The server action request has an empty body.');
    if (length > ACTION_BODY_LIMIT_BYTES) return badInput('The server action request body is over the 1 MB limit.');
  }
  return null;
}

/** A text/plain action body is React's encodeReply of the argument list: a JSON array. */
export function checkActionTextBody(body: string): HygieneRefusal | null {
  if (body.length === 0) return badInput('The server action request has an empty body.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return badInput('The server action request body is not valid JSON.');
  }
  if (!Array.isArray(parsed)) return badInput('The server action request body must be a JSON array of arguments.');
  if (parsed.length > ACTION_MAX_ARGUMENTS) return badInput(`A server action takes at most ${ACTION_MAX_ARGUMENTS} arguments.`);
  if (!referencesOnlyInlineValues(parsed, 0)) {
    return badInput('The server action request body refers to parts a text/plain body cannot carry (use multipart/form-data).');
  }
  return null;
}

/** Our actions take one or two arguments; a huge argument list overflows the call in Next. */
export const ACTION_MAX_ARGUMENTS = 64;
const MAX_REPLY_DEPTH = 256;

/**
 * In a text/plain reply every value is inline: React's `$`-strings that point at another
 * part (`$@1`, `$h1`, `$Q1`, `$K1`, `$1`, …) only exist in multipart bodies, and Next's
 * decoder throws on them. The inline forms are escaped strings (`$$…`), `$undefined`,
 * `$NaN`, `$Infinity`, `$-Infinity`, `$-0`, dates (`$D…`), bigints (`$n…`) and temporary
 * references (`$T…`).
 */
const INLINE_REFERENCE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$|T)/;

function referencesOnlyInlineValues(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return !value.startsWith('$') || INLINE_REFERENCE.test(value);
  if (value === null || typeof value !== 'object') return true;
  if (depth > MAX_REPLY_DEPTH) return false;
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.every((item) => referencesOnlyInlineValues(item, depth + 1));
}

/**
 * Reads a body stream up to `limit` bytes. Returns null when it is longer, so a request
 * without Content-Length (chunked) is bounded too.
 */
export async function readBounded(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<string | null> {
  if (!stream) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

const DYNAMIC_PARAM_TYPES = new Set(['c', 'ci(..)(..)', 'ci(.)', 'ci(..)', 'ci(...)', 'oc', 'd', 'di(..)(..)', 'di(.)', 'di(..)', 'di(...)']);
const REFRESH_MARKERS = new Set(['refetch', 'inside-shared-layout', 'metadata-only']);

function isSegment(value: unknown): boolean {
  if (typeof value === 'string') return true;
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    DYNAMIC_PARAM_TYPES.has(value[2] as string) &&
    (value[3] === null || (Array.isArray(value[3]) && value[3].every((item) => typeof item === 'string')))
  );
}

const isOptional = (value: unknown, check: (item: unknown) => boolean) => value === undefined || value === null || check(value);

/** Mirrors Next 16's flightRouterStateSchema: [segment, {parallelRoute: state}, url?, marker?, flags?, string?]. */
export function isFlightRouterState(value: unknown, depth = 0): boolean {
  if (depth > ROUTER_STATE_MAX_DEPTH || !Array.isArray(value) || value.length < 2 || value.length > 6) return false;
  const [segment, children, url, marker, flags, extra] = value as unknown[];
  if (!isSegment(segment)) return false;
  if (children === null || typeof children !== 'object' || Array.isArray(children)) return false;
  if (!Object.values(children).every((child) => isFlightRouterState(child, depth + 1))) return false;
  return (
    isOptional(url, (item) => Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && typeof item[1] === 'string') &&
    isOptional(marker, (item) => REFRESH_MARKERS.has(item as string)) &&
    isOptional(flags, (item) => typeof item === 'number') &&
    (extra === undefined || typeof extra === 'string')
  );
}

/** `Next-Router-State-Tree`, when present, must be URI-encoded JSON of the router-state shape. */
export function checkRouterStateTree(header: string | null): HygieneRefusal | null {
  if (header === null) return null;
  const refusal = badInput('The Next-Router-State-Tree header is not a valid router state.');
  if (header.length > ROUTER_STATE_MAX_LENGTH) return refusal;
  try {
    return isFlightRouterState(JSON.parse(decodeURIComponent(header))) ? null : refusal;
  } catch {
    return refusal;
  }
}

/**
 * Calling server actions by direct POST, as an attacker would: `Next-Action: <id>` on the
 * page's URL with a React-encoded argument list. Parses the ActionResult out of the flight
 * response, so a suite can assert on `{ ok: false, error: { code } }`.
 */
import type { Answer, Client } from './http';

/** React's encodeReply for plain values: NaN, ±Infinity, -0, undefined, bigint and `$`-strings. */
export function encodeReplyValue(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '$NaN';
    if (value === Infinity) return '$Infinity';
    if (value === -Infinity) return '$-Infinity';
    if (Object.is(value, -0)) return '$-0';
    return value;
  }
  if (typeof value === 'bigint') return `$n${value.toString()}`;
  if (value === undefined) return '$undefined';
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(encodeReplyValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, { value: encodeReplyValue((value as Record<string, unknown>)[key]), enumerable: true, configurable: true, writable: true });
    }
    return out;
  }
  return value;
}

export type ActionOutcome = { ok: boolean; error?: { code: string; message: string; fieldErrors?: Record<string, string[]> }; data?: unknown };
export type ActionAnswer = Answer & { result: ActionOutcome | null };

/** The first `{"ok":…}` object in the flight payload. */
export function parseActionResult(text: string): ActionOutcome | null {
  for (const line of text.split('\n')) {
    const at = line.indexOf('{"ok":');
    if (at < 0) continue;
    try {
      return JSON.parse(line.slice(at)) as ActionOutcome;
    } catch {
      // a multi-chunk payload: fall through to the regex below
    }
  }
  const match = /"ok":(true|false)(?:,"error":\{"code":"([A-Z_]+)","message":"((?:[^"\\]|\\.)*)")?/.exec(text);
  if (!match) return null;
  return match[1] === 'true' ? { ok: true } : { ok: false, error: { code: match[2] ?? 'UNKNOWN', message: match[3] ?? '' } };
}

export type ActionCall = { id: string; page: string; args?: unknown[]; rawBody?: string | Uint8Array; contentType?: string; headers?: Record<string, string> };

export async function callAction(client: Client, call: ActionCall): Promise<ActionAnswer> {
  const origin = new URL(client.baseUrl).origin;
  const body = call.rawBody ?? JSON.stringify((call.args ?? [{}]).map(encodeReplyValue));
  const answer = await client.request(call.page, {
    method: 'POST',
    headers: {
      accept: 'text/x-component',
      'content-type': call.contentType ?? 'text/plain;charset=UTF-8',
      'next-action': call.id,
      origin,
      ...call.headers,
    },
    body: body as BodyInit,
  });
  return { ...answer, result: parseActionResult(answer.text) };
}

/**
 * A small HTTP client for the suites: plain fetch with a cookie jar, sign-in through
 * next-auth's credentials flow, and a tally of every 5xx it sees. Traffic goes to loopback only.
 */
import { config } from './config';
import { count, note } from './counters';

export type Answer = { status: number; headers: Headers; text: string; json: unknown; ms: number };

let faultWindows = 0;

/** Inside a declared fault window a 503 is the designed answer, not a defect. */
export async function duringFault<T>(fn: () => Promise<T>): Promise<T> {
  faultWindows += 1;
  try {
    return await fn();
  } finally {
    faultWindows -= 1;
  }
}

function assertLoopback(url: URL): void {
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error(`Refusing non-loopback traffic to ${url.host}`);
}

export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl = config.baseUrl, readonly label = 'anonymous') {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private absorb(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Answer> {
    const url = new URL(path, this.baseUrl);
    assertLoopback(url);
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    const started = performance.now();
    const response = await fetch(url, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(init.timeoutMs ?? 30_000) });
    const text = await response.text();
    const ms = performance.now() - started;
    this.absorb(response.headers);
    count('requests');
    if (response.status >= 500 && !(response.status === 503 && faultWindows > 0)) {
      count('fiveXx');
      note(`${response.status} ${init.method ?? 'GET'} ${url.pathname} as ${this.label}: ${text.slice(0, 200).replace(/\s+/g, ' ')}`);
    }
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json, ms };
  }

  /** next-auth credentials flow: GET csrf (cookie) → POST callback (form) → session cookie. */
  async signIn(email: string, password: string): Promise<this> {
    const csrf = await this.request('/api/auth/csrf');
    const { csrfToken } = csrf.json as { csrfToken: string };
    const body = new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: this.baseUrl });
    const answer = await this.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    if (![...this.cookies.keys()].some((name) => name.endsWith('next-auth.session-token'))) {
      throw new Error(`Sign-in as ${email} failed (${answer.status}): ${answer.text.slice(0, 200)}`);
    }
    return this;
  }
}

/** Polls until the server answers /api/health, or throws after `timeoutMs`. */
export async function waitForServer(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(new URL('/api/health', baseUrl), { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Server at ${baseUrl} did not come up within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Known bypass shapes: the spoofed `x-middleware-subrequest` header (CVE-2025-29927), RSC
 * flight requests (`RSC: 1`, `_rsc=`, `.rsc`, prefetch headers) that skip the HTML path,
 * and mutations from a foreign Origin. All refused; nothing rendered, nothing written.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, config } from './lib/config';
import { count, flushTally } from './lib/counters';
import { changedTables, tableChecksums } from './lib/db';
import { CREATE_BATCH, codesOf, gql, placeableSkus, signInAll, type Sessions } from './lib/fixtures';
import { Client } from './lib/http';
import { callAction } from './lib/rpc';
import { discoverPages, discoverRouteHandlers, discoverServerActions, type Page } from './lib/surface';
import { hasPermission, type Permission } from '../../lib/auth/permissions';

const SUBREQUEST = ['middleware', 'middleware:middleware:middleware:middleware:middleware', 'proxy:proxy:proxy:proxy:proxy', 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware', 'pages/_middleware'];
const FLIGHT_HEADERS: Record<string, string>[] = [
  { rsc: '1' },
  { rsc: '1', 'next-router-prefetch': '1' },
  { rsc: '1', 'next-router-state-tree': encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }, null, null, 1])) },
  { 'next-router-prefetch': '1' },
  { 'x-nextjs-data': '1' },
];
const EVIL = 'https://evil.example';

let sessions: Sessions;
let pages: Page[];
const anon = new Client(config.baseUrl, 'anonymous');

/** A page answer that did not render the page for this caller: a redirect or a refusal, or a flight payload carrying only a redirect. */
function refusedPage(status: number, text: string, location: string | null): boolean {
  if (status >= 300 && status < 400) return /\/login|\/denied/.test(location ?? '');
  if (status === 401 || status === 403 || status === 404) return true;
  return /(NEXT_REDIRECT|http-equiv="refresh")[\s\S]{0,300}?(\/login|\/denied)/.test(text);
}

/**
 * A prefetch of a dynamic page may answer with the shared shell (layout and loading
 * state); what it must not carry is the page segment's rendered data.
 */
const pageRendered = (text: string) => /\{"s":"__PAGE__"[^{}]*"d":/.test(text) || /<main[\s\S]*<h1/.test(text);
const shellOnly = (headers: Record<string, string>, status: number, text: string) => 'next-router-prefetch' in headers && status === 200 && !pageRendered(text);

/** GET a page, following the framework's own hops (the `_rsc` cache-buster, trailing slash) but not a refusal. */
async function getPage(client: Client, path: string, headers: Record<string, string>): Promise<{ status: number; text: string; location: string | null }> {
  let current = path;
  for (let hop = 0; ; hop += 1) {
    const answer = await client.request(current, { headers });
    count('inputs');
    const location = answer.headers.get('location');
    if (answer.status < 300 || answer.status >= 400 || !location || /\/login|\/denied/.test(location) || hop >= 4) return { status: answer.status, text: answer.text, location };
    current = location;
  }
}

beforeAll(async () => {
  sessions = await signInAll();
  pages = discoverPages().filter((p) => !p.pattern.startsWith('/denied'));
});
afterAll(() => flushTally('bypass'));

describe('spoofed internal headers', () => {
  it('does not serve a dashboard page, RSC payload or API answer to a caller without a session who sends x-middleware-subrequest', async () => {
    const apis = discoverRouteHandlers().filter((r) => !['/api/health', '/api/wms/optimization/health', '/api/auth/[...nextauth]', '/graphql'].includes(r.pattern) && r.methods.includes('GET'));
    for (const value of SUBREQUEST) {
      for (const page of pages) {
        for (const extra of [{}, ...FLIGHT_HEADERS] as Record<string, string>[]) {
          const path = page.pattern.replace(/\[[^\]]+\]/g, randomUUID());
          const answer = await getPage(anon, path, { 'x-middleware-subrequest': value, ...extra });
          expect(refusedPage(answer.status, answer.text, answer.location) || shellOnly(extra, answer.status, answer.text), `${path} ${JSON.stringify(extra)} → ${answer.status}`).toBe(true);
        }
      }
      for (const route of apis) {
        const answer = await anon.request(route.pattern.replace(/\[[^\]]+\]/g, randomUUID()), { headers: { 'x-middleware-subrequest': value } });
        count('inputs');
        expect(answer.status, `${route.pattern} with x-middleware-subrequest: ${value}`).toBe(401);
      }
    }
  });
});

describe('flight (RSC) variants', () => {
  it('redirects every RSC variant of every dashboard page to sign-in without a session', async () => {
    for (const page of pages) {
      const base = page.pattern.replace(/\[[^\]]+\]/g, randomUUID());
      const variants: [string, Record<string, string>][] = [
        [`${base}?_rsc=${randomUUID().slice(0, 5)}`, { rsc: '1' }],
        [`${base === '/' ? '/index' : base}.rsc`, {}],
        [`${base === '/' ? '/index' : base}.rsc`, { rsc: '1' }],
        [base === '/' ? '/?' : `${base}/`, { rsc: '1' }],
        [`${base.toUpperCase()}`, { rsc: '1' }],
        [`/%2e${base}`, {}],
        ...FLIGHT_HEADERS.map((h) => [base, h] as [string, Record<string, string>]),
      ];
      for (const [path, headers] of variants) {
        const answer = await getPage(anon, path, headers);
        expect(refusedPage(answer.status, answer.text, answer.location) || shellOnly(headers, answer.status, answer.text), `${path} ${JSON.stringify(headers)} → ${answer.status} ${answer.text.slice(0, 120)}`).toBe(true);
      }
    }
  });

  it('sends a role without the page permission to /denied for every RSC variant', async () => {
    for (const page of pages) {
      const permission = page.permissions[0] as Permission | undefined;
      if (!permission) continue;
      for (const role of ROLES.filter((r) => !hasPermission(r, permission))) {
        const client = sessions['acme-print'][role];
        for (const headers of [{}, ...FLIGHT_HEADERS] as Record<string, string>[]) {
          const answer = await getPage(client, page.pattern.replace(/\[[^\]]+\]/g, randomUUID()), headers);
          expect(refusedPage(answer.status, answer.text, answer.location) || shellOnly(headers, answer.status, answer.text), `${page.pattern} as ${role} ${JSON.stringify(headers)} → ${answer.status}`).toBe(true);
        }
      }
    }
  });
});

describe('foreign Origin on mutations', () => {
  it('refuses a server action posted with a session cookie from a foreign Origin, with a 4xx and no write', async () => {
    const actions = discoverServerActions();
    const before = await tableChecksums(config.databaseUrl);
    for (const action of actions) {
      for (const origin of [EVIL, 'null', `http://127.0.0.1.evil.example`]) {
        const answer = await callAction(sessions['acme-print'].ADMIN, { id: action.id, page: action.page.replace(/\[[^\]]+\]/g, randomUUID()), args: [{}], headers: { origin } });
        count('inputs');
        expect(answer.result?.ok ?? false, `${action.exportedName} from ${origin} ran`).toBe(false);
        expect(answer.status, `${action.exportedName} from Origin ${origin}: ${answer.status} ${answer.text.slice(0, 120)}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${action.exportedName} from Origin ${origin}: ${answer.status}`).toBeLessThan(500);
      }
    }
    expect(changedTables(before, await tableChecksums(config.databaseUrl))).toEqual([]);
  });

  it('refuses a GraphQL mutation riding a session cookie from a foreign Origin, and never grants credentialed CORS to it', async () => {
    const skus = await placeableSkus(config.databaseUrl, 'acme-print', 2);
    const before = await tableChecksums(config.databaseUrl);
    const supervisor = sessions['acme-print'].SUPERVISOR;
    const variables = { input: { items: [{ sku: skus[0], quantity: 1 }] } };
    const answers = [
      await gql(supervisor, CREATE_BATCH, variables, undefined, { origin: EVIL }),
      await gql(supervisor, CREATE_BATCH, variables, undefined, { origin: 'null' }),
      await gql(supervisor, CREATE_BATCH, variables, undefined, { origin: EVIL, 'content-type': 'text/plain' }),
    ];
    for (const answer of answers) {
      count('inputs');
      expect(answer.status).toBeLessThan(500);
      expect(answer.data?.createPutawayBatch ?? null, `mutation from a foreign Origin ran: ${answer.text.slice(0, 160)}`).toBeNull();
      expect(codesOf(answer).length).toBeGreaterThan(0);
    }
    const preflight = await anon.request('/graphql', { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    count('inputs');
    expect(preflight.status).toBeLessThan(500);
    const allowed = preflight.headers.get('access-control-allow-origin');
    expect(allowed === EVIL || allowed === '*' ? preflight.headers.get('access-control-allow-credentials') : null, 'credentialed CORS granted to a foreign origin').not.toBe('true');
    expect(changedTables(before, await tableChecksums(config.databaseUrl))).toEqual([]);
  });

  it('refuses mutating route handlers called with a session cookie from a foreign Origin', async () => {
    const before = await tableChecksums(config.databaseUrl);
    for (const route of discoverRouteHandlers()) {
      if (route.pattern.startsWith('/api/auth') || route.pattern === '/graphql') continue;
      for (const method of route.methods.filter((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m))) {
        const answer = await sessions['acme-print'].ADMIN.request(route.pattern.replace(/\[[^\]]+\]/g, randomUUID()), {
          method,
          headers: { origin: EVIL, 'content-type': 'application/json' },
          body: '{}',
        });
        count('inputs');
        expect(answer.status, `${method} ${route.pattern} from ${EVIL}`).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
      }
    }
    expect(changedTables(before, await tableChecksums(config.databaseUrl))).toEqual([]);
  });
});

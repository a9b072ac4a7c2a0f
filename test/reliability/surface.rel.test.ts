/**
 * Every route handler and server action, discovered from the source tree and the build's
 * server-reference-manifest.json, called with no session, a forged session, each role that
 * lacks the permission, another tenant's session, and fuzzed input (fast-check). Pass:
 * never a 5xx (nor an INTERNAL ActionResult), the right 401/403/400 with a message, and no
 * row written.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, config, type RoleName } from './lib/config';
import { count, flushTally, note } from './lib/counters';
import { changedTables, tableChecksums, withClient } from './lib/db';
import { createBatch, placeableSkus, signInAll, type Sessions } from './lib/fixtures';
import { Client } from './lib/http';
import { mutatedInput, nastyString, nastyValue } from './lib/arbitraries';
import { callAction, type ActionAnswer } from './lib/rpc';
import { loadState, tokenOf, type ReliabilityState } from './lib/state';
import { discoverRouteHandlers, discoverServerActions, type RouteHandler, type ServerAction } from './lib/surface';
import { hasPermission, type Permission } from '../../lib/auth/permissions';

/** Endpoints that are public by design (liveness, readiness, next-auth) or guard themselves (metrics, GraphQL: own suite). */
const PUBLIC = new Set(['/api/health', '/api/wms/optimization/health', '/api/auth/[...nextauth]']);
const OWN_SUITE = new Set(['/graphql']);
const REFUSAL_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'CAPACITY_CONFLICT', 'FORBIDDEN', 'RATE_LIMITED'];

let state: ReliabilityState;
let sessions: Sessions;
let routes: RouteHandler[];
let actions: ServerAction[];
let acmeSink: Record<string, unknown>;
let acmeId: string;
const anon = new Client(config.baseUrl, 'anonymous');
const forged = new Client(config.baseUrl, 'forged-session');

function fill(pattern: string, value: string): string {
  return pattern.replace(/\[\.\.\.[^\]]+\]/g, encodeURIComponent(value)).replace(/\[[^\]]+\]/g, encodeURIComponent(value));
}

function lacking(permissions: string[]): RoleName[] {
  if (!permissions.length) return [];
  return ROLES.filter((role) => permissions.every((p) => !hasPermission(role, p as Permission)));
}

function holder(permission: string | null): RoleName | null {
  if (!permission) return 'ADMIN';
  return (['SUPERVISOR', 'MANAGER', 'OPS', 'ADMIN'] as const).find((role) => hasPermission(role, permission as Permission)) ?? null;
}

/** An action's answer is a refusal when it never ran: proxy redirect, HTTP refusal, or ok:false. */
function refusalCode(answer: ActionAnswer): string {
  if (answer.status >= 300 && answer.status < 400) return 'REDIRECT';
  if (answer.status >= 400) return `HTTP_${answer.status}`;
  return answer.result?.ok === false ? answer.result.error?.code ?? 'UNKNOWN' : answer.result?.ok ? 'OK' : 'NO_RESULT';
}

function expectNotInternal(answer: ActionAnswer, label: string): void {
  expect(answer.status, label).toBeLessThan(500);
  const code = answer.result?.error?.code;
  if (code === 'INTERNAL' || code === 'UNAVAILABLE') {
    count('fiveXx');
    note(`${label}: ActionResult ${code} (the server-error path)`);
  }
  expect(code, `${label}: ${answer.result?.error?.message}`).not.toBe('INTERNAL');
}

beforeAll(async () => {
  state = loadState();
  sessions = await signInAll();
  routes = discoverRouteHandlers();
  actions = discoverServerActions();
  const skus = await placeableSkus(config.databaseUrl, 'acme-print');
  const batch = await createBatch(anon, tokenOf(state, 'acme-print', 'SUPERVISOR'), [{ sku: skus[0]!, quantity: 1 }, { sku: skus[1]!, quantity: 1 }]);
  acmeId = state.tenantIds['acme-print']!;
  const ids = await withClient(config.databaseUrl, async (client) => {
    // A sacrificial token: fuzzed revokes may really revoke it, and must not hit the suites' own tokens.
    const token = await client.query<{ token_id: string }>(
      `INSERT INTO api_tokens (tenant_id, name, token_hash, token_prefix, role) VALUES ($1::uuid, 'surface probe', md5(random()::text) || md5(random()::text), 'bw_probe', 'SUPERVISOR')
       RETURNING token_id::text`,
      [acmeId],
    );
    const job = await client.query<{ job_id: string }>(`SELECT job_id::text FROM background_jobs WHERE tenant_id = $1::uuid LIMIT 1`, [acmeId]);
    return { tokenId: token.rows[0]?.token_id ?? randomUUID(), jobId: job.rows[0]?.job_id ?? randomUUID() };
  });
  const rec = batch.recommendations[0]!;
  // Every field any action might read, pointing at acme's rows; zod strips what an action ignores.
  acmeSink = {
    recommendationId: rec.id, id: rec.id, batchId: batch.batchId, tokenId: ids.tokenId, jobId: ids.jobId,
    locationCode: rec.locationCode, reasonCode: 'OTHER', note: 'reliability probe', reason: 'reliability probe',
    idempotencyKey: `probe-${randomUUID()}`, items: [{ sku: skus[0], quantity: 1 }], flagKey: 'ML_MODEL_ENABLED', key: 'ML_MODEL_ENABLED',
    value: 'false', name: 'reliability probe', role: 'SUPERVISOR', minConfidence: 0.99, limit: 10, confirm: true,
  };
  forged.cookies.set('next-auth.session-token', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..Zm9yZ2Vk.Zm9yZ2Vk.Zm9yZ2Vk');
  note(`surface: ${routes.length} route handlers (${routes.map((r) => r.pattern).join(', ')}), ${actions.length} server actions (${actions.map((a) => `${a.page}#${a.exportedName}`).join(', ')})`);
});
afterAll(() => flushTally('surface'));

describe('route handlers', () => {
  it('refuses every guarded route handler without a session (401) and for roles lacking its permission (403), writing nothing', async () => {
    const before = await tableChecksums(config.databaseUrl);
    for (const route of routes) {
      if (PUBLIC.has(route.pattern) || OWN_SUITE.has(route.pattern)) continue;
      const path = fill(route.pattern, randomUUID());
      for (const method of route.methods.filter((m) => m !== 'OPTIONS' && m !== 'HEAD')) {
        const init = (client: Client) => client.request(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
        for (const client of [anon, forged]) {
          const answer = await init(client);
          count('inputs');
          expect(answer.status, `${method} ${path} as ${client.label}`).toBe(401);
          expect((answer.json as { error?: { code?: string; message?: string } })?.error?.message ?? '', `${method} ${path}`).not.toBe('');
        }
        for (const role of lacking(route.permissions)) {
          const answer = await init(sessions['acme-print'][role]);
          count('inputs');
          expect(answer.status, `${method} ${path} as ${role}`).toBe(403);
          expect((answer.json as { error?: { code?: string } })?.error?.code).toBe('FORBIDDEN');
        }
      }
    }
    expect(changedTables(before, await tableChecksums(config.databaseUrl))).toEqual([]);
  });

  it("answers NOT_FOUND (never this tenant's data) when another tenant's session asks a route handler for this tenant's ids", async () => {
    const ids = await withClient(config.databaseUrl, async (client) => {
      const job = await client.query<{ job_id: string }>(`SELECT job_id::text FROM background_jobs WHERE tenant_id = $1::uuid LIMIT 1`, [acmeId]);
      const code = await client.query<{ location_code: string }>(
        `SELECT a.location_code FROM inventory_locations a WHERE a.tenant_id = $1::uuid
           AND NOT EXISTS (SELECT 1 FROM inventory_locations b WHERE b.tenant_id <> a.tenant_id AND b.location_code = a.location_code) LIMIT 1`,
        [acmeId],
      );
      return { job: job.rows[0]?.job_id ?? randomUUID(), code: code.rows[0]?.location_code ?? 'NONE', batch: String(acmeSink.batchId) };
    });
    const before = await tableChecksums(config.databaseUrl, acmeId);
    for (const route of routes.filter((r) => r.dynamic && r.methods.includes('GET') && !r.pattern.startsWith('/api/auth'))) {
      const value = /code/i.test(route.pattern) ? ids.code : /batch/i.test(route.pattern) ? ids.batch : ids.job;
      const role = holder(route.permissions[0] ?? null) ?? 'ADMIN';
      for (const asRole of new Set<RoleName>([role, 'ADMIN'])) {
        const answer = await sessions['northwind-press'][asRole].request(fill(route.pattern, value));
        count('inputs');
        expect([400, 403, 404], `${route.pattern} with acme's ${value} as northwind ${asRole} → ${answer.status} ${answer.text.slice(0, 120)}`).toContain(answer.status);
      }
    }
    expect(changedTables(before, await tableChecksums(config.databaseUrl, acmeId))).toEqual([]);
  });

  it('answers fuzzed paths, query strings and bodies on every route handler without a 5xx or a write', async () => {
    const before = await tableChecksums(config.databaseUrl);
    const queryKeys = ['zone', 'level', 'status', 'abc', 'limit', 'offset', 'from', 'to', 'cursor', 'days', 'batchId', 'locationId', 'q', '__proto__', 'tenantId'];
    for (const route of routes) {
      if (OWN_SUITE.has(route.pattern) || route.pattern.startsWith('/api/auth')) continue;
      const role = holder(route.permissions[0] ?? null) ?? 'ADMIN';
      const client = sessions['acme-print'][role];
      const headers: Record<string, string> = route.pattern.includes('metrics') ? { authorization: `Bearer ${config.metricsToken}` } : {};
      for (const method of route.methods.filter((m) => m !== 'OPTIONS' && m !== 'HEAD')) {
        await fc.assert(
          fc.asyncProperty(nastyString, fc.dictionary(fc.constantFrom(...queryKeys), nastyString, { maxKeys: 4 }), nastyValue, async (segment, query, body) => {
            const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, v.slice(0, 2_000)])).toString();
            const path = `${fill(route.pattern, segment.slice(0, 2_000) || 'x')}${search ? `?${search}` : ''}`;
            const answer = await client.request(path, {
              method,
              headers: { 'content-type': 'application/json', ...headers },
              body: method === 'GET' ? undefined : JSON.stringify(body) ?? 'undefined',
            });
            count('inputs');
            expect(answer.status, `${method} ${path.slice(0, 200)}`).toBeLessThan(500);
            if (answer.status >= 400 && answer.status !== 404 && answer.status !== 405 && answer.status !== 431) {
              const error = (answer.json as { error?: { code?: string; message?: string } })?.error;
              expect(error?.message ?? '', `${method} ${path.slice(0, 200)} → ${answer.status} ${answer.text.slice(0, 120)}`).not.toBe('');
            }
          }),
          { numRuns: Math.max(10, Math.round(config.runs / 3)) },
        );
        if (method !== 'GET') {
          for (const [type, body] of [['text/plain', '{"a":'], ['application/xml', '<a/>'], ['application/json', 'x'.repeat(10 * 1024 * 1024)]] as const) {
            const answer = await client.request(fill(route.pattern, randomUUID()), { method, headers: { 'content-type': type, ...headers }, body });
            count('inputs');
            expect(answer.status, `${method} ${route.pattern} ${type}`).toBeLessThan(500);
          }
        }
      }
    }
    expect(changedTables(before, await tableChecksums(config.databaseUrl))).toEqual([]);
  });
});

describe('server actions', () => {
  it('finds the server actions of the build', () => {
    // Not an assertion on a number: a build without actions is reported, not failed.
    if (!actions.length) note('no server actions in this build');
    expect(Array.isArray(actions)).toBe(true);
  });

  it('refuses every server action without a session, with a forged session, and for roles lacking its permission, writing nothing', async () => {
    const before = await tableChecksums(config.databaseUrl);
    for (const action of actions) {
      const page = fill(action.page, randomUUID());
      const label = `${action.page}#${action.exportedName}`;
      const noCookie = await callAction(anon, { id: action.id, page, args: [acmeSink] });
      count('inputs');
      expect(['REDIRECT', 'UNAUTHENTICATED'], `${label} without a session`).toContain(refusalCode(noCookie));
      const forgedAnswer = await callAction(forged, { id: action.id, page, args: [acmeSink] });
      count('inputs');
      expectNotInternal(forgedAnswer, label);
      expect(refusalCode(forgedAnswer), `${label} with a forged session`).toBe('UNAUTHENTICATED');
      expect(forgedAnswer.result?.error?.message ?? '').toMatch(/sign in/i);
      if (!action.permission) {
        note(`${label}: permission not found in source; role matrix skipped`);
        continue;
      }
      for (const role of lacking([action.permission])) {
        const answer = await callAction(sessions['acme-print'][role], { id: action.id, page, args: [acmeSink] });
        count('inputs');
        expectNotInternal(answer, label);
        expect(refusalCode(answer), `${label} as ${role}`).toBe('FORBIDDEN');
        expect(answer.result?.error?.message ?? '').toContain(action.permission);
      }
    }
    expect(changedTables(before, await tableChecksums(config.databaseUrl))).toEqual([]);
  });

  it("never lets another tenant's session touch this tenant's rows through a server action", async () => {
    const before = await tableChecksums(config.databaseUrl, acmeId);
    for (const action of actions) {
      const role = holder(action.permission);
      if (!role) continue;
      for (const asRole of new Set<RoleName>([role, 'ADMIN'])) {
        const answer = await callAction(sessions['northwind-press'][asRole], { id: action.id, page: fill(action.page, randomUUID()), args: [{ ...acmeSink, idempotencyKey: `x-${randomUUID()}` }] });
        count('inputs');
        expectNotInternal(answer, `${action.exportedName} as northwind ${asRole}`);
        expect(answer.text, `${action.exportedName} leaked an acme id`).not.toContain(String(acmeSink.recommendationId));
        expect(answer.text).not.toContain(String(acmeSink.batchId));
      }
    }
    expect(changedTables(before, await tableChecksums(config.databaseUrl, acmeId)), "acme's tables changed by northwind sessions").toEqual([]);
  });

  it('answers fuzzed server-action input with a coded refusal naming the problem, never INTERNAL, and writes nothing when refused', async () => {
    for (const action of actions) {
      const role = holder(action.permission);
      if (!role) continue;
      const client = sessions['acme-print'][role];
      const page = fill(action.page, randomUUID());
      const label = `${action.page}#${action.exportedName}`;
      const before = await tableChecksums(config.databaseUrl);
      let successes = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(nastyValue, mutatedInput(acmeSink)), async (input) => {
          if (successes >= 3) return; // the action accepts this shape; enough effects for one run
          const answer = await callAction(client, { id: action.id, page, args: [input] });
          count('inputs');
          expectNotInternal(answer, label);
          const code = refusalCode(answer);
          if (code === 'OK') {
            successes += 1;
            return;
          }
          expect(REFUSAL_CODES, `${label}: ${code} ${answer.text.slice(0, 200)}`).toContain(code);
          expect(answer.result?.error?.message?.length ?? 0, label).toBeGreaterThan(5);
        }),
        { numRuns: config.runs },
      );
      if (successes) note(`${label}: ${successes} fuzzed inputs were valid and ran (writes expected)`);
      else expect(changedTables(before, await tableChecksums(config.databaseUrl)), `${label} wrote rows on refused input`).toEqual([]);
    }
  });

  it('answers malformed action protocol bodies and unknown action ids without a 5xx or a write', async () => {
    const before = await tableChecksums(config.databaseUrl);
    const client = sessions['acme-print'].ADMIN;
    const targets = actions.length ? actions.slice(0, 6) : [{ id: '7f' + '0'.repeat(40), page: '/', exportedName: 'none', filename: null, permission: null }];
    const raw: { label: string; body: string | Uint8Array; type?: string }[] = [
      { label: 'truncated JSON', body: '[{"a":' },
      { label: 'reference to a missing chunk', body: '["$@7"]' },
      { label: 'server reference', body: '["$h1"]' },
      { label: 'promise reference', body: '["$@0"]' },
      { label: 'not an array', body: '{"__proto__":{"polluted":true}}' },
      { label: 'huge array', body: JSON.stringify(Array.from({ length: 100_000 }, () => 1)) },
      { label: '10 MB', body: new Uint8Array(10 * 1024 * 1024).fill(0x61) },
      { label: 'garbage multipart', body: '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--b--\r\n', type: 'multipart/form-data; boundary=b' },
      { label: 'xml', body: '<a/>', type: 'application/xml' },
    ];
    for (const target of targets) {
      for (const r of raw) {
        const answer = await callAction(client, { id: target.id, page: fill(target.page, randomUUID()), rawBody: r.body, contentType: r.type });
        count('inputs');
        expect(answer.status, `${target.exportedName} ${r.label}: ${answer.text.slice(0, 160)}`).toBeLessThan(500);
      }
    }
    for (const id of ['00', '7f' + 'a'.repeat(40), 'x'.repeat(5000), "' OR 1=1"]) {
      const answer = await callAction(client, { id, page: '/', args: [{}] });
      count('inputs');
      expect(answer.status, `unknown action id ${id.slice(0, 20)}`).toBeLessThan(500);
    }
    expect(changedTables(before, await tableChecksums(config.databaseUrl))).toEqual([]);
  });
});

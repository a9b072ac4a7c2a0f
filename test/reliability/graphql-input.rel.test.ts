/**
 * GraphQL at /graphql under bad input: no/foreign/insufficient credentials, fuzzed receipts
 * (fast-check), malformed bodies, wrong content types, deep, aliased and oversized
 * documents. Never a 5xx, always a coded refusal, and not one row written.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from './lib/config';
import { count, flushTally } from './lib/counters';
import { changedTables, tableChecksums } from './lib/db';
import { CREATE_BATCH, ACCEPT, ACCEPT_ALL, OVERRIDE, REJECT, codesOf, createBatch, gql, placeableSkus, signInAll, type Sessions } from './lib/fixtures';
import { Client } from './lib/http';
import { loadState, tokenOf, type ReliabilityState } from './lib/state';

const SMOKE = `query($input: PutawayBatchInput!) { getBatchPutawayRecommendations(input: $input) { locationCode algorithm confidenceScore } }`;
let state: ReliabilityState;
let sessions: Sessions;
let skus: string[];
const anon = new Client(config.baseUrl, 'anonymous');

async function expectNoWrites<T>(run: () => Promise<T>): Promise<T> {
  const before = await tableChecksums(config.databaseUrl);
  const result = await run();
  const after = await tableChecksums(config.databaseUrl);
  expect(changedTables(before, after), 'tables written by refused requests').toEqual([]);
  return result;
}

beforeAll(async () => {
  state = loadState();
  sessions = await signInAll();
  skus = await placeableSkus(config.databaseUrl, 'acme-print');
});
afterAll(() => flushTally('graphql-input'));

describe('GraphQL credentials', () => {
  it('refuses the smoke query without a token, with a malformed or unknown token, and for roles that cannot create batches', async () => {
    const input = { items: [{ sku: skus[0], quantity: 1 }] };
    const cases: { label: string; token?: string; header?: string; client?: Client; code: string; status: number }[] = [
      { label: 'no token', code: 'UNAUTHENTICATED', status: 401 },
      { label: 'Basic scheme', header: 'Basic YWRtaW46YWRtaW4=', code: 'UNAUTHENTICATED', status: 401 },
      { label: 'empty bearer', header: 'Bearer ', code: 'UNAUTHENTICATED', status: 401 },
      { label: 'unknown token', token: `bw_${'A'.repeat(43)}`, code: 'UNAUTHENTICATED', status: 401 },
      { label: 'SQL in token', header: "Bearer bw_' OR 1=1 --aaaaaaaaaaaaaaaaaaaaaa", code: 'UNAUTHENTICATED', status: 401 },
      { label: 'long token', token: `bw_${'x'.repeat(4_000)}`, code: 'UNAUTHENTICATED', status: 401 },
      { label: 'MANAGER token', token: tokenOf(state, 'acme-print', 'MANAGER'), code: 'FORBIDDEN', status: 403 },
      { label: 'OPS token', token: tokenOf(state, 'acme-print', 'OPS'), code: 'FORBIDDEN', status: 403 },
      { label: 'MANAGER session', client: sessions['acme-print'].MANAGER, code: 'FORBIDDEN', status: 403 },
      { label: 'forged session cookie', client: Object.assign(new Client(config.baseUrl, 'forged'), {}), code: 'UNAUTHENTICATED', status: 401 },
    ];
    // A header beyond Node's 16 KB limit is refused by the HTTP server itself (431).
    const huge = await anon.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer bw_${'x'.repeat(200_000)}` }, body: JSON.stringify({ query: SMOKE, variables: { input } }) });
    count('inputs');
    expect([401, 431]).toContain(huge.status);
    cases[cases.length - 1]!.client!.cookies.set('next-auth.session-token', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged');
    await expectNoWrites(async () => {
      for (const c of cases) {
        const headers: Record<string, string> = c.header ? { authorization: c.header } : {};
        const answer = await gql(c.client ?? anon, SMOKE, { input }, c.token, headers);
        count('inputs');
        expect(codesOf(answer), c.label).toEqual([c.code]);
        expect(answer.status, c.label).toBe(c.status);
        expect(answer.errors[0]!.message.length, c.label).toBeGreaterThan(10);
        expect(answer.data?.getBatchPutawayRecommendations ?? null, c.label).toBeNull();
      }
    });
  });

  it("refuses another tenant's token on this tenant's batch and recommendations with NOT_FOUND, changing nothing", async () => {
    const batch = await createBatch(anon, tokenOf(state, 'acme-print', 'SUPERVISOR'), [{ sku: skus[1]!, quantity: 1 }, { sku: skus[2]!, quantity: 2 }]);
    const rec = batch.recommendations[0]!;
    const foreign = tokenOf(state, 'northwind-press', 'SUPERVISOR');
    const foreignAdmin = tokenOf(state, 'northwind-press', 'ADMIN');
    await expectNoWrites(async () => {
      for (const token of [foreign, foreignAdmin]) {
        const answers = [
          await gql(anon, ACCEPT, { id: rec.id, key: `foreign-${Date.now()}` }, token),
          await gql(anon, REJECT, { id: rec.id, code: 'DAMAGED' }, token),
          await gql(anon, OVERRIDE, { id: rec.id, loc: rec.locationCode, code: 'BETTER_SPOT_KNOWN' }, token),
          await gql(anon, ACCEPT_ALL, { batchId: batch.batchId, min: 0 }, token),
          await gql(anon, `query($id: ID!) { putawayBatch(batchId: $id) { batchId recommendations { id } } }`, { id: batch.batchId }, token),
        ];
        for (const answer of answers) {
          count('inputs');
          expect(codesOf(answer)).toEqual(['NOT_FOUND']);
          expect(answer.text).not.toContain(rec.id);
        }
        const list = await gql(anon, `{ putawayBatches(limit: 200) { batchId } }`, undefined, token);
        count('inputs');
        expect(list.text).not.toContain(batch.batchId);
      }
    });
  });
});

/** One receipt line that is wrong in at least one way. */
const badLine = (sku: string) =>
  fc.oneof(
    fc.record({ sku: fc.constant(sku), quantity: fc.constantFrom<unknown>(0, -1, -1e308, 1e308, 1e12, 1.5, 2 ** 31, 100_001, null, '5', 'NaN', true, {}, []) }),
    fc.record({
      sku: fc.oneof(
        fc.constantFrom<unknown>('', '   ', 'x'.repeat(65), 'x'.repeat(100_000), 123, null, "'; DROP TABLE lots;--", '\u0000', '\u{1F4A9}'.repeat(40)),
        fc.string({ minLength: 1, maxLength: 20 }).map((s) => `NOPE-${s}`),
      ),
      quantity: fc.integer({ min: 1, max: 5 }),
    }),
    fc.record({ sku: fc.constant(sku), quantity: fc.constant(1), lotNumber: fc.constantFrom<unknown>('x'.repeat(65), 5, {}, ['a']) }),
    fc.constantFrom<unknown>(null, 'sku,1', 7, [], { quantity: 1 }, { sku }),
    fc.constant(JSON.parse(`{"sku":"${sku}","quantity":1,"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}`)),
  );

describe('GraphQL fuzzed receipts', () => {
  it('answers every bad receipt with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const token = tokenOf(state, 'acme-print', 'SUPERVISOR');
    const good = fc.constantFrom(...skus.slice(0, 10)).map((sku) => ({ sku, quantity: 1 }));
    const input = fc
      .tuple(fc.array(good, { maxLength: 3 }), fc.array(badLine(skus[0]!), { minLength: 1, maxLength: 3 }), fc.array(good, { maxLength: 3 }))
      .map(([a, bad, b]) => [...a, ...bad, ...b]);
    await expectNoWrites(() =>
      fc.assert(
        fc.asyncProperty(input, fc.boolean(), async (items, viaMutation) => {
          const answer = await gql(anon, viaMutation ? CREATE_BATCH : SMOKE, { input: { items } }, token);
          count('inputs');
          expect(answer.status).toBeLessThan(500);
          expect(answer.data?.createPutawayBatch ?? answer.data?.getBatchPutawayRecommendations ?? null).toBeNull();
          expect(codesOf(answer)).toContain('BAD_USER_INPUT');
          const named = answer.errors.some((e) => typeof e.extensions?.field === 'string' || /items|sku|quantity|lotNumber|input/.test(e.message));
          expect(named, answer.errors[0]?.message).toBe(true);
        }),
        { numRuns: config.runs },
      ),
    );
  });

  it('refuses an empty receipt and one of 10,001 lines with BAD_USER_INPUT', async () => {
    const token = tokenOf(state, 'acme-print', 'SUPERVISOR');
    await expectNoWrites(async () => {
      for (const items of [[], Array.from({ length: 10_001 }, () => ({ sku: skus[0], quantity: 1 }))]) {
        const answer = await gql(anon, CREATE_BATCH, { input: { items } }, token);
        count('inputs');
        expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
        expect(answer.errors[0]!.message).toMatch(/items/);
      }
    });
  });
});

describe('GraphQL malformed requests', () => {
  it('answers malformed bodies, wrong content types, oversized, deep and aliased documents without a 5xx or a write', async () => {
    const token = tokenOf(state, 'acme-print', 'ADMIN');
    const sku = skus[0]!;
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: putawayBatches(limit: 1) { batchId }`).join(' ');
    const deep = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`;
    const wide = `{ ${Array.from({ length: 3000 }, () => 'putawayBatches(limit: 200) { batchId recommendationsCount: itemCount }').join(' ')} }`;
    const mutationBatch = (n: number) => `mutation { ${Array.from({ length: n }, (_, i) => `m${i}: createPutawayBatch(input: { items: [{ sku: "${sku}", quantity: 1 }] }) { batchId }`).join(' ')} }`;
    const bodies: { label: string; body: string | Uint8Array; type?: string; method?: string; headers?: Record<string, string> }[] = [
      { label: 'invalid JSON', body: '{"query": "{ putawayBatches { batchId } }"' },
      { label: 'NaN literal', body: `{"query":${JSON.stringify(CREATE_BATCH)},"variables":{"input":{"items":[{"sku":"${sku}","quantity":NaN}]}}}` },
      { label: '1e309 literal', body: `{"query":${JSON.stringify(CREATE_BATCH)},"variables":{"input":{"items":[{"sku":"${sku}","quantity":1e309}]}}}` },
      { label: '__proto__ variables', body: `{"query":${JSON.stringify(CREATE_BATCH)},"variables":{"__proto__":{"input":{"items":[{"sku":"${sku}","quantity":1}]}}}}` },
      { label: '__proto__ in input', body: `{"query":${JSON.stringify(CREATE_BATCH)},"variables":{"input":{"__proto__":{"items":[{"sku":"${sku}","quantity":1}]}}}}` },
      { label: 'query not a string', body: '{"query": {"a": 1}}' },
      { label: 'variables not an object', body: `{"query":${JSON.stringify(CREATE_BATCH)},"variables":"[]"}` },
      { label: 'empty body', body: '' },
      { label: 'JSON array batch', body: JSON.stringify([{ query: '{ putawayBatches { batchId } }' }, { query: CREATE_BATCH, variables: { input: { items: [{ sku, quantity: 1 }] } } }]) },
      { label: 'null body', body: 'null' },
      { label: 'text/plain without CSRF header', body: JSON.stringify({ query: CREATE_BATCH, variables: { input: { items: [{ sku, quantity: 1 }] } } }), type: 'text/plain' },
      { label: 'form-urlencoded', body: `query=${encodeURIComponent(CREATE_BATCH)}`, type: 'application/x-www-form-urlencoded' },
      { label: 'multipart', body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--\r\n', type: 'multipart/form-data; boundary=x' },
      { label: 'xml', body: '<query>{ putawayBatches { batchId } }</query>', type: 'application/xml' },
      { label: 'application/graphql with an unknown field', body: '{ putawayBatches { nope } }', type: 'application/graphql' },
      { label: '500 aliases', body: JSON.stringify({ query: `{ ${aliases} }` }) },
      { label: 'deep introspection', body: JSON.stringify({ query: deep }) },
      { label: '3,000 fields', body: JSON.stringify({ query: wide }) },
      { label: 'fragment cycle', body: JSON.stringify({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }) },
      { label: '11 batch mutations in one document', body: JSON.stringify({ query: mutationBatch(11) }) },
      { label: 'unknown operationName', body: JSON.stringify({ query: '{ putawayBatches { batchId } }', operationName: 'nope' }) },
      { label: 'introspection', body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) },
      { label: 'huge string literal', body: JSON.stringify({ query: `{ putawayBatch(batchId: "${'x'.repeat(2_000_000)}") { batchId } }` }) },
      { label: '10 MB body', body: new Uint8Array(10 * 1024 * 1024).fill(0x20) },
      { label: '10 MB JSON variables', body: JSON.stringify({ query: CREATE_BATCH, variables: { input: { items: [{ sku: 'y'.repeat(10 * 1024 * 1024), quantity: 1 }] } } }) },
      { label: 'GET with a mutation', body: '', method: 'GET' },
      { label: 'PUT', body: '{}', method: 'PUT' },
    ];
    await expectNoWrites(async () => {
      for (const c of bodies) {
        const method = c.method ?? 'POST';
        const path = method === 'GET' ? `/graphql?query=${encodeURIComponent(mutationBatch(1))}` : '/graphql';
        const answer = await anon.request(path, {
          method,
          headers: { 'content-type': c.type ?? 'application/json', authorization: `Bearer ${token}`, ...c.headers },
          body: method === 'GET' ? undefined : (c.body as BodyInit),
          timeoutMs: 60_000,
        });
        count('inputs');
        expect(answer.status, c.label).toBeLessThan(500);
        const body = (answer.json ?? {}) as { data?: unknown; errors?: unknown[] };
        // Either an HTTP refusal or GraphQL errors; a mutation must never have run.
        const refused = answer.status >= 400 || (Array.isArray(body.errors) && body.errors.length > 0);
        expect(refused, `${c.label}: ${answer.status} ${answer.text.slice(0, 200)}`).toBe(true);
      }
    });
  });
});

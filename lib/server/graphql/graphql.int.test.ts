import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { arrangeContendedBin, cleanUpPutawayTestData, countRows } from '../putaway/putaway-test-fixtures';
import { createApiToken } from '../tokens/create-api-token';
import { findApiTokens } from '../tokens/find-api-tokens';
import { revokeApiToken } from '../tokens/revoke-api-token';
import { createGraphqlHandler } from './create-graphql-handler';

const yoga = createGraphqlHandler({ production: true });

type GraphqlResponse = { status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string; field?: string } }[] } };

async function post(body: unknown, headers: Record<string, string> = {}): Promise<GraphqlResponse> {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphqlResponse['body'] };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const smokeQuery = (items: { sku: string; quantity: number }[]) =>
  `query { getBatchPutawayRecommendations(input: { items: [${items.map((i) => `{ sku: ${JSON.stringify(i.sku)}, quantity: ${i.quantity} }`).join(', ')}] }) { sku quantity locationCode algorithm confidenceScore batchId reason scoreBreakdown { travel total } } }`;

let acmeOps: AuthContext;
let acmeAdmin: AuthContext;
let supervisorToken: string;
let managerToken: string;
let northwindToken: string;
let skus: string[];

beforeAll(async () => {
  acmeOps = await contextFor('ops@acme.test');
  acmeAdmin = await contextFor('admin@acme.test');
  supervisorToken = (await createApiToken(acmeOps, { name: 'receiving system', role: 'SUPERVISOR' })).token;
  managerToken = (await createApiToken(acmeOps, { name: 'reporting', role: 'MANAGER' })).token;
  northwindToken = (await createApiToken(await contextFor('admin@northwind.test'), { name: 'northwind receiving', role: 'SUPERVISOR' })).token;
  skus = await withAdminClient(async (client) => {
    const { rows } = await client.query<{ sku: string }>(
      `SELECT sku FROM materials WHERE tenant_id = $1 AND length_inches > 0 AND width_inches > 0 AND height_inches > 0 AND hazard_class IS NULL
       AND category IN ('FINISHED_CARTON', 'SMALL_PART') ORDER BY sku LIMIT 5`,
      [acmeOps.tenantId],
    );
    return rows.map((r) => r.sku);
  });
});

const startedAt = new Date();

afterAll(async () => {
  await withAdminClient((client) => cleanUpPutawayTestData(client, startedAt));
});

describe('POST /graphql', () => {
  it('answers the runbook smoke query with a Bearer token: 200 and a recommendation for every item', async () => {
    const items = skus.slice(0, 3).map((sku) => ({ sku, quantity: 3 }));
    const { status, body } = await post({ query: smokeQuery(items) }, bearer(supervisorToken));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const recommendations = body.data!.getBatchPutawayRecommendations as { sku: string; quantity: number; locationCode: string; algorithm: string; confidenceScore: number }[];
    for (const item of items) {
      expect(recommendations.filter((r) => r.sku === item.sku).reduce((sum, r) => sum + r.quantity, 0)).toBe(item.quantity);
    }
    for (const r of recommendations) {
      expect(r.locationCode).toBeTruthy();
      expect(['FFD', 'BFD', 'HYBRID']).toContain(r.algorithm);
      expect(r.confidenceScore).toBeGreaterThanOrEqual(0);
    }
    const tokens = await findApiTokens(acmeOps);
    expect(tokens.find((t) => t.name === 'receiving system')?.lastUsedAt).not.toBeNull();
  });

  it('refuses the smoke query without a token (401 UNAUTHENTICATED) and writes nothing', async () => {
    const before = await withAdminClient((client) => countRows(client, acmeOps.tenantId));
    const { status, body } = await post({ query: smokeQuery([{ sku: skus[0]!, quantity: 3 }]) });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await withAdminClient((client) => countRows(client, acmeOps.tenantId))).toEqual(before);
  });

  it('refuses a MANAGER token (403 FORBIDDEN) and writes nothing', async () => {
    const before = await withAdminClient((client) => countRows(client, acmeOps.tenantId));
    const { status, body } = await post({ query: smokeQuery([{ sku: skus[0]!, quantity: 3 }]) }, bearer(managerToken));
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await withAdminClient((client) => countRows(client, acmeOps.tenantId))).toEqual(before);
  });

  it('refuses another tenant’s token on this tenant’s batch and recommendation, and changes nothing', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acmeOps.tenantId, { k: 5, n: 1 }));
    const before = await withAdminClient((client) => countRows(client, acmeOps.tenantId));
    const read = await post({ query: `query { putawayBatch(batchId: "${bin.batchId}") { batchId } }` }, bearer(northwindToken));
    expect(read.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const decide = await post({ query: `mutation { acceptRecommendation(id: "${bin.recommendationIds[0]}") { status } }` }, bearer(northwindToken));
    expect(decide.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await withAdminClient((client) => countRows(client, acmeOps.tenantId))).toEqual(before);
  });

  it('refuses a revoked token with UNAUTHENTICATED', async () => {
    const created = await createApiToken(acmeAdmin, { name: 'short-lived', role: 'SUPERVISOR' });
    await revokeApiToken(acmeAdmin, { tokenId: created.record.tokenId });
    const { status, body } = await post({ query: smokeQuery([{ sku: skus[0]!, quantity: 1 }]) }, bearer(created.token));
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only an ADMIN create an ADMIN token', async () => {
    await expect(createApiToken(acmeOps, { name: 'too strong', role: 'ADMIN' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the bad field with BAD_USER_INPUT for literals and variables, and writes nothing', async () => {
    const before = await withAdminClient((client) => countRows(client, acmeOps.tenantId));
    const zero = await post({ query: smokeQuery([{ sku: skus[0]!, quantity: 1 }, { sku: skus[0]!, quantity: 0 }]) }, bearer(supervisorToken));
    expect(zero.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[1].quantity' });
    const huge = await post({ query: smokeQuery([{ sku: skus[0]!, quantity: 1e12 }]) }, bearer(supervisorToken));
    expect(huge.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[0].quantity' });
    const unknown = await post({ query: smokeQuery([{ sku: 'NO-SUCH-SKU', quantity: 1 }]) }, bearer(supervisorToken));
    expect(unknown.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('items[0].sku: unknown SKU "NO-SUCH-SKU"'), extensions: { code: 'BAD_USER_INPUT' } });
    const variable = await post(
      { query: 'query Q($input: PutawayBatchInput!) { getBatchPutawayRecommendations(input: $input) { locationCode } }', variables: { input: { items: [{ sku: skus[0], quantity: 'three' }] } } },
      bearer(supervisorToken),
    );
    expect(variable.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[0].quantity' });
    const malformed = await post('{"query": ', bearer(supervisorToken));
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await withAdminClient((client) => countRows(client, acmeOps.tenantId))).toEqual(before);
  });

  it('refuses fuzzed bad variables and bodies with BAD_USER_INPUT naming the field, writing nothing', async () => {
    const before = await withAdminClient((client) => countRows(client, acmeOps.tenantId));
    const query = 'query Q($input: PutawayBatchInput!) { getBatchPutawayRecommendations(input: $input) { locationCode } }';
    const good = () => ({ sku: skus[0]!, quantity: 1 });
    const badLine = fc.oneof(
      fc.constantFrom<unknown>(0, -1, 100_001, 1e12, 1.5, 'three', null, true, []).map((quantity) => ({ line: { sku: skus[0], quantity }, field: 'quantity' })),
      fc.constantFrom<unknown>(42, null, ['x'], '').map((sku) => ({ line: { sku, quantity: 1 }, field: 'sku' })),
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0).map((suffix) => ({ line: { sku: `NOPE-${suffix}`, quantity: 1 }, field: 'sku' })),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 4 }), badLine, async (at, { line, field }) => {
        const items = [...Array.from({ length: at }, good), line];
        const { body } = await post({ query, variables: { input: { items } } }, bearer(supervisorToken));
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `items[${at}].${field}` });
      }),
      { numRuns: 40, seed: 5 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }).filter((text) => { try { JSON.parse(text); return false; } catch { return true; } }), async (text) => {
        const { status, body } = await post(text, bearer(supervisorToken));
        expect(status).toBe(400);
        expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }),
      { numRuns: 20, seed: 6 },
    );
    const tooMany = await post({ query, variables: { input: { items: Array.from({ length: 10_001 }, good) } } }, bearer(supervisorToken));
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items' });
    expect(await withAdminClient((client) => countRows(client, acmeOps.tenantId))).toEqual(before);
  });

  it('decides through mutations, idempotently', async () => {
    const bin = await withAdminClient((client) => arrangeContendedBin(client, acmeOps.tenantId, { k: 5, n: 2 }));
    const accept = `mutation { acceptRecommendation(id: "${bin.recommendationIds[0]}", idempotencyKey: "gql-accept-${bin.batchId}") { status finalLocationCode } }`;
    const first = await post({ query: accept }, bearer(supervisorToken));
    const second = await post({ query: accept }, bearer(supervisorToken));
    expect(first.body.data?.acceptRecommendation).toEqual({ status: 'ACCEPTED', finalLocationCode: bin.locationCode });
    expect(second.body.data).toEqual(first.body.data);
    const reject = await post({ query: `mutation { rejectRecommendation(id: "${bin.recommendationIds[1]}", reasonCode: BIN_BLOCKED) { status decisionReasonCode } }` }, bearer(supervisorToken));
    expect(reject.body.data?.rejectRecommendation).toEqual({ status: 'REJECTED', decisionReasonCode: 'BIN_BLOCKED' });
    await withAdminClient(async (client) => {
      const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM inventory_transactions WHERE recommendation_id = $1`, [bin.recommendationIds[0]]);
      expect(rows[0].n).toBe(1);
    });
  });

  it('enforces the alias limit, introspection off in production, and CSRF prevention', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: putawayBatches { batchId }`).join(' ');
    const aliased = await post({ query: `query { ${aliases} }` }, bearer(supervisorToken));
    expect(aliased.body.errors?.[0]?.message).toMatch(/alias/i);
    const introspection = await post({ query: '{ __schema { types { name } } }' }, bearer(supervisorToken));
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
    const simple = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'text/plain', ...bearer(supervisorToken) }, body: JSON.stringify({ query: smokeQuery([{ sku: skus[0]!, quantity: 1 }]) }) });
    expect(simple.status).toBe(403);
  });
});

describe('session-cookie requests and Origin', () => {
  const createBatch = (sku: string) => ({ query: `mutation { createPutawayBatch(input: { items: [{ sku: ${JSON.stringify(sku)}, quantity: 1 }] }) { batchId } }` });
  const sessionYoga = () => createGraphqlHandler({ production: true, resolveSession: async () => ({ ...acmeOps, role: 'SUPERVISOR', via: 'session' }) });
  const postAs = async (handler: ReturnType<typeof createGraphqlHandler>, headers: Record<string, string>, body: unknown): Promise<GraphqlResponse> => {
    const response = await handler.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as GraphqlResponse['body'] };
  };

  it('refuses a cookie-authenticated mutation from a foreign, "null" or missing Origin with FORBIDDEN, writing nothing', async () => {
    const handler = sessionYoga();
    const before = await withAdminClient((client) => countRows(client, acmeOps.tenantId));
    const cases: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { origin: 'http://localhost.evil.example' }, {}];
    for (const headers of cases) {
      const answer = await postAs(handler, headers, createBatch(skus[0]!));
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body.data?.createPutawayBatch ?? null).toBeNull();
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(answer.body.errors?.[0]?.message).toMatch(/Origin/);
    }
    expect(await withAdminClient((client) => countRows(client, acmeOps.tenantId))).toEqual(before);
  });

  it('runs a cookie-authenticated mutation sent from this same origin', async () => {
    const answer = await postAs(sessionYoga(), { origin: 'http://localhost' }, createBatch(skus[0]!));
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data?.createPutawayBatch as { batchId?: string } | undefined)?.batchId).toBeTruthy();
  });

  it('does not ask a Bearer-token request for an Origin, even a foreign one', async () => {
    const answer = await postAs(sessionYoga(), { ...bearer(supervisorToken), origin: 'https://evil.example' }, createBatch(skus[0]!));
    expect(answer.body.errors).toBeUndefined();
  });
});

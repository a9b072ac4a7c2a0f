/**
 * Shared arrangements: signed-in browser sessions per tenant and role, GraphQL calls with
 * Bearer tokens, SKUs that fit somewhere, and batches to decide on.
 */
import { DEMO_PASSWORD, DOMAIN, ROLES, TENANTS, config, type RoleName } from './config';
import { withClient } from './db';
import { Client, type Answer } from './http';

export type Tenant = (typeof TENANTS)[number];
export type Sessions = Record<Tenant, Record<RoleName, Client>>;

export async function signInAll(baseUrl = config.baseUrl): Promise<Sessions> {
  const sessions = {} as Sessions;
  for (const tenant of TENANTS) {
    sessions[tenant] = {} as Record<RoleName, Client>;
    for (const role of ROLES) {
      const email = `${role.toLowerCase()}@${DOMAIN[tenant]}`;
      sessions[tenant][role] = await new Client(baseUrl, `${role}@${tenant}`).signIn(email, DEMO_PASSWORD);
    }
  }
  return sessions;
}

export type GqlError = { message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } };
export type GqlAnswer = Answer & { data: Record<string, unknown> | null; errors: GqlError[] };

export async function gql(client: Client, query: string, variables?: Record<string, unknown>, token?: string, extraHeaders: Record<string, string> = {}): Promise<GqlAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
  if (token) headers.authorization = `Bearer ${token}`;
  const answer = await client.request('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (answer.json ?? {}) as { data?: Record<string, unknown> | null; errors?: GqlError[] };
  return { ...answer, data: body.data ?? null, errors: body.errors ?? [] };
}

export const codesOf = (answer: GqlAnswer): string[] => answer.errors.map((error) => error.extensions?.code ?? 'NONE');

/** Active SKUs with dimensions and weight that are not oversize: they fit in some bin. */
export async function placeableSkus(databaseUrl: string, tenant: Tenant, limit = 40): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ sku: string }>(
      `SELECT m.sku FROM materials m JOIN tenants t ON t.tenant_id = m.tenant_id
       WHERE t.code = $1 AND m.is_active AND m.width_inches IS NOT NULL AND m.height_inches IS NOT NULL AND m.length_inches IS NOT NULL
         AND m.weight_lbs IS NOT NULL AND m.sku NOT LIKE 'OVS-%' AND m.hazard_class IS NULL AND m.temperature_class IS NULL
         AND m.length_inches * m.width_inches * m.height_inches < 6000
       ORDER BY m.sku LIMIT $2`,
      [tenant, limit],
    );
    return rows.map((row) => row.sku);
  });
}

export const CREATE_BATCH = `mutation($input: PutawayBatchInput!) { createPutawayBatch(input: $input) {
  batchId itemCount recommendations { id sku quantity locationId locationCode status confidenceScore alternatives { locationCode } } unplaceable { sku reasonCode } } }`;

export type RecommendationRow = { id: string; sku: string; quantity: number; locationId: string; locationCode: string; status: string; alternatives: { locationCode: string }[] };
export type BatchRow = { batchId: string; itemCount: number; recommendations: RecommendationRow[]; unplaceable: { sku: string }[] };

export async function createBatch(client: Client, token: string, items: { sku: string; quantity: number; lotNumber?: string }[]): Promise<BatchRow> {
  const answer = await gql(client, CREATE_BATCH, { input: { items } }, token);
  const batch = answer.data?.createPutawayBatch as BatchRow | undefined;
  if (!batch) throw new Error(`createPutawayBatch failed (${answer.status}): ${JSON.stringify(answer.errors).slice(0, 400)}`);
  return batch;
}

export const ACCEPT = `mutation($id: ID!, $key: String) { acceptRecommendation(id: $id, idempotencyKey: $key) { id status finalLocationCode } }`;
export const REJECT = `mutation($id: ID!, $code: ReasonCode!, $note: String, $key: String) { rejectRecommendation(id: $id, reasonCode: $code, note: $note, idempotencyKey: $key) { id status } }`;
export const OVERRIDE = `mutation($id: ID!, $loc: String!, $code: ReasonCode!, $note: String, $key: String) { overrideRecommendation(id: $id, locationCode: $loc, reasonCode: $code, note: $note, idempotencyKey: $key) { id status finalLocationCode } }`;
export const ACCEPT_ALL = `mutation($batchId: ID!, $min: Float, $key: String) { acceptAll(batchId: $batchId, minConfidence: $min, idempotencyKey: $key) { acceptedIds conflicts { recommendationId message } replayed } }`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

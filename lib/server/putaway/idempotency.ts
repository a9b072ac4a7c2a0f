import 'server-only';
import { createHash } from 'node:crypto';
import type { Tx } from '../db';
import { AppError } from '../errors';

export function requestHash(scope: string, input: unknown): string {
  return createHash('sha256').update(scope).update('\0').update(JSON.stringify(input)).digest('hex');
}

/**
 * Claims an idempotency key INSIDE the decision's transaction, before any effect. The
 * primary key (tenant_id, key) serializes concurrent retries: a second request with the
 * same key blocks on the insert until the first commits, then finds the stored response
 * and replays it; if the first rolled back (a refusal), the retry proceeds as new. Either
 * way exactly one effect. Returns the stored response on a replay, null when claimed.
 */
export async function claimIdempotencyKey<T>(tx: Tx, tenantId: string, key: string | undefined, scope: string, hash: string): Promise<T | null> {
  if (!key) return null;
  const claimed = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO idempotency_keys (tenant_id, key, scope, request_hash, response)
    VALUES (${tenantId}::uuid, ${key}, ${scope}, ${hash}, '{"pending":true}'::jsonb)
    ON CONFLICT (tenant_id, key) DO NOTHING
    RETURNING key`;
  if (claimed.length) return null;
  const [stored] = await tx.$queryRaw<{ request_hash: string; response: T }[]>`
    SELECT request_hash, response FROM idempotency_keys WHERE tenant_id = ${tenantId}::uuid AND key = ${key}`;
  if (!stored) return null;
  if (stored.request_hash !== hash) {
    throw new AppError('CONFLICT', 'This idempotency key was already used for a different request. Use a new key for a new decision.', { details: { field: 'idempotencyKey' } });
  }
  return stored.response;
}

export async function storeIdempotentResponse(tx: Tx, tenantId: string, key: string | undefined, response: unknown): Promise<void> {
  if (!key) return;
  await tx.$executeRaw`UPDATE idempotency_keys SET response = ${JSON.stringify(response)}::jsonb WHERE tenant_id = ${tenantId}::uuid AND key = ${key}`;
}

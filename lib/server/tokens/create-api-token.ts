import 'server-only';
import { ZCreateApiToken, type TCreateApiToken } from '@/lib/schemas/tokens';
import { parseInput } from '../action';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import { AppError } from '../errors';
import type { ApiTokenView } from './find-api-tokens';
import { displayPrefix, generateTokenSecret, hashToken } from './token-secret';

export type CreatedApiToken = { token: string; record: ApiTokenView };

/**
 * Creates an API token for the caller's tenant. The secret is returned once and only its
 * SHA-256 is stored. Ops issue tokens for integrations (e.g. a SUPERVISOR token for the
 * receiving system), but only an ADMIN may mint an ADMIN token.
 */
export async function createApiToken(context: AuthContext, input: TCreateApiToken): Promise<CreatedApiToken> {
  assertPermission(context, 'tokens.manage');
  const { name, role, expiresInDays } = parseInput(ZCreateApiToken, input);
  if (role === 'ADMIN' && context.role !== 'ADMIN') {
    throw new AppError('FORBIDDEN', 'Only an ADMIN can create an ADMIN token.', { fieldErrors: { role: ['only an ADMIN can create an ADMIN token'] } });
  }
  const token = generateTokenSecret();
  return withTenant(context.tenantId, async (tx) => {
    const [row] = await tx.$queryRaw<{ token_id: string; created_at: Date; expires_at: Date | null }[]>`
      INSERT INTO api_tokens (tenant_id, name, token_hash, token_prefix, role, created_by, expires_at)
      VALUES (${context.tenantId}::uuid, ${name}, ${hashToken(token)}, ${displayPrefix(token)}, ${role}::user_role, ${context.userId}::uuid,
              CASE WHEN ${expiresInDays ?? null}::int IS NULL THEN NULL ELSE now() + make_interval(days => ${expiresInDays ?? null}::int) END)
      RETURNING token_id::text, created_at, expires_at`;
    await tx.$executeRaw`
      INSERT INTO audit_events (tenant_id, actor_id, action, target, details)
      VALUES (${context.tenantId}::uuid, ${context.userId}::uuid, 'api_token.created', ${row!.token_id}, ${JSON.stringify({ name, role })}::jsonb)`;
    return {
      token,
      record: {
        tokenId: row!.token_id,
        name,
        role,
        prefix: displayPrefix(token),
        createdAt: row!.created_at.toISOString(),
        lastUsedAt: null,
        expiresAt: row!.expires_at?.toISOString() ?? null,
        revokedAt: null,
      },
    };
  });
}

import 'server-only';
import { hasPermission, permissionsOf } from '@/lib/auth/permissions';
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
 * SHA-256 is stored. A token may not hold a permission its creator lacks, so an OPS user
 * cannot mint an ADMIN token.
 */
export async function createApiToken(context: AuthContext, input: TCreateApiToken): Promise<CreatedApiToken> {
  assertPermission(context, 'tokens.manage');
  const { name, role, expiresInDays } = parseInput(ZCreateApiToken, input);
  const escalates = permissionsOf(role).some((permission) => !hasPermission(context.role, permission));
  if (escalates) throw new AppError('FORBIDDEN', `Your role (${context.role}) cannot create a ${role} token: it would hold permissions you do not have.`, { fieldErrors: { role: ['exceeds your own permissions'] } });
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

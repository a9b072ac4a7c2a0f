import 'server-only';
import { ZRevokeApiToken, type TRevokeApiToken } from '@/lib/schemas/tokens';
import { parseInput } from '../action';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';
import { AppError } from '../errors';

/** Revokes a token at once: the next request presenting it is UNAUTHENTICATED. */
export async function revokeApiToken(context: AuthContext, input: TRevokeApiToken): Promise<{ tokenId: string; revokedAt: string }> {
  assertPermission(context, 'tokens.manage');
  const { tokenId } = parseInput(ZRevokeApiToken, input);
  return withTenant(context.tenantId, async (tx) => {
    const [row] = await tx.$queryRaw<{ revoked_at: Date }[]>`
      UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE token_id = ${tokenId}::uuid RETURNING revoked_at`;
    if (!row) throw new AppError('NOT_FOUND', 'No such token.');
    await tx.$executeRaw`
      INSERT INTO audit_events (tenant_id, actor_id, action, target, details)
      VALUES (${context.tenantId}::uuid, ${context.userId}::uuid, 'api_token.revoked', ${tokenId}, '{}'::jsonb)`;
    return { tokenId, revokedAt: row.revoked_at.toISOString() };
  });
}

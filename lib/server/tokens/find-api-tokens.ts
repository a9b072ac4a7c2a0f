import 'server-only';
import type { Role } from '@/lib/auth/permissions';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant } from '../db';

export type ApiTokenView = {
  tokenId: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

type Row = { token_id: string; name: string; role: Role; token_prefix: string; created_at: Date; last_used_at: Date | null; expires_at: Date | null; revoked_at: Date | null };

/** The tenant's API tokens, newest first; never the hash. */
export async function findApiTokens(context: AuthContext): Promise<ApiTokenView[]> {
  assertPermission(context, 'tokens.manage');
  return withTenant(context.tenantId, async (tx) => {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT token_id::text, name, role::text AS role, token_prefix, created_at, last_used_at, expires_at, revoked_at
      FROM api_tokens ORDER BY revoked_at IS NOT NULL, created_at DESC LIMIT 200`;
    return rows.map((r) => ({
      tokenId: r.token_id,
      name: r.name,
      role: r.role,
      prefix: r.token_prefix,
      createdAt: r.created_at.toISOString(),
      lastUsedAt: r.last_used_at?.toISOString() ?? null,
      expiresAt: r.expires_at?.toISOString() ?? null,
      revokedAt: r.revoked_at?.toISOString() ?? null,
    }));
  });
}

import 'server-only';
import type { Role } from '@/lib/auth/permissions';
import type { AuthContext } from '../auth/session';
import { withSystem, withTenant } from '../db';
import { AppError } from '../errors';
import { hashToken } from './token-secret';

type LookupRow = { token_id: string; tenant_id: string; role: Role; name: string; expires_at: Date | null; revoked_at: Date | null };

const invalid = () => new AppError('UNAUTHENTICATED', 'The API token is invalid, expired or revoked.');

/**
 * Resolves `Authorization: Bearer <token>` to an AuthContext. The tenant and role come from
 * the stored token, never from the request. The lookup runs before any tenant is known,
 * through the narrow SECURITY DEFINER function; last_used_at is written at most once a minute.
 */
export async function authenticateApiToken(token: string): Promise<AuthContext> {
  if (!/^bw_[A-Za-z0-9_-]{20,100}$/.test(token)) throw invalid();
  const hash = hashToken(token);
  const [row] = await withSystem((tx) => tx.$queryRaw<LookupRow[]>`
    SELECT token_id::text, tenant_id::text, role::text AS role, name, expires_at, revoked_at FROM binwise_auth_lookup_api_token(${hash})`);
  if (!row || row.revoked_at || (row.expires_at && row.expires_at.getTime() <= Date.now())) throw invalid();
  const tenantName = await withTenant(row.tenant_id, async (tx) => {
    await tx.$executeRaw`
      UPDATE api_tokens SET last_used_at = now()
      WHERE token_id = ${row.token_id}::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
    const [tenant] = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM tenants WHERE tenant_id = ${row.tenant_id}::uuid`;
    return tenant?.name ?? '';
  });
  return { userId: null, tenantId: row.tenant_id, tenantName, role: row.role, name: `token:${row.name}`, via: 'token' };
}

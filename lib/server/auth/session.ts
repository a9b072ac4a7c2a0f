import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { hasPermission, type Permission, type Role } from '@/lib/auth/permissions';
import { AppError } from '../errors';
import { authOptions } from './options';

/** Who is asking: resolved from the session cookie or an API token, never from input. */
export type AuthContext = {
  userId: string | null;
  tenantId: string;
  tenantName: string;
  role: Role;
  name: string;
  /** 'session' for the browser, 'token' for API tokens. */
  via: 'session' | 'token';
};

/** The session for this request, deduplicated across one render with React's cache(). */
export const getAuthContext = cache(async (): Promise<AuthContext | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.tenantId || !user.role || !user.id) return null;
  return { userId: user.id, tenantId: user.tenantId, tenantName: user.tenantName ?? '', role: user.role, name: user.name ?? user.email ?? 'user', via: 'session' };
});

export function assertPermission(context: AuthContext, permission: Permission): void {
  if (!hasPermission(context.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${context.role}) does not have the "${permission}" permission.`, { details: { permission } });
  }
}

/** The session with the permission, or an UNAUTHENTICATED / FORBIDDEN AppError. */
export async function requirePermission(permission: Permission): Promise<AuthContext> {
  const context = await getAuthContext();
  if (!context) throw new AppError('UNAUTHENTICATED', 'You are not signed in, or your session has expired. Sign in again.');
  assertPermission(context, permission);
  return context;
}

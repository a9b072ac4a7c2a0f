import 'server-only';
import { redirect } from 'next/navigation';
import { hasPermission, type Permission } from '@/lib/auth/permissions';
import { getAuthContext, type AuthContext } from './session';

/**
 * The guard at the top of every dashboard page. No session: to the sign-in page. Missing
 * permission: to /denied, which names the permission (production builds hide the message
 * of an error thrown while rendering, so a thrown refusal would read as a crash).
 */
export async function requirePagePermission(permission: Permission): Promise<AuthContext> {
  const context = await getAuthContext();
  if (!context) redirect('/login');
  if (!hasPermission(context.role, permission)) redirect(`/denied?permission=${encodeURIComponent(permission)}`);
  return context;
}

import 'server-only';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import type { Role } from '@/lib/auth/permissions';
import { withSystem } from '../db';
import { clearFailures, lockedMinutes, recordFailure } from './throttle';

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address').max(200),
  password: z.string().min(1, 'Enter your password').max(200),
});

export type SignedInUser = { id: string; email: string; name: string; role: Role; tenantId: string; tenantName: string };

type LookupRow = { user_id: string; tenant_id: string; email: string; name: string; role: Role; password_hash: string; is_active: boolean; tenant_name: string };

// Compared against when the email is unknown, so a miss costs as long as a hit (no user enumeration by timing).
const DUMMY_HASH = '$2b$10$jSqx0pRqrqc/DL00TSAzIu6s.6.jiBc4dtXmZJyLebqHRsLeE876C';

/** Checks a sign-in. Throws an Error whose message is safe to show on the sign-in page. */
export async function verifyCredentials(input: unknown, clientKey: string): Promise<SignedInUser> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Enter your email and password');
  const { email, password } = parsed.data;
  const keys = [`email:${email}`, `client:${clientKey}`];

  const minutes = await lockedMinutes(keys);
  if (minutes > 0) throw new Error(`Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);

  const rows = await withSystem((tx) => tx.$queryRaw<LookupRow[]>`SELECT * FROM binwise_auth_lookup_user(${email})`);
  const user = rows.length === 1 ? rows[0] : undefined;
  const valid = await bcrypt.compare(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !valid || !user.is_active) {
    await recordFailure(keys);
    throw new Error(user && valid && !user.is_active ? 'This account is disabled. Ask an administrator.' : 'Email or password is incorrect.');
  }
  await clearFailures(keys);
  return { id: user.user_id, email: user.email, name: user.name, role: user.role, tenantId: user.tenant_id, tenantName: user.tenant_name };
}

import 'server-only';
import { withSystem } from '../db';

/** Failed sign-ins allowed per key inside the window before the key is locked. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/** Minutes left on a lock for this key, or 0. Kept in PostgreSQL so every replica agrees. */
export async function lockedMinutes(keys: string[], now = new Date()): Promise<number> {
  const rows = await withSystem((tx) => tx.authThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } }));
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 60_000) : 0;
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  await withSystem(async (tx) => {
    for (const key of keys) {
      // One atomic upsert: the window restarts when it has expired, and the key locks at the limit.
      await tx.$executeRaw`
        INSERT INTO auth_throttle (key, failures, window_start) VALUES (${key}, 1, ${now})
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN auth_throttle.window_start < ${new Date(now.getTime() - WINDOW_MS)} THEN 1 ELSE auth_throttle.failures + 1 END,
          window_start = CASE WHEN auth_throttle.window_start < ${new Date(now.getTime() - WINDOW_MS)} THEN ${now} ELSE auth_throttle.window_start END,
          locked_until = CASE WHEN auth_throttle.window_start >= ${new Date(now.getTime() - WINDOW_MS)} AND auth_throttle.failures + 1 >= ${MAX_FAILURES}
                              THEN ${new Date(now.getTime() + LOCK_MS)} ELSE auth_throttle.locked_until END`;
    }
  });
}

export async function clearFailures(keys: string[]): Promise<void> {
  await withSystem((tx) => tx.authThrottle.deleteMany({ where: { key: { in: keys } } }));
}

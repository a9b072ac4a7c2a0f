import 'server-only';
import { assertPermission, type AuthContext } from '@/lib/server/auth/session';
import { withTenant } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';

export type RollbackOutcome = { activeVersion: number; previousVersion: number | null };

/**
 * Makes an earlier (or any stored) model version the active one. Ops only (ml.rollback);
 * recorded in audit_events with who, from which version and to which.
 */
export async function rollbackModel(context: AuthContext, input: { version: number; reason?: string }): Promise<RollbackOutcome> {
  assertPermission(context, 'ml.rollback');
  if (!Number.isInteger(input.version) || input.version < 1) {
    throw new AppError('BAD_USER_INPUT', 'version: must be a positive whole number.', { fieldErrors: { version: ['must be a positive whole number'] } });
  }
  return withTenant(context.tenantId, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('binwise-ml-train:' || ${context.tenantId}))`;
    const target = await tx.$queryRaw<{ model_id: string }[]>`SELECT model_id FROM ml_model_weights WHERE version = ${input.version}`;
    if (!target[0]) throw new AppError('NOT_FOUND', `There is no model version ${input.version}.`);
    const active = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM ml_model_weights WHERE is_active ORDER BY version DESC LIMIT 1`;
    const previousVersion = active[0]?.version ?? null;
    if (previousVersion === input.version) return { activeVersion: input.version, previousVersion };
    await tx.$executeRaw`UPDATE ml_model_weights SET is_active = (version = ${input.version}), updated_at = now() WHERE is_active OR version = ${input.version}`;
    await tx.$executeRaw`
      INSERT INTO audit_events (tenant_id, actor_id, action, target, details)
      VALUES (${context.tenantId}::uuid, ${context.userId}::uuid, 'ml.rollback', ${`model v${input.version}`},
              ${JSON.stringify({ fromVersion: previousVersion, toVersion: input.version, reason: input.reason ?? null, via: context.via })}::jsonb)`;
    return { activeVersion: input.version, previousVersion };
  });
}

import 'server-only';
import { ZFlagAuditQuery } from '@/lib/schemas/flags';
import { parseInput } from '../action';
import { assertPermission, type AuthContext } from '../auth/session';
import { withTenant } from '../db';

export type FlagAuditEntry = {
  id: string;
  flagKey: string;
  oldValue: string | null;
  newValue: string;
  reason: string;
  changedBy: string | null;
  changedAt: string;
};

type AuditRow = { audit_id: string; flag_key: string; old_value: string | null; new_value: string; reason: string; changed_by_name: string | null; changed_at: Date };

/** The tenant's flag changes, newest first: who, when, old → new, and why. */
export async function findFlagAudit(context: AuthContext, query: { limit?: number } = {}): Promise<FlagAuditEntry[]> {
  assertPermission(context, 'flags.read');
  const { limit } = parseInput(ZFlagAuditQuery, query);
  const rows = await withTenant(context.tenantId, (tx) =>
    tx.$queryRaw<AuditRow[]>`
      SELECT a.audit_id, a.flag_key, a.old_value, a.new_value, a.reason, u.name AS changed_by_name, a.changed_at
      FROM feature_flag_audit_log a LEFT JOIN users u ON u.user_id = a.changed_by
      WHERE a.tenant_id = ${context.tenantId}::uuid
      ORDER BY a.changed_at DESC, a.audit_id
      LIMIT ${limit}`,
  );
  return rows.map((row) => ({
    id: row.audit_id,
    flagKey: row.flag_key,
    oldValue: row.old_value,
    newValue: row.new_value,
    reason: row.reason,
    changedBy: row.changed_by_name,
    changedAt: row.changed_at.toISOString(),
  }));
}

import 'server-only';
import { AUDIT_CHECKS, type AuditCheckKey } from './checks';
import type { AuditRow } from './get-data-quality-audit';

/** RFC 4180 field; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line per offending row: check, severity, entity, code, description, detail, id. */
export function auditRowsToCsv(rows: Record<AuditCheckKey, AuditRow[]>, only?: AuditCheckKey): string {
  const lines = [['check', 'severity', 'entity', 'code', 'description', 'detail', 'id'].join(',')];
  for (const check of AUDIT_CHECKS) {
    if (only && check.key !== only) continue;
    for (const row of rows[check.key]) {
      lines.push([check.key, check.severity, row.entity, row.code, row.description, row.detail, row.id].map(csvField).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

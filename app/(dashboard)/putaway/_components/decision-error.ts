import type { Decision } from './use-decisions';

/** A server refusal names the input field it is about first ("locationCode: …"), for API clients; the review queue says which line instead. */
const FIELD_PREFIX = /^[A-Za-z][\w.[\]]*: /;

/**
 * The alert text for a refused decision: the line (SKU and the bin it was going to, the typed bin
 * for an override) and the server's reason without the field name, which reads as debug text to a
 * supervisor.
 */
export function decisionErrorText(decision: Decision, row: { sku: string; locationCode: string } | undefined, message: string): string {
  const reason = message.replace(FIELD_PREFIX, '');
  if (!row) return reason;
  const target = decision.kind === 'override' ? `${decision.locationCode} (override)` : row.locationCode;
  return `${row.sku} → ${target}: ${reason}`;
}

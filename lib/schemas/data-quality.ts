import { z } from 'zod';

export const AUDIT_CHECK_KEYS = ['missingDimensions', 'missingAbc', 'invalidCapacity', 'oversizeMaterials', 'negativeStock'] as const;

/** CSV export: one check, or all of them when absent. */
export const ZAuditCsvInput = z.object({ check: z.enum(AUDIT_CHECK_KEYS).optional() });
export type TAuditCsvInput = z.infer<typeof ZAuditCsvInput>;

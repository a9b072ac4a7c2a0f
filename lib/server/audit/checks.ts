import 'server-only';

export type AuditCheckKey = 'missingDimensions' | 'missingAbc' | 'invalidCapacity' | 'oversizeMaterials' | 'negativeStock';

export type AuditCheckDefinition = {
  key: AuditCheckKey;
  title: string;
  /** The query as the runbook writes it (the first three), or ours. */
  sql: string;
  /** The check passes while count < maxExclusive. */
  maxExclusive: number;
  thresholdLabel: string;
  severity: 'WARNING' | 'CRITICAL';
  consequence: string;
};

/** The runbook's three pre-deployment checks, then two of ours. Order = display order. */
export const AUDIT_CHECKS: readonly AuditCheckDefinition[] = [
  {
    key: 'missingDimensions',
    title: 'Materials with missing dimensions',
    sql: 'SELECT COUNT(*) FROM materials WHERE width_inches IS NULL OR height_inches IS NULL;',
    maxExclusive: 10,
    thresholdLabel: '< 10 items',
    severity: 'WARNING',
    consequence: 'Counted as zero volume in utilization; the optimizer cannot fit them.',
  },
  {
    key: 'missingAbc',
    title: 'Materials without ABC classification',
    sql: 'SELECT COUNT(*) FROM materials WHERE abc_classification IS NULL;',
    maxExclusive: 100,
    thresholdLabel: "< 100 items (will default to 'C')",
    severity: 'WARNING',
    consequence: "Treated as class 'C' (slow movers) by putaway and the heatmap filter.",
  },
  {
    key: 'invalidCapacity',
    title: 'Bins with invalid capacity',
    sql: 'SELECT COUNT(*) FROM inventory_locations WHERE cubic_feet <= 0 OR max_weight_lbs <= 0;',
    maxExclusive: 1,
    thresholdLabel: '0 items (CRITICAL)',
    severity: 'CRITICAL',
    consequence: 'Excluded from optimization and shown as INVALID on the heatmap. Fix before deployment.',
  },
  {
    key: 'oversizeMaterials',
    title: 'Materials larger than every bin',
    sql: 'Materials whose sorted dimensions exceed the sorted inside dimensions of every active bin with valid capacity.',
    maxExclusive: 1,
    thresholdLabel: '0 items',
    severity: 'WARNING',
    consequence: 'No bin can take them: putaway reports them as unplaceable.',
  },
  {
    key: 'negativeStock',
    title: 'Lots with negative stock',
    sql: 'SELECT COUNT(*) FROM lots WHERE quantity_on_hand < 0;',
    maxExclusive: 1,
    thresholdLabel: '0 items',
    severity: 'WARNING',
    consequence: 'More was picked than received: excluded from utilization until corrected.',
  },
];

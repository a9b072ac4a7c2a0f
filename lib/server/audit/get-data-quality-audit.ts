import 'server-only';
import type { AuthContext } from '../auth/session';
import { assertPermission } from '../auth/session';
import { withTenant, type Tx } from '../db';
import { AUDIT_CHECKS, type AuditCheckDefinition, type AuditCheckKey } from './checks';

/** One offending row, uniform across checks so the page and the CSV share one shape. */
export type AuditRow = { entity: 'material' | 'location' | 'lot'; id: string; code: string; description: string; detail: string };

export type AuditCheckResult = Omit<AuditCheckDefinition, 'maxExclusive'> & {
  count: number;
  maxExclusive: number;
  passed: boolean;
  /** The first ROW_LIMIT offending rows; the CSV export has them all. */
  rows: AuditRow[];
};

export type DataQualityAudit = { generatedAt: string; checks: AuditCheckResult[]; criticalFailures: number; warnings: number };

export const ROW_LIMIT = 200;

const fmt = (v: number | null) => (v === null ? '—' : String(Math.round(v * 100) / 100));

/** Every offending row of every check, for the tenant of `tx` (row-level security scopes the runbook's unfiltered queries). */
async function offendingRows(tx: Tx): Promise<Record<AuditCheckKey, AuditRow[]>> {
  type M = { id: string; sku: string; description: string; w: number | null; h: number | null; l: number | null; abc: string | null };
  const missingDims = await tx.$queryRaw<M[]>`
    SELECT material_id AS id, sku, description, width_inches AS w, height_inches AS h, length_inches AS l, abc_classification AS abc
    FROM materials WHERE width_inches IS NULL OR height_inches IS NULL ORDER BY sku`;
  const missingAbc = await tx.$queryRaw<M[]>`
    SELECT material_id AS id, sku, description, width_inches AS w, height_inches AS h, length_inches AS l, abc_classification AS abc
    FROM materials WHERE abc_classification IS NULL ORDER BY sku`;
  type L = { id: string; code: string; zone: string; cf: number; lbs: number };
  const invalid = await tx.$queryRaw<L[]>`
    SELECT l.location_id AS id, l.location_code AS code, z.code AS zone, l.cubic_feet AS cf, l.max_weight_lbs AS lbs
    FROM inventory_locations l JOIN zones z ON z.zone_id = l.zone_id
    WHERE l.cubic_feet <= 0 OR l.max_weight_lbs <= 0 ORDER BY l.location_code`;
  // Rotation allowed: a material fits a bin when its sorted dimensions are each <= the bin's sorted inside dimensions.
  const oversize = await tx.$queryRaw<M[]>`
    WITH m AS (
      SELECT material_id, sku, description, width_inches AS w, height_inches AS h, length_inches AS l, abc_classification AS abc,
             (SELECT array_agg(d ORDER BY d) FROM unnest(ARRAY[width_inches, height_inches, length_inches]) d) AS dims
      FROM materials WHERE width_inches IS NOT NULL AND height_inches IS NOT NULL AND length_inches IS NOT NULL
    ), b AS (
      SELECT (SELECT array_agg(d ORDER BY d) FROM unnest(ARRAY[inside_width_inches, inside_height_inches, inside_length_inches]) d) AS dims
      FROM inventory_locations WHERE is_active AND cubic_feet > 0 AND max_weight_lbs > 0
    ), shapes AS (SELECT DISTINCT dims FROM b)
    SELECT m.material_id AS id, m.sku, m.description, m.w, m.h, m.l, m.abc FROM m
    WHERE NOT EXISTS (SELECT 1 FROM shapes s WHERE m.dims[1] <= s.dims[1] AND m.dims[2] <= s.dims[2] AND m.dims[3] <= s.dims[3])
    ORDER BY m.sku`;
  type N = { id: string; lot_number: string; sku: string; code: string | null; qty: number };
  const negative = await tx.$queryRaw<N[]>`
    SELECT lot.lot_id AS id, lot.lot_number, m.sku, l.location_code AS code, lot.quantity_on_hand AS qty
    FROM lots lot JOIN materials m ON m.material_id = lot.material_id LEFT JOIN inventory_locations l ON l.location_id = lot.location_id
    WHERE lot.quantity_on_hand < 0 ORDER BY lot.lot_number`;
  const material = (m: M, detail: string): AuditRow => ({ entity: 'material', id: m.id, code: m.sku, description: m.description, detail });
  return {
    missingDimensions: missingDims.map((m) => material(m, `W ${fmt(m.w)} × H ${fmt(m.h)} × L ${fmt(m.l)} in`)),
    missingAbc: missingAbc.map((m) => material(m, "ABC unset: defaults to 'C'")),
    invalidCapacity: invalid.map((l) => ({ entity: 'location', id: l.id, code: l.code, description: `Zone ${l.zone}`, detail: `cubic_feet ${fmt(l.cf)}, max_weight_lbs ${fmt(l.lbs)}` })),
    oversizeMaterials: oversize.map((m) => material(m, `${fmt(m.w)} × ${fmt(m.h)} × ${fmt(m.l)} in exceeds every bin`)),
    negativeStock: negative.map((n) => ({ entity: 'lot', id: n.id, code: n.lot_number, description: `SKU ${n.sku}`, detail: `quantity_on_hand ${n.qty} in ${n.code ?? 'no bin'}` })),
  };
}

/** All offending rows, unabridged (CSV export). */
export async function findAuditRows(context: AuthContext): Promise<Record<AuditCheckKey, AuditRow[]>> {
  assertPermission(context, 'audit.read');
  return withTenant(context.tenantId, offendingRows, { timeoutMs: 30_000 });
}

/** The runbook's data-quality audit plus ours, for the caller's tenant. */
export async function getDataQualityAudit(context: AuthContext): Promise<DataQualityAudit> {
  const rows = await findAuditRows(context);
  const checks = AUDIT_CHECKS.map((check): AuditCheckResult => {
    const all = rows[check.key];
    return { ...check, count: all.length, passed: all.length < check.maxExclusive, rows: all.slice(0, ROW_LIMIT) };
  });
  return {
    generatedAt: new Date().toISOString(),
    checks,
    criticalFailures: checks.filter((c) => !c.passed && c.severity === 'CRITICAL').length,
    warnings: checks.filter((c) => !c.passed && c.severity === 'WARNING').length,
  };
}

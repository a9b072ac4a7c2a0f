import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { SEEDED_DEFECTS, SEEDED_DEFECT_TOTALS } from '@/prisma/seed/defects';
import { contextFor } from '@/test/integration/contexts';
import type { AuthContext } from '../auth/session';
import { findAuditRows, getDataQualityAudit } from './get-data-quality-audit';
import { auditRowsToCsv } from './to-csv';

let client: pg.Client;
let acmeOps: AuthContext;
let northwindOps: AuthContext;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  acmeOps = await contextFor('ops@acme.test');
  northwindOps = await contextFor('ops@northwind.test');
});

afterAll(async () => {
  await client.end();
});

const countsOf = async (context: AuthContext) =>
  Object.fromEntries((await getDataQualityAudit(context)).checks.map((c) => [c.key, c.count]));

describe('getDataQualityAudit', () => {
  it("finds exactly the seeded defects of the caller's tenant", async () => {
    expect(await countsOf(acmeOps)).toEqual(SEEDED_DEFECTS['acme-print']);
    expect(await countsOf(northwindOps)).toEqual(SEEDED_DEFECTS['northwind-press']);
  });

  it("agrees with the runbook's three queries, which span both tenants", async () => {
    const one = async (sql: string) => Number((await client.query(sql)).rows[0].count);
    expect(await one('SELECT COUNT(*) FROM materials\nWHERE width_inches IS NULL OR height_inches IS NULL;')).toBe(SEEDED_DEFECT_TOTALS.missingDimensions);
    expect(await one('SELECT COUNT(*) FROM materials WHERE abc_classification IS NULL;')).toBe(SEEDED_DEFECT_TOTALS.missingAbc);
    expect(await one('SELECT COUNT(*) FROM inventory_locations\nWHERE cubic_feet <= 0 OR max_weight_lbs <= 0;')).toBe(SEEDED_DEFECT_TOTALS.invalidCapacity);
  });

  it('applies the runbook thresholds: < 10 and < 100 pass, any invalid bin fails as CRITICAL', async () => {
    const audit = await getDataQualityAudit(acmeOps);
    const byKey = Object.fromEntries(audit.checks.map((c) => [c.key, c]));
    expect(byKey.missingDimensions.passed).toBe(true);
    expect(byKey.missingAbc.passed).toBe(true);
    expect(byKey.invalidCapacity).toMatchObject({ passed: false, severity: 'CRITICAL' });
    expect(audit.criticalFailures).toBe(1);
    expect(byKey.invalidCapacity.rows.every((r) => r.entity === 'location')).toBe(true);
  });

  it('exports every offending row as CSV with a header', async () => {
    const csv = auditRowsToCsv(await findAuditRows(acmeOps));
    const lines = csv.trim().split('\r\n');
    const total = Object.values(SEEDED_DEFECTS['acme-print']).reduce((a, b) => a + b, 0);
    expect(lines[0]).toBe('check,severity,entity,code,description,detail,id');
    expect(lines).toHaveLength(total + 1);
  });

  it('refuses a MANAGER with FORBIDDEN', async () => {
    const manager = await contextFor('manager@acme.test');
    await expect(getDataQualityAudit(manager)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

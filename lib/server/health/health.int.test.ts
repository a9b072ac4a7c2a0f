import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import { GET as healthRoute } from '@/app/api/wms/optimization/health/route';
import { GET as metricsRoute } from '@/app/api/wms/optimization/metrics/route';
import { renderMetrics } from '../metrics';
import { getOptimizationHealth } from './get-optimization-health';
import { readBatchStats, readUtilizationByZone } from './ops-aggregates';

const setCacheAge = (minutes: number) =>
  withAdminClient((client) =>
    client.query(`UPDATE cache_refresh_status SET last_refresh_time = now() - make_interval(mins => $1), error_message = NULL WHERE cache_name = 'bin_utilization_cache'`, [minutes]),
  );

// A live scheduler heartbeat, as the in-app scheduler writes it every few seconds.
const beatScheduler = () =>
  withAdminClient((client) =>
    client.query(
      `INSERT INTO scheduler_heartbeats (name, holder, heartbeat_at) VALUES ('scheduler', 'test-replica', now())
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, heartbeat_at = now()`,
    ),
  );

describe('optimization health against PostgreSQL', () => {
  let acmeTenant: string;
  let northwindTenant: string;

  beforeAll(async () => {
    acmeTenant = (await contextFor('ops@acme.test')).tenantId;
    northwindTenant = (await contextFor('ops@northwind.test')).tenantId;
    await withAdminClient(async (client) => {
      await client.query('SELECT scheduled_refresh_bin_utilization()');
      await client.query(`DELETE FROM scheduler_heartbeats WHERE name = 'scheduler'`);
    });
  });

  afterAll(async () => {
    await setCacheAge(0);
  });

  it('answers HEALTHY with every runbook check on fresh demo data with a live scheduler', async () => {
    await beatScheduler();
    const health = await getOptimizationHealth({ timeoutMs: 2_000 });
    for (const [name, check] of Object.entries(health.checks)) {
      if (name === 'flags') continue; // the test environment sets no ConfigMap defaults: noted, not DEGRADED
      expect.soft(check.status, `${name}: ${JSON.stringify(check)}`).not.toBe('UNHEALTHY');
    }
    expect(health.checks.cacheAge).toMatchObject({ status: 'HEALTHY' });
    expect(health.checks.cacheAge.ageMinutes).toBeLessThan(1);
    expect(health.checks.database.status).toBe('HEALTHY');
    expect(health.checks.scheduler).toMatchObject({ status: 'HEALTHY', holderAlive: true });
  });

  it('answers UNHEALTHY with HTTP 503 once the scheduler stops and the cache is older than 30 minutes', async () => {
    await withAdminClient((client) => client.query(`UPDATE scheduler_heartbeats SET heartbeat_at = now() - interval '40 minutes' WHERE name = 'scheduler'`));
    await setCacheAge(31);
    const response = await healthRoute();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe('UNHEALTHY');
    expect(body.checks.cacheAge).toMatchObject({ status: 'UNHEALTHY' });
    expect(body.checks.cacheAge.ageMinutes).toBeGreaterThan(30);
    expect(body.checks.scheduler.status).toBe('DEGRADED');
  });

  it('answers DEGRADED with HTTP 200 when the cache is between 15 and 30 minutes old', async () => {
    await beatScheduler();
    await setCacheAge(20);
    const response = await healthRoute();
    const body = await response.json();
    expect(body.checks.cacheAge.status).toBe('DEGRADED');
    if (body.status === 'DEGRADED') expect(response.status).toBe(200);
    await setCacheAge(0);
  });

  it('aggregates across tenants through the SECURITY DEFINER functions, even for the non-BYPASSRLS app role', async () => {
    await withAdminClient(async (client) => {
      await client.query(
        `INSERT INTO putaway_batches (tenant_id, status, algorithm, flags, item_count, processing_ms)
         VALUES ($1, 'COMPLETED', 'FFD', '{}', 1, 40), ($2, 'COMPLETED', 'FFD', '{}', 1, 60), ($2, 'FAILED', 'FFD', '{}', 1, 10)`,
        [acmeTenant, northwindTenant],
      );
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE binwise_app');
      const direct = await client.query(`SELECT COUNT(*)::int AS n FROM putaway_batches`);
      const stats = await client.query(`SELECT * FROM binwise_ops_batch_stats(15)`);
      await client.query('ROLLBACK');
      expect(direct.rows[0].n).toBe(0); // RLS: no tenant set, no rows
      expect(Number(stats.rows[0].batch_count)).toBeGreaterThanOrEqual(3);
      expect(Number(stats.rows[0].failed_count)).toBeGreaterThanOrEqual(1);
    });
    const stats = await readBatchStats(2_000);
    expect(stats.batchCount).toBeGreaterThanOrEqual(3);
  });

  it('exposes no tenant ids or names in the health report', async () => {
    const body = JSON.stringify(await getOptimizationHealth({ timeoutMs: 2_000 }));
    expect(body).not.toContain(acmeTenant);
    expect(body).not.toContain(northwindTenant);
    expect(body.toLowerCase()).not.toContain('acme');
    expect(body.toLowerCase()).not.toContain('northwind');
  });

  it('scrapes every runbook metric with values from the database, labelled by zone code and status only', async () => {
    const zones = await readUtilizationByZone(2_000);
    expect(zones.length).toBeGreaterThan(0);
    const { body } = await renderMetrics();
    expect(body).toMatch(/^bin_utilization_cache_age_seconds \d+(\.\d+)?$/m);
    expect(body).toMatch(/^ml_model_accuracy_percentage (Nan|\d+(\.\d+)?)$/m);
    expect(body).toMatch(/^putaway_acceptance_rate (Nan|[01](\.\d+)?)$/m);
    expect(body).toMatch(/^bin_optimization_error_rate (Nan|[01](\.\d+)?)$/m);
    expect(body).toMatch(/^binwise_database_up 1$/m);
    expect(body).toMatch(/^bin_utilization_percentage\{zone="[^"]+",status="(UNDER|OPTIMAL|OVER|INVALID)"\} /m);
    expect(body).toContain('process_resident_memory_bytes');
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('reports an invalid tenant flag override as a DEGRADED flags check, counting tenants without naming them', async () => {
    await withAdminClient((client) =>
      client.query(
        `INSERT INTO feature_flags (tenant_id, flag_key, value) VALUES ($1, 'CROSS_DOCK_ENABLED', 'perhaps')
         ON CONFLICT (tenant_id, flag_key) DO UPDATE SET value = EXCLUDED.value`,
        [northwindTenant],
      ),
    );
    try {
      const health = await getOptimizationHealth({ timeoutMs: 2_000 });
      expect(health.checks.flags).toMatchObject({ status: 'DEGRADED', invalidOverrides: 1 });
      expect(JSON.stringify(health.checks.flags)).not.toContain(northwindTenant);
    } finally {
      await withAdminClient((client) => client.query(`DELETE FROM feature_flags WHERE tenant_id = $1 AND flag_key = 'CROSS_DOCK_ENABLED'`, [northwindTenant]));
    }
  });

  it('answers 503 "metrics disabled" when METRICS_TOKEN is not configured, rather than serving openly', async () => {
    const response = await metricsRoute(new Request('http://localhost/api/wms/optimization/metrics', { headers: { authorization: 'Bearer anything-at-all' } }));
    expect(response.status).toBe(503);
    expect(JSON.stringify(await response.json())).toContain('metrics disabled');
  });
});

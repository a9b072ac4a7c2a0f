import { beforeAll, describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import { scenarioFromDatabase, type QueryFunction } from '@/lib/simulator/from-db';
import type { TSimulationParams } from '@/lib/simulator/params';
import type { AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { drainJobs } from '../jobs/worker';
import { getSimulation } from './get-simulation';
import { getSimulationDefaults } from './get-simulation-defaults';
import './simulation-job';
import { startSimulation } from './start-simulation';

const small: TSimulationParams = {
  source: 'generated',
  generator: { seed: 3, locations: 200, skus: 40, days: 4 },
  databaseDays: 30,
  policies: ['first-fit-by-code', 'abc-class-based', 'random-fit'],
  flags: { SKU_AFFINITY_ENABLED: true, CROSS_DOCK_ENABLED: true, CONGESTION_AVOIDANCE_ENABLED: true },
  dayZeroStock: 'as-is',
};

async function simulationJobCount(tenantId: string): Promise<number> {
  return withAdminClient(async (client) => {
    const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM background_jobs WHERE tenant_id = $1 AND kind = 'simulation'`, [tenantId]);
    return rows[0].n as number;
  });
}

describe('simulation jobs against PostgreSQL', () => {
  let manager: AuthContext;
  let supervisor: AuthContext;
  let northwindAdmin: AuthContext;

  beforeAll(async () => {
    manager = await contextFor('manager@acme.test');
    supervisor = await contextFor('supervisor@acme.test');
    northwindAdmin = await contextFor('admin@northwind.test');
  });

  it('runs a queued generated simulation to SUCCEEDED with a result per policy', async () => {
    const { jobId } = await startSimulation(manager, small);
    expect(await getSimulation(manager, jobId)).toMatchObject({ status: 'QUEUED', attempts: 0 });
    await drainJobs();
    const view = await getSimulation(manager, jobId);
    expect(view.status).toBe('SUCCEEDED');
    expect(view.attempts).toBe(1);
    expect(view.progress).toBe(1);
    expect(view.result?.policies.map((policy) => policy.policy)).toEqual(['first-fit-by-code', 'abc-class-based', 'random-fit']);
    expect(view.result?.policies[0].reductionVsFirstFit).toBe(0);
  });

  it('runs with the day-0 stock slotted by each policy when asked, and says so in the result', async () => {
    const { jobId } = await startSimulation(manager, { ...small, dayZeroStock: 'slotted' });
    await drainJobs();
    const view = await getSimulation(manager, jobId);
    expect(view.status).toBe('SUCCEEDED');
    expect(view.result?.scenario.dayZeroStock).toBe('slotted');
    // no unit is picked from stock that no policy placed
    for (const policy of view.result?.policies ?? []) expect(policy.startStockPickShare).toEqual({ firstHalf: 0, secondHalf: 0 });
  });

  it('runs binwise with the capacity rules asked for, and refuses rules outside the product limits naming the field', async () => {
    const capacity = { targetBandMin: 0.7, targetBandMax: 0.9, hardCap: 1 };
    const { jobId } = await startSimulation(manager, { ...small, policies: ['binwise'], capacity });
    await drainJobs();
    const view = await getSimulation(manager, jobId);
    expect(view.result?.policies.find((policy) => policy.policy === 'binwise')?.capacity).toEqual(capacity);
    const before = await simulationJobCount(manager.tenantId);
    await expect(startSimulation(manager, { ...small, capacity: { targetBandMin: 0.6, targetBandMax: 0.9, hardCap: 0.85 } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: { 'capacity.targetBandMax': [expect.stringContaining('must not be above the hard cap')] },
    });
    expect(await simulationJobCount(manager.tenantId)).toBe(before);
  });

  it('starts the page from the tenant’s capacity rules (the engine defaults while it has set none)', async () => {
    expect((await getSimulationDefaults(manager)).capacity).toEqual({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 0.95 });
  });

  it('shows a simulation whose worker was lost as restarted (attempt 2 of 3), and the retry still completes it', async () => {
    const { jobId } = await startSimulation(manager, small);
    await withAdminClient(async (client) => {
      // A replica claims it and dies: its lease is never renewed.
      const { rows } = await client.query(`SELECT job_id FROM binwise_claim_background_job(ARRAY['simulation'])`);
      expect(rows[0]?.job_id).toBe(jobId);
      await client.query(`UPDATE background_jobs SET heartbeat_at = now() - interval '10 minutes' WHERE job_id = $1`, [jobId]);
    });
    expect(await getSimulation(manager, jobId)).toMatchObject({ status: 'RUNNING', attempts: 1, maxAttempts: 3 });
    await drainJobs();
    expect(await getSimulation(manager, jobId)).toMatchObject({ status: 'SUCCEEDED', attempts: 2, maxAttempts: 3 });
  });

  it('refuses a supervisor with FORBIDDEN and queues nothing', async () => {
    const before = await simulationJobCount(supervisor.tenantId);
    await expect(startSimulation(supervisor, small)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await simulationJobCount(supervisor.tenantId)).toBe(before);
  });

  it('refuses a request without policies with BAD_USER_INPUT naming the field, and queues nothing', async () => {
    const before = await simulationJobCount(manager.tenantId);
    await expect(startSimulation(manager, { ...small, policies: [] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: { policies: ['Choose at least one policy.'] } });
    expect(await simulationJobCount(manager.tenantId)).toBe(before);
  });

  it('hides one tenant’s simulation from another tenant (NOT_FOUND)', async () => {
    const { jobId } = await startSimulation(manager, small);
    await expect(getSimulation(northwindAdmin, jobId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await drainJobs();
  });

  it('exports the tenant’s warehouse as a valid scenario under row-level security', async () => {
    const scenario = await withTenant(manager.tenantId, (tx) => {
      const query: QueryFunction = <Row>(text: string, values: readonly unknown[]) => tx.$queryRawUnsafe<Row[]>(text, ...values);
      return scenarioFromDatabase(query, manager.tenantId, { days: 30 });
    });
    expect(scenario.locations.length).toBeGreaterThan(0);
    expect(scenario.materials.length).toBeGreaterThan(0);
    expect(scenario.initialLots.length).toBeGreaterThan(0);
  });

  it('runs a simulation of the tenant’s own warehouse', async () => {
    const { jobId } = await startSimulation(manager, { ...small, source: 'database', policies: ['first-fit-by-code', 'abc-class-based'] });
    await drainJobs();
    const view = await getSimulation(manager, jobId);
    expect(view.error).toBeNull();
    expect(view.status).toBe('SUCCEEDED');
    expect(view.result?.scenario.locations).toBeGreaterThan(0);
  });
});

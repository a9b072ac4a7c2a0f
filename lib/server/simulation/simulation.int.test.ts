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

  it('starts the exported scenario from the stock as it stood when the window opened, not from today’s', async () => {
    // Lots of a new SKU, written and rolled back in one transaction so no other test sees them:
    // A received before the window and partly picked inside it, B received inside it, C received
    // before it and picked empty inside it, D the same but closed (its location cleared, as depleted
    // lots are), E closed before the window opened.
    const exported = await withAdminClient(async (client) => {
      await client.query('BEGIN');
      try {
        const day = (days: number) => new Date(Date.now() - days * 86_400_000);
        const [bin] = (await client.query<{ location_id: string; location_code: string }>(
          `SELECT location_id, location_code FROM inventory_locations
            WHERE tenant_id = $1 AND is_active AND location_type = 'RESERVE' AND cubic_feet > 0 AND max_weight_lbs > 0 ORDER BY location_code LIMIT 1`,
          [manager.tenantId],
        )).rows;
        const { rows: [material] } = await client.query<{ material_id: string }>(
          `INSERT INTO materials (tenant_id, sku, description, category, width_inches, height_inches, length_inches, weight_lbs)
           VALUES ($1, 'TEST-WINDOW-START', 'export test', 'INK', 10, 10, 10, 5) RETURNING material_id`,
          [manager.tenantId],
        );
        const lot = async (lotNumber: string, onHand: number, receivedDaysAgo: number, moves: [number, number][], closed = false) => {
          const { rows: [row] } = await client.query<{ lot_id: string }>(
            `INSERT INTO lots (tenant_id, lot_number, material_id, location_id, quantity_on_hand, received_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING lot_id`,
            [manager.tenantId, lotNumber, material.material_id, closed ? null : bin.location_id, onHand, day(receivedDaysAgo)],
          );
          for (const [quantity, daysAgo] of moves) {
            await client.query(
              `INSERT INTO inventory_transactions (tenant_id, transaction_type, material_id, lot_id, quantity, to_location_id, from_location_id, created_at)
               VALUES ($1, $2::transaction_type, $3, $4, $5, $6, $7, $8)`,
              [manager.tenantId, quantity > 0 ? 'RECEIPT' : 'PICK', material.material_id, row.lot_id, quantity, quantity > 0 ? bin.location_id : null, quantity > 0 ? null : bin.location_id, day(daysAgo)],
            );
          }
        };
        await lot('WINDOW-A', 6, 40, [[10, 40], [-4, 5]]);
        await lot('WINDOW-B', 7, 3, [[7, 3]]);
        await lot('WINDOW-C', 0, 41, [[5, 41], [-5, 2]]);
        await lot('WINDOW-D', 0, 45, [[3, 45], [-3, 1]], true);
        await lot('WINDOW-E', 0, 60, [[2, 60], [-2, 50]], true);
        const query: QueryFunction = async <Row>(text: string, values: readonly unknown[]) => (await client.query(text, [...values])).rows as Row[];
        return { scenario: await scenarioFromDatabase(query, manager.tenantId, { days: 30 }), code: bin.location_code };
      } finally {
        await client.query('ROLLBACK');
      }
    });
    const lots = exported.scenario.initialLots.filter((lot) => lot.sku === 'TEST-WINDOW-START');
    // oldest first (D 45 days ago, C 41, A 40): the replay picks day-0 lots in this order
    expect(lots).toEqual([
      { sku: 'TEST-WINDOW-START', locationCode: exported.code, quantity: 3 },
      { sku: 'TEST-WINDOW-START', locationCode: exported.code, quantity: 5 },
      { sku: 'TEST-WINDOW-START', locationCode: exported.code, quantity: 10 },
    ]);
    const receipts = exported.scenario.events.filter((event) => event.kind === 'receipt' && event.sku === 'TEST-WINDOW-START');
    expect(receipts).toEqual([{ day: 26, kind: 'receipt', sku: 'TEST-WINDOW-START', quantity: 7 }]);
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

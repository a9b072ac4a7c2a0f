import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import { parsePreferences, superviseAll } from '@/lib/ml/simulated-supervisor';
import { SITUATION_ATTRIBUTES, simulateRecommendations } from '@/lib/ml/simulated-warehouse';
import { toConfidencePredictor } from '@/lib/ml/model';
import { trainConfidenceModel } from '@/lib/ml/train';
import type { AuthContext } from '../auth/session';
import { withTenant } from '../db';
import { drainJobs } from '../jobs/worker';
import { findModels } from './find-models';
import { getActiveConfidenceModel } from './get-active-confidence-model';
import { getMlDashboard } from './get-ml-dashboard';
import { rollbackModel } from './rollback-model';
import { getMlTrainingJob, startMlTraining } from './start-ml-training';
import { trainModel } from './train-model';
import './ml-training-task';

let ops: AuthContext;
let manager: AuthContext;
let northwindOps: AuthContext;

const DAY = 86_400_000;
const preferences = parsePreferences(
  JSON.parse(readFileSync(path.join(process.cwd(), 'lib/ml/fixtures/default-preferences.json'), 'utf8')),
  SITUATION_ATTRIBUTES,
);

function decisions(count: number, seed: number) {
  const recommendations = simulateRecommendations(count, seed);
  const labels = superviseAll(preferences, recommendations.map((r) => r.situation), 0.1, seed);
  const start = Date.now() - 60 * DAY;
  return recommendations.map((r, i) => ({ features: r.features, accepted: labels[i].accepted, createdAt: new Date(start + (i / count) * 59 * DAY) }));
}

async function replaceFeedback(tenantId: string, rows: { features: object; accepted: boolean; createdAt: Date }[]): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query('DELETE FROM ml_feedback_training_data WHERE tenant_id = $1', [tenantId]);
    await client.query('DELETE FROM ml_model_weights WHERE tenant_id = $1', [tenantId]);
    for (let offset = 0; offset < rows.length; offset += 500) {
      const chunk = rows.slice(offset, offset + 500);
      const values: unknown[] = [];
      const tuples = chunk.map((row, k) => {
        values.push(tenantId, JSON.stringify(row.features), row.accepted, row.accepted ? 'ACCEPTED' : 'REJECTED', row.createdAt);
        return `($${k * 5 + 1}, $${k * 5 + 2}::jsonb, $${k * 5 + 3}, $${k * 5 + 4}, $${k * 5 + 5})`;
      });
      await client.query(`INSERT INTO ml_feedback_training_data (tenant_id, features, accepted, decision, created_at) VALUES ${tuples.join(', ')}`, values);
    }
  });
}

const feedback = decisions(1500, 7);

beforeAll(async () => {
  ops = await contextFor('ops@acme.test');
  manager = await contextFor('manager@acme.test');
  northwindOps = await contextFor('ops@northwind.test');
});

describe('ML training against PostgreSQL', () => {
  it('refuses to train when every decision was an acceptance, storing nothing', async () => {
    await replaceFeedback(ops.tenantId, feedback.map((row) => ({ ...row, accepted: true })));
    await expect(trainModel(ops)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/only one class/) });
    expect(await findModels(ops)).toEqual([]);
  });

  it('trains on the inserted decisions, stores the weights and activates the first model that beats the baseline', async () => {
    await replaceFeedback(ops.tenantId, feedback);
    const outcome = await trainModel(ops);
    expect(outcome).toMatchObject({ version: 1, activated: true, sampleCount: 1500 });
    expect(outcome.metrics.heldOut.count).toBe(300);
    expect(outcome.metrics.heldOut.accuracy).toBeGreaterThan(outcome.metrics.baseline.accuracy);
    const [model] = await findModels(ops);
    expect(model).toMatchObject({ version: 1, isActive: true, sampleCount: 1500, heldOutCount: 300 });
    expect(model.auc).toBeGreaterThan(0.7);
  });

  it('predicts identically from the stored weights after a restart (reloaded from the database)', async () => {
    const expected = toConfidencePredictor(trainConfidenceModel(feedback, { version: 1 }).model);
    const first = await withTenant(ops.tenantId, getActiveConfidenceModel);
    const second = await withTenant(ops.tenantId, getActiveConfidenceModel);
    expect(first?.version).toBe('1');
    for (const row of decisions(200, 99)) {
      const p = first!.predict(row.features);
      expect(p).toBe(second!.predict(row.features));
      expect(p).toBe(expected.predict(row.features));
    }
  });

  it('keeps a retrained model that does not beat the active one stored but inactive', async () => {
    const outcome = await trainModel(ops);
    expect(outcome).toMatchObject({ version: 2, activated: false });
    expect(outcome.reason).toMatch(/does not beat active model v1/);
    const models = await findModels(ops);
    expect(models.map((m) => [m.version, m.isActive])).toEqual([[2, false], [1, true]]);
  });

  it('rolls back to an older model, audited, and the optimizer then gets that version', async () => {
    await withAdminClient((client) => client.query('UPDATE ml_model_weights SET is_active = (version = 2) WHERE tenant_id = $1', [ops.tenantId]));
    const result = await rollbackModel(ops, { version: 1, reason: 'integration test' });
    expect(result).toEqual({ activeVersion: 1, previousVersion: 2 });
    expect((await withTenant(ops.tenantId, getActiveConfidenceModel))?.version).toBe('1');
    const audit = await withAdminClient((client) =>
      client.query(`SELECT actor_id, details FROM audit_events WHERE tenant_id = $1 AND action = 'ml.rollback' ORDER BY created_at DESC LIMIT 1`, [ops.tenantId]),
    );
    expect(audit.rows[0]).toMatchObject({ actor_id: ops.userId, details: { fromVersion: 2, toVersion: 1, reason: 'integration test' } });
  });

  it('refuses a rollback by a manager with FORBIDDEN and to an unknown version with NOT_FOUND', async () => {
    await expect(rollbackModel(manager, { version: 2 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(rollbackModel(ops, { version: 99 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows the dashboard with the active model, its calibration, confusion matrix and weights', async () => {
    const dashboard = await getMlDashboard(manager);
    expect(dashboard.active?.version).toBe(1);
    expect(dashboard.active?.calibration).toHaveLength(10);
    expect(dashboard.active?.confusion).not.toBeNull();
    expect(dashboard.active?.featureWeights.length).toBeGreaterThan(0);
    expect(dashboard.feedback.total).toBe(1500);
    expect(dashboard.acceptanceByDay.length).toBeGreaterThan(30);
  });

  it('does not show one tenant the models of another', async () => {
    expect((await findModels(northwindOps)).some((m) => m.sampleCount === 1500)).toBe(false);
  });

  it('trains through the background job that ops start from the page', async () => {
    const { jobId } = await startMlTraining(ops);
    await drainJobs();
    const job = await getMlTrainingJob(ops, jobId);
    expect(job).toMatchObject({ status: 'SUCCEEDED', progress: 1, result: { version: 3 } });
  });
});

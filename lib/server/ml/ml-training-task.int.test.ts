import { describe, expect, it } from 'vitest';
import { contextFor, withAdminClient } from '@/test/integration/contexts';
import { ML_TRAINING_INTERVAL_MS, trainAllTenants } from './ml-training-task';

describe('the daily ML training task', () => {
  it('skips a tenant whose newest model is younger than the training interval, so a restart does not retrain', async () => {
    const acme = await contextFor('ops@acme.test');
    const trainedAt = await withAdminClient(async (client) => {
      const { rows } = await client.query(
        `INSERT INTO ml_model_weights (tenant_id, version, feature_names, weights, intercept, feature_means, feature_stds, is_active, metrics, sample_count)
         SELECT $1, (SELECT COALESCE(MAX(version), 0) + 1 FROM ml_model_weights WHERE tenant_id = $1), '{}', '{}', 0, '{}', '{}', false, '{}', 0
         RETURNING created_at`,
        [acme.tenantId],
      );
      return rows[0].created_at as Date;
    });
    const justBefore = await trainAllTenants({ now: new Date(trainedAt.getTime() + ML_TRAINING_INTERVAL_MS - 60_000) });
    expect(justBefore.find((r) => r.tenantId === acme.tenantId)?.skipped).toContain(trainedAt.toISOString());
  });
});

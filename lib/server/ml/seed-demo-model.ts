// No `import 'server-only'`: the demo seed CLI and `npm start` call this from plain Node
// (tsx), where that marker throws. It reads no environment and gets its connection string
// from the caller; it touches only the two ML tables and audit_events.
import pg from 'pg';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decideActivation } from '@/lib/ml/model-selection';
import { toConfidencePredictor, type StoredModel } from '@/lib/ml/model';
import { parsePreferences, superviseAll } from '@/lib/ml/simulated-supervisor';
import { SITUATION_ATTRIBUTES, simulateRecommendations } from '@/lib/ml/simulated-warehouse';
import { trainConfidenceModel, type TrainingSample } from '@/lib/ml/train';

export type SeedDemoModelOptions = { decisionsPerTenant?: number; days?: number; now?: Date; seed?: number; noise?: number };
export type SeedDemoModelSummary = { tenants: { code: string; decisions: number; models: number; activeVersion: number | null; skipped?: string }[] };

const DAY = 86_400_000;
const REJECT_REASONS = ['BIN_TOO_HIGH', 'AISLE_CONGESTED', 'BIN_TOO_FULL', 'TOO_FAR', 'OTHER'];

/**
 * Demo history for the ML page: supervisor decisions over the last `days` days (from the
 * simulated supervisor with the default preferences and 10% noise, features in the
 * optimizer's FeatureVector shape), and models retrained at days/3, 2·days/3 and today,
 * each activated only if it beats the active one; decisions after a model went live carry
 * its version and confidence, so the rolling accuracy is real. A tenant that already has
 * models is left alone.
 */
export async function seedDemoModel(connectionString: string, options: SeedDemoModelOptions = {}): Promise<SeedDemoModelSummary> {
  const perTenant = options.decisionsPerTenant ?? 3000;
  const days = options.days ?? 90;
  const now = (options.now ?? new Date()).getTime();
  const noise = options.noise ?? 0.1;
  const file = path.join(process.cwd(), 'lib', 'ml', 'fixtures', 'default-preferences.json');
  const preferences = parsePreferences(JSON.parse(readFileSync(file, 'utf8')), SITUATION_ATTRIBUTES);

  const client = new pg.Client({ connectionString });
  await client.connect();
  const summary: SeedDemoModelSummary = { tenants: [] };
  try {
    const { rows: tenants } = await client.query<{ tenant_id: string; code: string }>('SELECT tenant_id, code FROM tenants ORDER BY code');
    for (const [index, tenant] of tenants.entries()) {
      await client.query('BEGIN');
      try {
        await client.query(`SELECT set_config('app.current_tenant', $1, true)`, [tenant.tenant_id]);
        const existing = await client.query('SELECT 1 FROM ml_model_weights WHERE tenant_id = $1 LIMIT 1', [tenant.tenant_id]);
        if (existing.rowCount) {
          await client.query('ROLLBACK');
          summary.tenants.push({ code: tenant.code, decisions: 0, models: 0, activeVersion: null, skipped: 'already has models' });
          continue;
        }
        const seed = (options.seed ?? 42) + index * 1000;
        const recommendations = simulateRecommendations(perTenant, seed);
        const decisions = superviseAll(preferences, recommendations.map((r) => r.situation), noise, seed);
        const start = now - days * DAY;
        const rows = recommendations.map((r, i) => ({
          features: r.features,
          accepted: decisions[i].accepted,
          createdAt: new Date(start + ((i + 0.5) / perTenant) * days * DAY),
          modelVersion: null as number | null,
          confidence: null as number | null,
        }));

        let active: StoredModel | null = null;
        let models = 0;
        for (const [step, fraction] of [1 / 3, 2 / 3, 1].entries()) {
          const cut = Math.floor(rows.length * fraction);
          const samples: TrainingSample[] = rows.slice(0, cut);
          const trained = trainConfidenceModel(samples, { version: step + 1 });
          const selection = decideActivation({ candidate: trained.model, incumbent: active, heldOut: trained.heldOut, trainingAcceptanceRate: trained.metrics.training.acceptanceRate });
          const metrics = { ...trained.metrics, selection: { activated: selection.activate, reason: selection.reason, candidate: selection.candidate, incumbent: selection.incumbent } };
          const trainedAt = new Date(rows[cut - 1].createdAt.getTime() + 60_000);
          if (selection.activate) await client.query('UPDATE ml_model_weights SET is_active = false, updated_at = $2 WHERE tenant_id = $1 AND is_active', [tenant.tenant_id, trainedAt]);
          const m = trained.model;
          await client.query(
            `INSERT INTO ml_model_weights (tenant_id, version, feature_names, weights, intercept, feature_means, feature_stds, is_active, metrics,
                                           training_window_start, training_window_end, sample_count, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
            [tenant.tenant_id, m.version, m.featureNames, m.weights, m.intercept, m.featureMeans, m.featureStds, selection.activate,
              JSON.stringify(metrics), trained.trainingWindow.start, trained.trainingWindow.end, trained.sampleCount, trainedAt],
          );
          models++;
          if (selection.activate) active = m;
          // Decisions made while this model was live carry its version and confidence.
          const until = step < 2 ? Math.floor(rows.length * (fraction + 1 / 3)) : rows.length;
          if (active) {
            const predictor = toConfidencePredictor(active);
            for (let i = cut; i < until; i++) {
              rows[i].modelVersion = active.version;
              rows[i].confidence = predictor.predict(rows[i].features);
            }
          }
        }

        // Insert in chunks; decisions get a decision kind and a reason like the review queue's.
        for (let offset = 0; offset < rows.length; offset += 500) {
          const chunk = rows.slice(offset, offset + 500);
          const values: unknown[] = [];
          const tuples = chunk.map((row, k) => {
            const i = offset + k;
            const decision = row.accepted ? 'ACCEPTED' : i % 3 === 0 ? 'OVERRIDDEN' : 'REJECTED';
            values.push(tenant.tenant_id, JSON.stringify(row.features), row.accepted, decision, row.accepted ? null : REJECT_REASONS[i % REJECT_REASONS.length],
              row.modelVersion, row.confidence, row.createdAt);
            const b = k * 8;
            return `($${b + 1}, $${b + 2}::jsonb, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
          });
          await client.query(
            `INSERT INTO ml_feedback_training_data (tenant_id, features, accepted, decision, reason_code, model_version, confidence_score, created_at) VALUES ${tuples.join(', ')}`,
            values,
          );
        }
        await client.query('COMMIT');
        summary.tenants.push({ code: tenant.code, decisions: rows.length, models, activeVersion: active?.version ?? null });
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.end();
  }
  return summary;
}

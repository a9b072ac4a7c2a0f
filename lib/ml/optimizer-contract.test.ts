import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, type ConfidenceModel } from '@/lib/optimizer';
import { toConfidencePredictor } from './model';
import { simulateRecommendations } from './simulated-warehouse';
import { syntheticSamples } from './test-data';
import { trainConfidenceModel } from './train';

describe('the optimizer contract', () => {
  it('simulates recommendations with exactly the optimizer feature names', () => {
    const [first] = simulateRecommendations(1, 1);
    expect(Object.keys(first.features).sort()).toEqual([...FEATURE_NAMES].sort());
  });

  it('gives the optimizer a ConfidenceModel that predicts P(accept) in [0, 1] from a FeatureVector', () => {
    const samples = simulateRecommendations(600, 2).map((r, i) => ({ features: r.features, accepted: syntheticSamples(600, 2)[i].accepted, createdAt: new Date(i * 1000) }));
    const model: ConfidenceModel = toConfidencePredictor(trainConfidenceModel(samples, { version: 4 }).model);
    const vector = simulateRecommendations(1, 3)[0].features;
    const p = model.predict(vector);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
    expect(model.version).toBe('4');
  });
});

describe('recommendations from the real optimizer', () => {
  it('carry the optimizer feature vector and every situation attribute, deterministically', async () => {
    const { optimizerRecommendations } = await import('./optimizer-recommendations');
    const { SITUATION_ATTRIBUTES } = await import('./simulated-warehouse');
    const rows = optimizerRecommendations(150, 5);
    expect(rows).toHaveLength(150);
    expect(Object.keys(rows[0].features).sort()).toEqual([...FEATURE_NAMES].sort());
    expect(Object.keys(rows[0].situation).sort()).toEqual([...SITUATION_ATTRIBUTES].sort());
    expect(optimizerRecommendations(150, 5)).toEqual(rows);
  });
});

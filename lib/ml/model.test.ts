import { describe, expect, it } from 'vitest';
import { predictAcceptance, sigmoid, toConfidencePredictor, type StoredModel } from './model';
import { syntheticSamples } from './test-data';
import { trainConfidenceModel } from './train';

const model: StoredModel = {
  version: 3,
  featureNames: ['distance', 'fillAfter', 'zone=A'],
  weights: [-1, 0.5, 0.25],
  intercept: 0.2,
  featureMeans: [50, 0.5, 0.5],
  featureStds: [10, 0.25, 0.5],
};

describe('stored model prediction', () => {
  it('applies the stored standardization, weights and intercept', () => {
    // z = (1, 1, 1): 0.2 − 1·1 + 0.5·1 + 0.25·1 = −0.05
    expect(predictAcceptance(model, { distance: 60, fillAfter: 0.75, 'zone=A': 1 })).toBeCloseTo(sigmoid(-0.05), 12);
  });

  it('matches features by name, ignores unknown ones and takes missing ones at their mean', () => {
    const predictor = toConfidencePredictor(model);
    const withExtras = predictor.predict({ fillAfter: 0.75, distance: 60, zone: 'A', somethingNew: 99 });
    expect(withExtras).toBeCloseTo(predictAcceptance(model, { distance: 60, fillAfter: 0.75, 'zone=A': 1 }), 12);
    // distance missing → its mean (no contribution); zone missing → not zone A (0).
    expect(predictor.predict({ fillAfter: 0.5 })).toBeCloseTo(sigmoid(0.2 + 0.25 * -1), 12);
    expect(predictor.version).toBe('3');
  });

  it('predicts identically from weights that went through JSON (serialize → deserialize)', () => {
    const trained = trainConfidenceModel(syntheticSamples(1500, 11), { version: 2 }).model;
    const reloaded = JSON.parse(JSON.stringify(trained)) as StoredModel;
    const fresh = toConfidencePredictor(trained);
    const restored = toConfidencePredictor(reloaded);
    for (const sample of syntheticSamples(200, 99)) {
      expect(restored.predict(sample.features as object)).toBe(fresh.predict(sample.features as object));
    }
  });

  it('stays in [0, 1] for extreme inputs', () => {
    const predictor = toConfidencePredictor(model);
    expect(predictor.predict({ distance: -1e9 })).toBeLessThanOrEqual(1);
    expect(predictor.predict({ distance: 1e9 })).toBeGreaterThanOrEqual(0);
  });

  it('refuses a model whose lists do not match its feature names', () => {
    expect(() => toConfidencePredictor({ ...model, weights: [1] })).toThrow(/weights has 1 entries for 3 feature names/);
  });
});

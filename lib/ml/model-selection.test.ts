import { describe, expect, it } from 'vitest';
import { decideActivation } from './model-selection';
import { syntheticSamples } from './test-data';
import { trainConfidenceModel } from './train';

describe('decideActivation', () => {
  const good = trainConfidenceModel(syntheticSamples(3000, 5), { version: 2 });

  it('does not activate a new model that is worse than the active one on the held-out set', () => {
    // A candidate with the signs flipped is badly wrong on the same held-out rows.
    const worse = { ...good.model, version: 3, weights: good.model.weights.map((w) => -w) };
    const decision = decideActivation({ candidate: worse, incumbent: good.model, heldOut: good.heldOut, trainingAcceptanceRate: 0.6 });
    expect(decision.activate).toBe(false);
    expect(decision.reason).toMatch(/Kept inactive: does not beat active model v2/);
  });

  it('does not activate a model that only ties the active one', () => {
    const same = { ...good.model, version: 3 };
    expect(decideActivation({ candidate: same, incumbent: good.model, heldOut: good.heldOut, trainingAcceptanceRate: 0.6 }).activate).toBe(false);
  });

  it('activates a model that beats the active one', () => {
    const weak = { ...good.model, version: 1, weights: good.model.weights.map((w) => w * 0.05) };
    const decision = decideActivation({ candidate: good.model, incumbent: weak, heldOut: good.heldOut, trainingAcceptanceRate: 0.6 });
    expect(decision.activate).toBe(true);
    expect(decision.incumbent?.version).toBe(1);
  });

  it('activates a first model only when it beats the no-model baseline', () => {
    const rate = good.metrics.training.acceptanceRate;
    expect(decideActivation({ candidate: good.model, incumbent: null, heldOut: good.heldOut, trainingAcceptanceRate: rate }).activate).toBe(true);
    const useless = { ...good.model, weights: good.model.weights.map(() => 0), intercept: 3 };
    expect(decideActivation({ candidate: useless, incumbent: null, heldOut: good.heldOut, trainingAcceptanceRate: rate }).activate).toBe(false);
  });
});

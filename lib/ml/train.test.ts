import { describe, expect, it } from 'vitest';
import { TrainingRefusedError } from './errors';
import { syntheticSamples } from './test-data';
import { trainConfidenceModel } from './train';

describe('trainConfidenceModel', () => {
  it('refuses to train when every decision is an acceptance (one class)', () => {
    const samples = syntheticSamples(200).map((sample) => ({ ...sample, accepted: true }));
    expect(() => trainConfidenceModel(samples, { version: 1 })).toThrow(TrainingRefusedError);
    try {
      trainConfidenceModel(samples, { version: 1 });
    } catch (error) {
      expect((error as TrainingRefusedError).reason).toBe('ONE_CLASS');
      expect((error as Error).message).toMatch(/only one class/);
    }
  });

  it('refuses to train on too few decisions, saying how many are needed', () => {
    expect(() => trainConfidenceModel(syntheticSamples(20), { version: 1 })).toThrow(/20 recorded, at least 50 needed/);
  });

  it('refuses when the training period holds only one class even though the test period has both', () => {
    const samples = syntheticSamples(100).map((sample, i) => ({ ...sample, accepted: i >= 80 ? i % 2 === 0 : true }));
    expect(() => trainConfidenceModel(samples, { version: 1 })).toThrow(expect.objectContaining({ reason: 'ONE_CLASS' }));
  });

  it('learns the direction of each feature of a plain linear model and beats the baseline on held-out data', () => {
    const result = trainConfidenceModel(syntheticSamples(4000), { version: 7, rules: false });
    const weight = (name: string) => result.model.weights[result.model.featureNames.indexOf(name)];
    expect(weight('distance')).toBeLessThan(0);
    expect(weight('fillAfter')).toBeGreaterThan(0);
    expect(result.model.featureNames).toContain('zone=A');
    expect(result.metrics.heldOut.auc).toBeGreaterThan(0.75);
    expect(result.metrics.heldOut.brier).toBeLessThan(result.metrics.baseline.brier);
    expect(result.metrics.split.testCount).toBe(800);
    expect(result.metrics.fit.converged).toBe(true);
    expect(result.model.version).toBe(7);
  });

  it('trains on the oldest decisions only: the training window ends before the held-out boundary', () => {
    const result = trainConfidenceModel(syntheticSamples(500), { version: 1 });
    expect(result.trainingWindow.end.getTime()).toBeLessThanOrEqual(new Date(result.metrics.split.boundary).getTime());
    expect(result.sampleCount).toBe(500);
  });

  it('adds rule features that are conjunctions of thresholds found in the data', () => {
    const result = trainConfidenceModel(syntheticSamples(3000), { version: 1 });
    expect(result.metrics.fit.ruleCount).toBeGreaterThan(0);
    expect(result.model.featureNames.some((name) => /^rule: .+ (<=|>) -?[0-9.]+/.test(name))).toBe(true);
    expect(result.metrics.heldOut.brier).toBeLessThan(result.metrics.baseline.brier);
  });

  it('gives the same model for the same data, every time', () => {
    const a = trainConfidenceModel(syntheticSamples(1000, 3), { version: 1 });
    const b = trainConfidenceModel(syntheticSamples(1000, 3), { version: 1 });
    expect(b.model).toEqual(a.model);
  });
});

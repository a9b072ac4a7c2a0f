import { describe, expect, it } from 'vitest';
import { areaUnderRoc, brierScore, calibrationBins, classificationMetrics, confusionMatrix, logLoss, majorityBaseline } from './metrics';

// Hand-computed example: 3 accepted, 2 rejected.
const probabilities = [0.9, 0.8, 0.3, 0.6, 0.1];
const labels = [1, 1, 1, 0, 0];

describe('metrics', () => {
  it('counts the confusion matrix at the 0.5 threshold', () => {
    expect(confusionMatrix(probabilities, labels)).toEqual({ truePositive: 2, falseNegative: 1, falsePositive: 1, trueNegative: 1 });
  });

  it('computes accuracy 3/5 and balanced accuracy (2/3 + 1/2) / 2', () => {
    const metrics = classificationMetrics(probabilities, labels);
    expect(metrics.accuracy).toBeCloseTo(0.6, 12);
    expect(metrics.balancedAccuracy).toBeCloseTo((2 / 3 + 1 / 2) / 2, 12);
    expect(metrics.count).toBe(5);
    expect(metrics.positives).toBe(3);
  });

  it('computes AUC as the share of correctly ordered accepted/rejected pairs (5 of 6)', () => {
    // pairs (pos, neg): 0.9>0.6, 0.9>0.1, 0.8>0.6, 0.8>0.1, 0.3<0.6, 0.3>0.1 → 5/6
    expect(areaUnderRoc(probabilities, labels)).toBeCloseTo(5 / 6, 12);
  });

  it('counts tied scores as half a correctly ordered pair', () => {
    expect(areaUnderRoc([0.5, 0.5], [1, 0])).toBeCloseTo(0.5, 12);
    expect(areaUnderRoc([0.7, 0.5, 0.5], [1, 1, 0])).toBeCloseTo(0.75, 12);
  });

  it('returns a null AUC when only one class is present', () => {
    expect(areaUnderRoc([0.2, 0.9], [1, 1])).toBeNull();
  });

  it('computes the Brier score as the mean squared error of the probabilities', () => {
    const expected = (0.01 + 0.04 + 0.49 + 0.36 + 0.01) / 5;
    expect(brierScore(probabilities, labels)).toBeCloseTo(expected, 12);
  });

  it('computes log loss by hand', () => {
    expect(logLoss([0.8, 0.25], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.75)) / 2, 12);
  });

  it('puts predictions into equal-width reliability bins with observed rates', () => {
    const bins = calibrationBins(probabilities, labels, 5);
    expect(bins.map((bin) => bin.count)).toEqual([1, 1, 0, 1, 2]);
    expect(bins[4].meanPredicted).toBeCloseTo(0.85, 12);
    expect(bins[4].observedRate).toBe(1);
    expect(bins[3].observedRate).toBe(0);
    expect(bins[2].meanPredicted).toBeNull();
  });

  it('scores the majority-class baseline on the held-out labels', () => {
    const baseline = majorityBaseline(0.85, [1, 1, 1, 0]);
    expect(baseline.majorityClass).toBe('ACCEPT');
    expect(baseline.accuracy).toBeCloseTo(0.75, 12);
    expect(baseline.balancedAccuracy).toBeCloseTo(0.5, 12);
    expect(baseline.brier).toBeCloseTo((3 * 0.15 ** 2 + 0.85 ** 2) / 4, 12);
  });

  it('refuses predictions and labels of different lengths', () => {
    expect(() => brierScore([0.1], [1, 0])).toThrow(/1 predictions for 2 labels/);
  });
});

import { describe, expect, it } from 'vitest';
import { heuristicConfidence, resolveConfidence } from './confidence';
import { buildFeatures } from './features';

const features = buildFeatures({
  score: 40, breakdown: { travel: 10, utilization: 20, affinity: 5, congestion: 0, consolidation: 5 }, margin: 2, fillAfter: 0.7,
  weightFillAfter: 0.3, distanceFt: 20, abc: 'A', affinityLift: 0, openTasks: 0, crossDock: false, algorithm: 'FFD', level: 1,
  type: 'PICK_FACE', zone: 'Z', unitWeightLbs: 1, quantity: 1, alternatives: 2,
});

describe('heuristicConfidence', () => {
  it('stays in [0, 1] for extreme inputs', () => {
    for (const margin of [null, 0, 1e9, -5]) for (const slack of [-1, 0, 2]) for (const score of [-1e9, 0, 1e9]) {
      const c = heuristicConfidence({ margin, slack, score });
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });

  it('grows with the margin over the runner-up and with the slack left', () => {
    expect(heuristicConfidence({ margin: 10, slack: 0.2, score: 40 })).toBeGreaterThan(heuristicConfidence({ margin: 0.5, slack: 0.2, score: 40 }));
    expect(heuristicConfidence({ margin: 2, slack: 0.4, score: 40 })).toBeGreaterThan(heuristicConfidence({ margin: 2, slack: 0.01, score: 40 }));
  });
});

describe('resolveConfidence', () => {
  const h = { margin: 2, slack: 0.2, score: 40 };

  it('uses the model when ML is enabled and a model is given', () => {
    expect(resolveConfidence(features, h, true, { version: 'v', predict: () => 0.9 })).toEqual({ confidence: 0.9, confidenceSource: 'ml' });
  });

  it('clamps model output to [0, 1] and falls back to the heuristic on NaN', () => {
    expect(resolveConfidence(features, h, true, { version: 'v', predict: () => 7 }).confidence).toBe(1);
    expect(resolveConfidence(features, h, true, { version: 'v', predict: () => Number.NaN }).confidenceSource).toBe('heuristic');
  });

  it('ignores the model when ML is disabled', () => {
    expect(resolveConfidence(features, h, false, { version: 'v', predict: () => 0.9 }).confidenceSource).toBe('heuristic');
  });
});

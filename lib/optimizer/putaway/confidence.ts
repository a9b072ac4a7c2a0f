import type { FeatureVector } from './features';

/**
 * A trained acceptance model (issue: ML confidence). `predict` returns the
 * probability, in [0, 1], that an operator accepts the recommendation.
 */
export type ConfidenceModel = {
  version: string;
  predict(features: FeatureVector): number;
};

/** Where a confidence value came from. */
export type ConfidenceSource = 'heuristic' | 'ml';

/** Inputs of {@link heuristicConfidence}. */
export type HeuristicConfidenceInput = {
  /** Winner's score minus the runner-up's, in points (>= 0); null when there is no runner-up. */
  margin: number | null;
  /** Free fraction left under the hard cap after placement, 0..1 (min of volume and weight). */
  slack: number;
  /** Winner's total score, points in [-100, 100]. */
  score: number;
};

/**
 * Heuristic confidence in [0, 1]:
 * `0.25 + 0.35·tanh(margin/8) + 0.2·tanh(4·slack) + 0.2·(score+100)/200`.
 * A clear winner (large margin), room to spare and a high score push it up;
 * no runner-up counts as a margin of 8 points.
 */
export function heuristicConfidence(input: HeuristicConfidenceInput): number {
  const margin = input.margin === null ? 8 : Math.max(0, input.margin);
  const slack = Math.min(1, Math.max(0, input.slack));
  const score = Math.min(100, Math.max(-100, input.score));
  const value = 0.25 + 0.35 * Math.tanh(margin / 8) + 0.2 * Math.tanh(4 * slack) + 0.2 * ((score + 100) / 200);
  return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
}

/**
 * Confidence of one recommendation: the model's prediction when ML is enabled
 * and a model is given (clamped to [0, 1]; a non-finite prediction falls back
 * to the heuristic), otherwise the heuristic.
 */
export function resolveConfidence(
  features: FeatureVector,
  heuristic: HeuristicConfidenceInput,
  mlEnabled: boolean,
  model: ConfidenceModel | undefined,
): { confidence: number; confidenceSource: ConfidenceSource } {
  if (mlEnabled && model) {
    const p = model.predict(features);
    if (typeof p === 'number' && Number.isFinite(p)) {
      return { confidence: Math.min(1, Math.max(0, p)), confidenceSource: 'ml' };
    }
  }
  return { confidence: heuristicConfidence(heuristic), confidenceSource: 'heuristic' };
}

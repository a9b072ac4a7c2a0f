import { accuracyOf, brierScore, confusionMatrix } from './metrics';
import { predictAcceptance, type StoredModel } from './model';
import type { FlatFeatures } from './flatten-features';

/**
 * Decides whether a newly trained model replaces the active one. Both are scored on the
 * SAME held-out rows (the newest decisions, which neither was trained on — the incumbent
 * was trained on an older window), so the comparison is like for like.
 *
 * The candidate wins when its Brier score is lower (it is a better probability, which is
 * what "confidence" means) AND its accuracy is not lower. With no incumbent, it must beat
 * the constant "training acceptance rate" predictor on Brier and the majority class on
 * accuracy — otherwise the heuristic stays.
 */
export type SelectionScore = { accuracy: number; brier: number };

export type SelectionDecision = {
  activate: boolean;
  reason: string;
  candidate: SelectionScore;
  incumbent: (SelectionScore & { version: number | null }) | null;
};

export function scoreOn(model: StoredModel, features: readonly FlatFeatures[], labels: ArrayLike<number>): SelectionScore {
  const predictions = features.map((row) => predictAcceptance(model, row));
  return { accuracy: accuracyOf(confusionMatrix(predictions, labels)), brier: brierScore(predictions, labels) };
}

function constantScore(rate: number, labels: ArrayLike<number>): SelectionScore {
  const constant = Array.from({ length: labels.length }, () => rate);
  const hard = Array.from({ length: labels.length }, () => (rate >= 0.5 ? 1 : 0));
  return { accuracy: accuracyOf(confusionMatrix(hard, labels)), brier: brierScore(constant, labels) };
}

const EPSILON = 1e-12;

export function decideActivation(input: {
  candidate: StoredModel;
  incumbent: StoredModel | null;
  heldOut: { features: readonly FlatFeatures[]; labels: ArrayLike<number> };
  trainingAcceptanceRate: number;
}): SelectionDecision {
  const { features, labels } = input.heldOut;
  const candidate = scoreOn(input.candidate, features, labels);
  const incumbent = input.incumbent
    ? { ...scoreOn(input.incumbent, features, labels), version: input.incumbent.version }
    : { ...constantScore(input.trainingAcceptanceRate, labels), version: null };
  const against = incumbent.version === null ? 'the no-model baseline' : `active model v${incumbent.version}`;
  const fmt = (s: SelectionScore) => `accuracy ${(s.accuracy * 100).toFixed(1)}%, Brier ${s.brier.toFixed(4)}`;
  const betterBrier = candidate.brier < incumbent.brier - EPSILON;
  const accuracyHolds = candidate.accuracy >= incumbent.accuracy - EPSILON;
  const activate = betterBrier && accuracyHolds;
  const reason = activate
    ? `Activated: beats ${against} on the held-out decisions (${fmt(candidate)} vs ${fmt(incumbent)}).`
    : `Kept inactive: does not beat ${against} on the held-out decisions (${fmt(candidate)} vs ${fmt(incumbent)}).`;
  return { activate, reason, candidate, incumbent };
}

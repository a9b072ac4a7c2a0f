/**
 * The stored form of a trained confidence model and the one function that turns it into
 * a probability. Pure and deterministic: the same stored numbers always give the same
 * output, whether the model was just trained or reloaded from `ml_model_weights`.
 *
 *   z_i = (x_i - mean_i) / std_i        standardization stored with the model
 *   p   = 1 / (1 + exp(-(intercept + Σ w_i z_i)))
 *
 * Features are matched by NAME, so a model trained on an older feature list keeps working
 * when the optimizer adds features: unknown inputs are ignored, and a feature the model
 * knows but the input lacks is taken at its training mean (z = 0, no contribution).
 */
import { flattenFeatures, isCategoryColumn } from './flatten-features';

export type FeatureRecord = Readonly<Record<string, number>>;

export type StoredModel = {
  /** `ml_model_weights.version`. */
  version: number;
  featureNames: readonly string[];
  weights: readonly number[];
  intercept: number;
  featureMeans: readonly number[];
  featureStds: readonly number[];
};

/** Numerically stable logistic function. */
export function sigmoid(value: number): number {
  if (value >= 0) return 1 / (1 + Math.exp(-value));
  const e = Math.exp(value);
  return e / (1 + e);
}

export function assertModelShape(model: StoredModel): void {
  const n = model.featureNames.length;
  for (const [name, list] of [['weights', model.weights], ['featureMeans', model.featureMeans], ['featureStds', model.featureStds]] as const) {
    if (list.length !== n) throw new Error(`Model v${model.version}: ${name} has ${list.length} entries for ${n} feature names.`);
  }
  if (!Number.isFinite(model.intercept)) throw new Error(`Model v${model.version}: intercept is not finite.`);
}

/** The linear score (log-odds of acceptance) for one feature record. */
export function logOdds(model: StoredModel, features: FeatureRecord): number {
  let sum = model.intercept;
  for (let i = 0; i < model.featureNames.length; i++) {
    const name = model.featureNames[i];
    let raw = features[name];
    // A one-hot category column absent from the input means "not this category" (0), not "unknown".
    if (raw === undefined && isCategoryColumn(name)) raw = 0;
    if (typeof raw !== 'number' || !Number.isFinite(raw)) continue;
    const std = model.featureStds[i];
    // A constant feature in training has std 0: it carries no information.
    if (!(std > 0)) continue;
    sum += model.weights[i] * ((raw - model.featureMeans[i]) / std);
  }
  return sum;
}

/** P(the supervisor accepts), in [0, 1]. */
export function predictAcceptance(model: StoredModel, features: FeatureRecord): number {
  return sigmoid(logOdds(model, features));
}

/** The shape the optimizer's confidence interface expects. */
export type ConfidencePredictor = {
  version: string;
  /** Accepts the optimizer's feature object as stored in the feedback (nested, booleans, categories). */
  predict(features: object): number;
};

/** Wraps stored weights as a predictor; `version` is the model version as a decimal string. */
export function toConfidencePredictor(model: StoredModel): ConfidencePredictor {
  assertModelShape(model);
  const frozen: StoredModel = {
    version: model.version,
    featureNames: [...model.featureNames],
    weights: [...model.weights],
    intercept: model.intercept,
    featureMeans: [...model.featureMeans],
    featureStds: [...model.featureStds],
  };
  return { version: String(frozen.version), predict: (features) => predictAcceptance(frozen, flattenFeatures(features)) };
}

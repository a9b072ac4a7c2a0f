/**
 * The stored form of a trained confidence model and the one function that turns it into
 * a probability. Pure and deterministic: the same stored numbers always give the same
 * output, whether the model was just trained or reloaded from `ml_model_weights`.
 *
 *   z_i = (x_i - mean_i) / std_i        standardization stored with the model
 *   p   = 1 / (1 + exp(-(intercept + Σ w_i z_i)))
 *
 * Rule features ("rule: itemWeightLbs > 912.5 & level > 4.5", see rules.ts) are 0/1 and
 * evaluated from their name on the raw base features.
 *
 * Features are matched by NAME, so a model trained on an older feature list keeps working
 * when the optimizer adds features: unknown inputs are ignored, and a feature the model
 * knows but the input lacks is taken at its training mean (z = 0, no contribution).
 */
import { flattenFeatures, isCategoryColumn } from './flatten-features';
import { parseRule } from './rules';

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

type CompiledTerm =
  | { kind: 'value'; name: string; category: boolean; weight: number; mean: number; std: number }
  | { kind: 'rule'; conditions: { name: string; category: boolean; fallback: number; operator: '<=' | '>'; threshold: number }[]; weight: number; mean: number; std: number };

const compiled = new WeakMap<StoredModel, CompiledTerm[]>();

/** Resolves names once per model (rules parsed, fallbacks looked up) so prediction is a tight loop. */
function compile(model: StoredModel): CompiledTerm[] {
  const cached = compiled.get(model);
  if (cached) return cached;
  const meanOf = new Map(model.featureNames.map((name, i) => [name, model.featureMeans[i]]));
  const terms: CompiledTerm[] = [];
  model.featureNames.forEach((name, i) => {
    const std = model.featureStds[i];
    // A constant feature in training has std 0: it carries no information.
    if (!(std > 0)) return;
    const common = { weight: model.weights[i], mean: model.featureMeans[i], std };
    const rule = parseRule(name);
    if (rule) {
      // A missing base value is taken as training saw it: its mean, or 0 for a category.
      const conditions = rule.map((c) => ({ name: c.feature, category: isCategoryColumn(c.feature), fallback: meanOf.get(c.feature) ?? Number.NaN, operator: c.operator, threshold: c.threshold }));
      terms.push({ kind: 'rule', conditions, ...common });
    } else {
      terms.push({ kind: 'value', name, category: isCategoryColumn(name), ...common });
    }
  });
  compiled.set(model, terms);
  return terms;
}

function valueOf(features: FeatureRecord, name: string, category: boolean, fallback: number): number {
  const raw = features[name];
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  // A one-hot category column absent from the input means "not this category" (0), not "unknown".
  return category ? 0 : fallback;
}

/** The linear score (log-odds of acceptance) for one feature record. */
export function logOdds(model: StoredModel, features: FeatureRecord): number {
  let sum = model.intercept;
  for (const term of compile(model)) {
    let raw: number;
    if (term.kind === 'rule') {
      raw = 1;
      for (const c of term.conditions) {
        const value = valueOf(features, c.name, c.category, c.fallback);
        if (Number.isNaN(value) || (c.operator === '<=' ? !(value <= c.threshold) : !(value > c.threshold))) {
          raw = 0;
          break;
        }
      }
    } else {
      // A missing numeric feature is taken at its mean: no contribution.
      raw = valueOf(features, term.name, term.category, term.mean);
      if (Number.isNaN(raw)) continue;
    }
    sum += term.weight * ((raw - term.mean) / term.std);
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

import { TrainingRefusedError } from './errors';
import { flattenFeatures, isCategoryColumn, type FlatFeatures } from './flatten-features';
import { fitLogisticRegression, type LogisticRegressionOptions } from './logistic-regression';
import { classificationMetrics, majorityBaseline, type BaselineMetrics, type ClassificationMetrics } from './metrics';
import { predictAcceptance, type StoredModel } from './model';
import { generateRules, type RuleGenerationOptions } from './rule-generation';
import { ruleName } from './rules';
import { timeOrderedSplit } from './split';
import { applyStandardization, fitStandardization } from './standardize';

/** One supervisor decision: the optimizer's features and whether it was accepted. */
export type TrainingSample = { features: unknown; accepted: boolean; createdAt: Date };

export type TrainingOptions = LogisticRegressionOptions & {
  version: number;
  /** Share of the newest decisions held out for evaluation. */
  testFraction?: number;
  /** Refuse below this many decisions in total. */
  minSamples?: number;
  /** Refuse unless the training part holds at least this many of EACH class. */
  minPerClass?: number;
  /** Rule features (conjunctions found by boosted depth-2 trees); false = plain linear model. */
  rules?: RuleGenerationOptions | false;
};

export type ModelMetrics = {
  heldOut: ClassificationMetrics;
  baseline: BaselineMetrics;
  training: { accuracy: number; count: number; acceptanceRate: number };
  split: { trainCount: number; testCount: number; boundary: string; testFraction: number };
  fit: { iterations: number; converged: boolean; l2: number; milliseconds: number; ruleCount: number };
};

export type TrainingResult = {
  model: StoredModel;
  metrics: ModelMetrics;
  trainingWindow: { start: Date; end: Date };
  sampleCount: number;
  /** The held-out rows, flattened: used to compare against the incumbent model. */
  heldOut: { features: FlatFeatures[]; labels: Uint8Array; predictions: number[] };
};

export const DEFAULT_MIN_SAMPLES = 50;
export const DEFAULT_MIN_PER_CLASS = 5;

function countAccepted(samples: readonly TrainingSample[]): number {
  let n = 0;
  for (const sample of samples) if (sample.accepted) n++;
  return n;
}

/** Sorted union of the columns seen in training: a stable, reproducible order. */
function columnsOf(rows: readonly FlatFeatures[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  return [...names].sort();
}

/**
 * Trains on the oldest (1 − testFraction) of the decisions and scores the model on the
 * newest. The stored model is exactly the one the held-out metrics describe.
 * Throws TrainingRefusedError when the data cannot support a model.
 */
export function trainConfidenceModel(samples: readonly TrainingSample[], options: TrainingOptions): TrainingResult {
  const minSamples = options.minSamples ?? DEFAULT_MIN_SAMPLES;
  const minPerClass = options.minPerClass ?? DEFAULT_MIN_PER_CLASS;
  const testFraction = options.testFraction ?? 0.2;
  const l2 = options.l2 ?? 1e-3;

  const accepted = countAccepted(samples);
  if (samples.length < minSamples) {
    throw new TrainingRefusedError('TOO_LITTLE_DATA', `Not enough supervisor decisions to train: ${samples.length} recorded, at least ${minSamples} needed.`, { samples: samples.length, minSamples });
  }
  if (accepted === 0 || accepted === samples.length) {
    const only = accepted === 0 ? 'rejected or overridden' : 'accepted';
    throw new TrainingRefusedError('ONE_CLASS', `All ${samples.length} decisions were ${only}: a model cannot learn to tell acceptance from rejection with only one class.`, { samples: samples.length, accepted });
  }

  const split = timeOrderedSplit(samples, testFraction);
  const trainAccepted = countAccepted(split.train);
  const trainRejected = split.train.length - trainAccepted;
  if (trainAccepted < minPerClass || trainRejected < minPerClass) {
    throw new TrainingRefusedError(
      trainAccepted === 0 || trainRejected === 0 ? 'ONE_CLASS' : 'TOO_LITTLE_DATA',
      `The training period (oldest ${split.train.length} decisions) has ${trainAccepted} accepted and ${trainRejected} rejected; at least ${minPerClass} of each are needed.`,
      { trainAccepted, trainRejected, minPerClass },
    );
  }

  const trainFlat = split.train.map((sample) => flattenFeatures(sample.features));
  const testFlat = split.test.map((sample) => flattenFeatures(sample.features));
  const baseNames = columnsOf(trainFlat);
  if (baseNames.length === 0) throw new TrainingRefusedError('NO_FEATURES', 'The feedback rows carry no numeric features to learn from.');

  const rows = trainFlat.length;
  const baseColumns = baseNames.length;
  const base = new Float64Array(rows * baseColumns);
  const labels = new Uint8Array(rows);
  // Missing numeric values are imputed with the training mean (z = 0), which is exactly what
  // prediction does with a missing feature; missing categories are 0 ("not this category").
  const sums = new Array<number>(baseColumns).fill(0);
  const present = new Array<number>(baseColumns).fill(0);
  trainFlat.forEach((row) => baseNames.forEach((name, c) => {
    const value = row[name];
    if (value !== undefined) { sums[c] += value; present[c]++; }
  }));
  const fill = baseNames.map((name, c) => (isCategoryColumn(name) || present[c] === 0 ? 0 : sums[c] / present[c]));
  trainFlat.forEach((row, r) => {
    labels[r] = split.train[r].accepted ? 1 : 0;
    for (let c = 0; c < baseColumns; c++) base[r * baseColumns + c] = row[baseNames[c]] ?? fill[c];
  });

  const started = performance.now();
  const rules = options.rules === false ? [] : generateRules(base, labels, rows, baseColumns, baseNames, { depth: 3, trees: 24, maxRules: 128, maxRows: 12_000, ...options.rules });
  const featureNames = [...baseNames, ...rules.map(ruleName)];
  const columns = featureNames.length;
  const baseIndex = new Map(baseNames.map((name, c) => [name, c]));
  // Rule conditions resolved to base columns once, so filling the matrix is a tight loop.
  const compiledRules = rules.map((rule) => rule.map((c) => ({ column: baseIndex.get(c.feature) ?? -1, greater: c.operator === '>', threshold: c.threshold })));
  const matrix = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const from = r * baseColumns;
    matrix.set(base.subarray(from, from + baseColumns), r * columns);
    for (let k = 0; k < compiledRules.length; k++) {
      let holds = 1;
      for (const c of compiledRules[k]) {
        const value = c.column < 0 ? Number.NaN : base[from + c.column];
        if (c.greater ? !(value > c.threshold) : !(value <= c.threshold)) {
          holds = 0;
          break;
        }
      }
      matrix[r * columns + baseColumns + k] = holds;
    }
  }

  const standardization = fitStandardization(matrix, rows, columns);
  applyStandardization(matrix, rows, columns, standardization);
  const fit = fitLogisticRegression(matrix, labels, rows, columns, { ...options, l2 });
  const milliseconds = performance.now() - started;

  const model: StoredModel = {
    version: options.version,
    featureNames,
    weights: fit.weights,
    intercept: fit.intercept,
    featureMeans: standardization.means,
    featureStds: standardization.stds,
  };

  const testLabels = Uint8Array.from(split.test, (sample) => (sample.accepted ? 1 : 0));
  const testPredictions = testFlat.map((row) => predictAcceptance(model, row));
  // Training accuracy straight from the standardized matrix (same numbers as predictAcceptance).
  let trainCorrect = 0;
  for (let r = 0; r < rows; r++) {
    let eta = fit.intercept;
    for (let c = 0; c < columns; c++) eta += fit.weights[c] * matrix[r * columns + c];
    if ((eta >= 0 ? 1 : 0) === labels[r]) trainCorrect++;
  }

  return {
    model,
    metrics: {
      heldOut: classificationMetrics(testPredictions, testLabels),
      baseline: majorityBaseline(trainAccepted / rows, testLabels),
      training: { accuracy: trainCorrect / rows, count: rows, acceptanceRate: trainAccepted / rows },
      split: { trainCount: rows, testCount: split.test.length, boundary: split.boundary.toISOString(), testFraction },
      fit: { iterations: fit.iterations, converged: fit.converged, l2, milliseconds: Math.round(milliseconds), ruleCount: rules.length },
    },
    trainingWindow: { start: split.train[0].createdAt, end: split.train[rows - 1].createdAt },
    sampleCount: samples.length,
    heldOut: { features: testFlat, labels: testLabels, predictions: testPredictions },
  };
}

/**
 * Classification metrics for "the supervisor accepts" (positive class = accepted).
 * All take predicted probabilities and 0/1 labels of the same length.
 */
export type ConfusionMatrix = {
  /** accepted, predicted accept */
  truePositive: number;
  /** rejected, predicted accept */
  falsePositive: number;
  /** rejected, predicted reject */
  trueNegative: number;
  /** accepted, predicted reject */
  falseNegative: number;
};

export type CalibrationBin = {
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin (null when empty). */
  meanPredicted: number | null;
  /** Observed acceptance rate in the bin (null when empty). */
  observedRate: number | null;
};

export type ClassificationMetrics = {
  count: number;
  positives: number;
  accuracy: number;
  balancedAccuracy: number;
  /** Null when the set holds only one class (AUC is undefined). */
  auc: number | null;
  brier: number;
  logLoss: number;
  confusion: ConfusionMatrix;
  calibration: CalibrationBin[];
};

export type BaselineMetrics = {
  /** The class seen most often in TRAINING, predicted for every held-out row. */
  majorityClass: 'ACCEPT' | 'REJECT';
  accuracy: number;
  balancedAccuracy: number;
  auc: number;
  /** Brier score of always predicting the training acceptance rate. */
  brier: number;
};

function assertSameLength(probabilities: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (probabilities.length !== labels.length) throw new Error(`${probabilities.length} predictions for ${labels.length} labels.`);
  if (labels.length === 0) throw new Error('Metrics need at least one row.');
}

export function confusionMatrix(probabilities: ArrayLike<number>, labels: ArrayLike<number>, threshold = 0.5): ConfusionMatrix {
  assertSameLength(probabilities, labels);
  const result: ConfusionMatrix = { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 };
  for (let i = 0; i < labels.length; i++) {
    const predicted = probabilities[i] >= threshold;
    if (labels[i]) predicted ? result.truePositive++ : result.falseNegative++;
    else predicted ? result.falsePositive++ : result.trueNegative++;
  }
  return result;
}

export function accuracyOf(confusion: ConfusionMatrix): number {
  const total = confusion.truePositive + confusion.falsePositive + confusion.trueNegative + confusion.falseNegative;
  return total === 0 ? 0 : (confusion.truePositive + confusion.trueNegative) / total;
}

/** Mean of the recall on each class; a class absent from the set is left out. */
export function balancedAccuracyOf(confusion: ConfusionMatrix): number {
  const positives = confusion.truePositive + confusion.falseNegative;
  const negatives = confusion.trueNegative + confusion.falsePositive;
  const recalls: number[] = [];
  if (positives > 0) recalls.push(confusion.truePositive / positives);
  if (negatives > 0) recalls.push(confusion.trueNegative / negatives);
  return recalls.length === 0 ? 0 : recalls.reduce((a, b) => a + b, 0) / recalls.length;
}

/**
 * Area under the ROC curve: the probability that a random accepted row scores above a
 * random rejected one (ties count one half), via the rank-sum (Mann–Whitney U).
 */
export function areaUnderRoc(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  assertSameLength(probabilities, labels);
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => probabilities[a] - probabilities[b]);
  let positives = 0;
  let rankSumPositives = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && probabilities[order[j + 1]] === probabilities[order[i]]) j++;
    const averageRank = (i + j) / 2 + 1; // 1-based, ties share the mean rank
    for (let k = i; k <= j; k++) {
      if (labels[order[k]]) {
        positives++;
        rankSumPositives += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  assertSameLength(probabilities, labels);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i] - labels[i]) ** 2;
  return sum / labels.length;
}

export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  assertSameLength(probabilities, labels);
  const epsilon = 1e-15;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - epsilon, Math.max(epsilon, probabilities[i]));
    sum -= labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return sum / labels.length;
}

/** Reliability diagram: equal-width probability bins with predicted vs. observed rates. */
export function calibrationBins(probabilities: ArrayLike<number>, labels: ArrayLike<number>, binCount = 10): CalibrationBin[] {
  assertSameLength(probabilities, labels);
  const counts = new Array<number>(binCount).fill(0);
  const predictedSums = new Array<number>(binCount).fill(0);
  const positiveSums = new Array<number>(binCount).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const bin = Math.min(binCount - 1, Math.max(0, Math.floor(probabilities[i] * binCount)));
    counts[bin]++;
    predictedSums[bin] += probabilities[i];
    positiveSums[bin] += labels[i] ? 1 : 0;
  }
  return counts.map((count, bin) => ({
    lower: bin / binCount,
    upper: (bin + 1) / binCount,
    count,
    meanPredicted: count ? predictedSums[bin] / count : null,
    observedRate: count ? positiveSums[bin] / count : null,
  }));
}

export function classificationMetrics(probabilities: ArrayLike<number>, labels: ArrayLike<number>): ClassificationMetrics {
  const confusion = confusionMatrix(probabilities, labels);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] ? 1 : 0;
  return {
    count: labels.length,
    positives,
    accuracy: accuracyOf(confusion),
    balancedAccuracy: balancedAccuracyOf(confusion),
    auc: areaUnderRoc(probabilities, labels),
    brier: brierScore(probabilities, labels),
    logLoss: logLoss(probabilities, labels),
    confusion,
    calibration: calibrationBins(probabilities, labels),
  };
}

/**
 * What a model that ignores the features would score on the held-out rows: the training
 * majority class for accuracy, the training acceptance rate as the probability for Brier.
 * 85% accuracy means nothing when this says 85% too.
 */
export function majorityBaseline(trainingAcceptanceRate: number, heldOutLabels: ArrayLike<number>): BaselineMetrics {
  const predictAccept = trainingAcceptanceRate >= 0.5;
  const constant = Array.from({ length: heldOutLabels.length }, () => trainingAcceptanceRate);
  const hard = Array.from({ length: heldOutLabels.length }, () => (predictAccept ? 1 : 0));
  const confusion = confusionMatrix(hard, heldOutLabels);
  return {
    majorityClass: predictAccept ? 'ACCEPT' : 'REJECT',
    accuracy: accuracyOf(confusion),
    balancedAccuracy: balancedAccuracyOf(confusion),
    auc: 0.5,
    brier: brierScore(constant, heldOutLabels),
  };
}

import { trainConfidenceModel, type ModelMetrics, type TrainingSample } from './train';
import { bayesCeiling, superviseAll, type TPreferences } from './simulated-supervisor';
import { optimizerRecommendations } from './optimizer-recommendations';
import { simulateRecommendations } from './simulated-warehouse';

/** `simulated`: the fast stand-in shaped like the demo warehouse; `optimizer`: real optimizePutaway runs. */
export type RecommendationSource = 'simulated' | 'optimizer';

export type EvaluationOptions = {
  preferences: TPreferences;
  source?: RecommendationSource;
  noise: number;
  rows: number;
  seed: number;
  testFraction?: number;
  l2?: number;
  /** CPU milliseconds used by this process so far (the CLI passes process.cpuUsage); wall time alone misleads on a loaded machine. */
  cpuClock?: () => number;
};

export type EvaluationReport = {
  preferences: string;
  source: RecommendationSource;
  noise: number;
  rows: number;
  seed: number;
  bayesCeiling: number;
  /** Held-out agreement with the NOISE-FREE decisions: how much of the hidden rule the model recovered. */
  cleanAgreement: number;
  acceptanceRate: number;
  flippedShare: number;
  heldOut: ModelMetrics['heldOut'];
  baseline: ModelMetrics['baseline'];
  gapToCeiling: number;
  training: ModelMetrics['training'];
  fit: ModelMetrics['fit'];
  trainingMilliseconds: number;
  trainingCpuMilliseconds: number | null;
  topWeights: { feature: string; weight: number }[];
};

const MINUTE = 60_000;

/** Generates decisions from the hidden preferences, trains on the oldest, scores on the newest. */
export function evaluateOnSimulatedSupervisor(options: EvaluationOptions): EvaluationReport {
  const source = options.source ?? 'simulated';
  const recommendations = source === 'optimizer' ? optimizerRecommendations(options.rows, options.seed) : simulateRecommendations(options.rows, options.seed);
  const decisions = superviseAll(options.preferences, recommendations.map((r) => r.situation), options.noise, options.seed);
  const start = Date.UTC(2026, 0, 1);
  const samples: TrainingSample[] = recommendations.map((r, i) => ({ features: r.features, accepted: decisions[i].accepted, createdAt: new Date(start + i * MINUTE) }));

  const started = performance.now();
  const cpuStarted = options.cpuClock?.();
  const result = trainConfidenceModel(samples, { version: 1, testFraction: options.testFraction, l2: options.l2 });
  const trainingMilliseconds = Math.round(performance.now() - started);
  const trainingCpuMilliseconds = cpuStarted === undefined || !options.cpuClock ? null : Math.round(options.cpuClock() - cpuStarted);

  const testOffset = samples.length - result.metrics.split.testCount;
  let agree = 0;
  result.heldOut.predictions.forEach((probability, i) => {
    if ((probability >= 0.5) === decisions[testOffset + i].cleanAccepted) agree++;
  });
  const accepted = decisions.filter((d) => d.accepted).length;
  const ceiling = bayesCeiling(options.noise);
  const topWeights = result.model.featureNames
    .map((feature, i) => ({ feature, weight: Math.round(result.model.weights[i] * 1000) / 1000 }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 10);
  return {
    preferences: options.preferences.name,
    source,
    noise: options.noise,
    rows: options.rows,
    seed: options.seed,
    bayesCeiling: ceiling,
    cleanAgreement: agree / result.heldOut.labels.length,
    acceptanceRate: accepted / samples.length,
    flippedShare: decisions.filter((d) => d.flipped).length / samples.length,
    heldOut: result.metrics.heldOut,
    baseline: result.metrics.baseline,
    gapToCeiling: ceiling - result.metrics.heldOut.accuracy,
    training: result.metrics.training,
    fit: result.metrics.fit,
    trainingMilliseconds,
    trainingCpuMilliseconds,
    topWeights,
  };
}

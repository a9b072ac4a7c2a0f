import { OptimizerInputError } from '../errors';
import type { OptimizerConfig, OptimizerConfigInput, ScoreWeights } from './types';

/**
 * Default score weights (relative; normalized to sum 1):
 * travel 0.50, utilization 0.10, affinity 0.15, congestion 0.10, consolidation 0.15.
 * Travel leads because pick walking is what the simulator shows putaway can
 * change (docs/simulator.md); utilization stays as a tie-breaker between
 * near bins and the band still caps how many units go in one bin (so its
 * small weight costs band share: ~4 points, measured).
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  travel: 0.5,
  utilization: 0.1,
  affinity: 0.15,
  congestion: 0.1,
  consolidation: 0.15,
});

/** Defaults: HYBRID, band 60–85 %, hard cap 95 %, 24 h cross-dock horizon, all flags on except ML. */
export const DEFAULT_OPTIMIZER_CONFIG: Readonly<OptimizerConfig> = Object.freeze({
  algorithm: 'HYBRID',
  weights: DEFAULT_WEIGHTS,
  targetBand: Object.freeze({ min: 0.6, max: 0.85 }),
  hardCap: 0.95,
  crossDockHorizonHours: 24,
  heavyUnitLbs: 150,
  flags: Object.freeze({
    SKU_AFFINITY_ENABLED: true,
    CROSS_DOCK_ENABLED: true,
    CONGESTION_AVOIDANCE_ENABLED: true,
    ML_MODEL_ENABLED: false,
  }),
  timeLimitMs: 500,
}) as OptimizerConfig;

function num(field: string, v: unknown, min: number, max = Number.POSITIVE_INFINITY): number {
  if (typeof v !== 'number' || Number.isNaN(v) || v < min || v > max || (max === Number.POSITIVE_INFINITY && !Number.isFinite(v))) {
    const range = max === Number.POSITIVE_INFINITY ? `a finite number >= ${min}` : `a number in [${min}, ${max}]`;
    throw new OptimizerInputError(field, v, `must be ${range}`);
  }
  return v;
}

function bool(field: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw new OptimizerInputError(field, v, 'must be true or false');
  return v;
}

/**
 * Merges a partial config over {@link DEFAULT_OPTIMIZER_CONFIG} and validates it.
 * @throws OptimizerInputError naming the bad field, e.g. `config.targetBand.max`.
 */
export function resolveConfig(input: OptimizerConfigInput | undefined): OptimizerConfig {
  const c = input ?? {};
  if (typeof c !== 'object' || c === null) throw new OptimizerInputError('config', c, 'must be an object');
  const d = DEFAULT_OPTIMIZER_CONFIG;
  const algorithm = c.algorithm ?? d.algorithm;
  if (algorithm !== 'FFD' && algorithm !== 'BFD' && algorithm !== 'HYBRID') {
    throw new OptimizerInputError('config.algorithm', algorithm, 'must be FFD, BFD or HYBRID');
  }
  const w = { ...d.weights, ...(c.weights ?? {}) };
  const weights: ScoreWeights = {
    travel: num('config.weights.travel', w.travel, 0),
    utilization: num('config.weights.utilization', w.utilization, 0),
    affinity: num('config.weights.affinity', w.affinity, 0),
    congestion: num('config.weights.congestion', w.congestion, 0),
    consolidation: num('config.weights.consolidation', w.consolidation, 0),
  };
  const sum = weights.travel + weights.utilization + weights.affinity + weights.congestion + weights.consolidation;
  if (sum <= 0) throw new OptimizerInputError('config.weights', c.weights, 'must not all be zero');
  const hardCap = num('config.hardCap', c.hardCap ?? d.hardCap, 0, 1);
  if (hardCap <= 0) throw new OptimizerInputError('config.hardCap', hardCap, 'must be > 0');
  const band = { ...d.targetBand, ...(c.targetBand ?? {}) };
  const min = num('config.targetBand.min', band.min, 0, 1);
  const max = num('config.targetBand.max', band.max, 0, 1);
  if (min > max) throw new OptimizerInputError('config.targetBand.min', min, `must be <= targetBand.max (${max})`);
  if (max > hardCap) throw new OptimizerInputError('config.targetBand.max', max, `must be <= hardCap (${hardCap})`);
  const f = { ...d.flags, ...(c.flags ?? {}) };
  return {
    algorithm,
    weights,
    targetBand: { min, max },
    hardCap,
    crossDockHorizonHours: num('config.crossDockHorizonHours', c.crossDockHorizonHours ?? d.crossDockHorizonHours, 0),
    heavyUnitLbs: num('config.heavyUnitLbs', c.heavyUnitLbs ?? d.heavyUnitLbs, 0),
    flags: {
      SKU_AFFINITY_ENABLED: bool('config.flags.SKU_AFFINITY_ENABLED', f.SKU_AFFINITY_ENABLED),
      CROSS_DOCK_ENABLED: bool('config.flags.CROSS_DOCK_ENABLED', f.CROSS_DOCK_ENABLED),
      CONGESTION_AVOIDANCE_ENABLED: bool('config.flags.CONGESTION_AVOIDANCE_ENABLED', f.CONGESTION_AVOIDANCE_ENABLED),
      ML_MODEL_ENABLED: bool('config.flags.ML_MODEL_ENABLED', f.ML_MODEL_ENABLED),
    },
    timeLimitMs: num('config.timeLimitMs', c.timeLimitMs ?? d.timeLimitMs, 0),
  };
}

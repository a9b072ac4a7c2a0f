import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIMIZER_CONFIG, resolveConfig } from './config';
import { OptimizerInputError } from '../errors';

describe('resolveConfig', () => {
  it('returns the documented defaults when given nothing', () => {
    const c = resolveConfig(undefined);
    expect(c).toEqual(DEFAULT_OPTIMIZER_CONFIG);
    expect(c.targetBand).toEqual({ min: 0.6, max: 0.85 });
    expect(c.hardCap).toBe(0.95);
    expect(c.crossDockHorizonHours).toBe(24);
    expect(c.flags.ML_MODEL_ENABLED).toBe(false);
  });

  it('merges partial weights, band and flags over the defaults', () => {
    const c = resolveConfig({ weights: { travel: 1 }, targetBand: { max: 0.9 }, flags: { CROSS_DOCK_ENABLED: false } });
    expect(c.weights.travel).toBe(1);
    expect(c.weights.utilization).toBe(0.1);
    expect(c.targetBand).toEqual({ min: 0.6, max: 0.9 });
    expect(c.flags.CROSS_DOCK_ENABLED).toBe(false);
    expect(c.flags.SKU_AFFINITY_ENABLED).toBe(true);
  });

  it.each([
    [{ algorithm: 'NFD' }, 'config.algorithm'],
    [{ hardCap: 0 }, 'config.hardCap'],
    [{ hardCap: Number.NaN }, 'config.hardCap'],
    [{ weights: { travel: -1 } }, 'config.weights.travel'],
    [{ weights: { travel: 0, utilization: 0, affinity: 0, congestion: 0, consolidation: 0 } }, 'config.weights'],
    [{ targetBand: { max: 0.99 } }, 'config.targetBand.max'],
    [{ crossDockHorizonHours: Number.POSITIVE_INFINITY }, 'config.crossDockHorizonHours'],
    [{ flags: { ML_MODEL_ENABLED: 'yes' } }, 'config.flags.ML_MODEL_ENABLED'],
  ])('rejects %j naming %s', (input, field) => {
    try {
      resolveConfig(input as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OptimizerInputError);
      expect((e as OptimizerInputError).field).toBe(field);
    }
  });
});

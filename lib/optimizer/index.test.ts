import { describe, expect, it } from 'vitest';
import * as optimizer from './index';

describe('lib/optimizer index', () => {
  it('exports the public API by name', () => {
    for (const name of [
      'optimizePutaway',
      'validatePutawayInput',
      'packVectors',
      'lowerBoundL1',
      'lowerBoundL2',
      'heuristicConfidence',
      'FEATURE_NAMES',
      'OptimizerInputError',
      'DEFAULT_OPTIMIZER_CONFIG',
      'mulberry32',
    ]) {
      expect(optimizer).toHaveProperty(name);
    }
  });

  it('packs and places through the index exports', () => {
    expect(optimizer.packVectors([6, 4, 5, 5], [10], { algorithm: 'FFD' }).binCount).toBe(2);
    const w = optimizer.syntheticWarehouse({ locations: 100, lines: 2, unitsPerLine: 2, seed: 1 });
    const res = optimizer.optimizePutaway(w);
    expect(res.stats.unitsPlaced + res.stats.unitsUnplaceable).toBe(4);
  });
});

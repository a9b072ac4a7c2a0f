import { describe, expect, it } from 'vitest';
import { syntheticWarehouse } from './synthetic';
import { validatePutawayInput } from './validate';

describe('syntheticWarehouse', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = syntheticWarehouse({ locations: 100, lines: 10, unitsPerLine: 2, seed: 1 });
    expect(syntheticWarehouse({ locations: 100, lines: 10, unitsPerLine: 2, seed: 1 })).toEqual(a);
    expect(syntheticWarehouse({ locations: 100, lines: 10, unitsPerLine: 2, seed: 2 })).not.toEqual(a);
  });

  it('produces valid optimizer input of the requested size', () => {
    const w = syntheticWarehouse({ locations: 300, lines: 20, unitsPerLine: 3, seed: 9 });
    expect(w.locations).toHaveLength(300);
    expect(w.items.reduce((s, i) => s + i.quantity, 0)).toBe(60);
    expect(() => validatePutawayInput(w)).not.toThrow();
  });
});

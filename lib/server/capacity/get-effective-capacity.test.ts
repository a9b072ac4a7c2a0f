import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectiveCapacityOf } from './get-effective-capacity';

describe('effectiveCapacityOf (what a tenant row means for the engine)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the engine defaults when the tenant has no row', () => {
    expect(effectiveCapacityOf(undefined)).toEqual({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 0.95, source: 'default' });
  });

  it("gives the tenant's own rules from a valid row", () => {
    expect(effectiveCapacityOf({ target_band_min: 0.6, target_band_max: 0.9, hard_cap: 1 })).toEqual({ targetBandMin: 0.6, targetBandMax: 0.9, hardCap: 1, source: 'tenant' });
  });

  it('falls back to the defaults and logs, rather than letting a bin past full, when a row breaks the limits', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(effectiveCapacityOf({ target_band_min: 0.6, target_band_max: 0.85, hard_cap: 1.2 })).toEqual({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 0.95, source: 'default' });
    expect(log).toHaveBeenCalledWith('[binwise] invalid optimizer_capacity_settings row; using the defaults', 'Hard cap must be at most 100%.');
  });
});

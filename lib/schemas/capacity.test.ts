import { describe, expect, it } from 'vitest';
import { CAPACITY_DEFAULTS, capacityConfig, capacityOfConfig, formatPercent, fractionToPercent, percentToFraction, ZCapacityRules, ZSetCapacitySettingsInput } from './capacity';

const fieldErrors = (input: unknown) => {
  const parsed = ZCapacityRules.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[issue.path.join('.')] ??= []).push(issue.message);
  return errors;
};

describe('ZCapacityRules', () => {
  it('accepts the engine defaults, band 60–85 % under a 95 % cap', () => {
    expect(CAPACITY_DEFAULTS).toEqual({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 0.95 });
    expect(ZCapacityRules.safeParse(CAPACITY_DEFAULTS).success).toBe(true);
  });

  it('accepts every edge of the range: a 30 % band floor, a 50 % cap and a 100 % cap', () => {
    expect(ZCapacityRules.safeParse({ targetBandMin: 0.3, targetBandMax: 0.3, hardCap: 0.5 }).success).toBe(true);
    expect(ZCapacityRules.safeParse({ targetBandMin: 1, targetBandMax: 1, hardCap: 1 }).success).toBe(true);
    expect(ZCapacityRules.safeParse({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 1 }).success).toBe(true);
  });

  it('refuses a band minimum below 30 % on targetBandMin', () => {
    expect(fieldErrors({ targetBandMin: 0.29, targetBandMax: 0.85, hardCap: 0.95 })).toEqual({ targetBandMin: ['Target band minimum must be at least 30%.'] });
  });

  it('refuses a hard cap above 100 %, so no bin is ever planned past full', () => {
    expect(fieldErrors({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 1.01 })).toEqual({ hardCap: ['Hard cap must be at most 100%.'] });
  });

  it('refuses a hard cap below 50 % on hardCap', () => {
    expect(fieldErrors({ targetBandMin: 0.3, targetBandMax: 0.4, hardCap: 0.45 })).toEqual({ hardCap: ['Hard cap must be at least 50%.'] });
  });

  it('gives an out-of-range value one message, not a second one for the order it then breaks', () => {
    expect(fieldErrors({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 0.4 })).toEqual({ hardCap: ['Hard cap must be at least 50%.'] });
    expect(fieldErrors({ targetBandMin: 1.2, targetBandMax: 0.85, hardCap: 0.95 })).toEqual({ targetBandMin: ['Target band minimum must be at most 100%.'] });
  });

  it('refuses a band minimum above the band maximum on targetBandMin, naming both values', () => {
    expect(fieldErrors({ targetBandMin: 0.9, targetBandMax: 0.85, hardCap: 0.95 })).toEqual({
      targetBandMin: ['Target band minimum (90%) must not be above the target band maximum (85%).'],
    });
  });

  it('refuses a band maximum above the hard cap on targetBandMax, naming both values', () => {
    expect(fieldErrors({ targetBandMin: 0.6, targetBandMax: 0.97, hardCap: 0.95 })).toEqual({
      targetBandMax: ['Target band maximum (97%) must not be above the hard cap (95%).'],
    });
  });

  it('refuses text, NaN, infinity and missing values with the field named', () => {
    expect(Object.keys(fieldErrors({ targetBandMin: '0.6', targetBandMax: 0.85, hardCap: 0.95 }))).toEqual(['targetBandMin']);
    expect(Object.keys(fieldErrors({ targetBandMin: 0.6, targetBandMax: Number.NaN, hardCap: 0.95 }))).toEqual(['targetBandMax']);
    expect(Object.keys(fieldErrors({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: Number.POSITIVE_INFINITY }))).toEqual(['hardCap']);
    expect(fieldErrors({ targetBandMin: 0.6, targetBandMax: 0.85 })).toEqual({ hardCap: ['Hard cap must be a number.'] });
  });
});

describe('ZSetCapacitySettingsInput', () => {
  it('needs a reason of at least 5 characters, like every flag change', () => {
    expect(ZSetCapacitySettingsInput.safeParse({ ...CAPACITY_DEFAULTS, reason: 'Full warehouse in peak season' }).success).toBe(true);
    const short = ZSetCapacitySettingsInput.safeParse({ ...CAPACITY_DEFAULTS, reason: 'ok' });
    expect(short.success ? [] : short.error.issues.map((issue) => issue.path.join('.'))).toEqual(['reason']);
  });

  it('applies the same order rules as the stored rules', () => {
    const parsed = ZSetCapacitySettingsInput.safeParse({ targetBandMin: 0.6, targetBandMax: 0.97, hardCap: 0.95, reason: 'Trying a fuller band' });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))).toEqual(['targetBandMax']);
  });
});

describe('percent helpers', () => {
  it('formatPercent shows at most one decimal', () => {
    expect(formatPercent(0.95)).toBe('95%');
    expect(formatPercent(0.975)).toBe('97.5%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.6)).toBe('60%');
  });

  it('fractionToPercent is the percent a page edits, and percentToFraction brings it back', () => {
    for (const fraction of [0.3, 0.6, 0.85, 0.95, 0.975, 1]) expect(percentToFraction(fractionToPercent(fraction))).toBe(fraction);
    expect(fractionToPercent(0.975)).toBe(97.5);
  });

  it('percentToFraction rounds to a tenth of a percent, so typed percents compare exactly', () => {
    expect(percentToFraction(95)).toBe(0.95);
    expect(percentToFraction(97.5)).toBe(0.975);
    expect(percentToFraction(85.04)).toBe(0.85);
    expect(percentToFraction(100)).toBe(1);
  });
});

describe('engine config conversion', () => {
  it('capacityConfig gives the engine its targetBand and hardCap, and capacityOfConfig reads them back', () => {
    const rules = { targetBandMin: 0.65, targetBandMax: 0.9, hardCap: 0.975 };
    expect(capacityConfig(rules)).toEqual({ targetBand: { min: 0.65, max: 0.9 }, hardCap: 0.975 });
    expect(capacityOfConfig(capacityConfig(rules))).toEqual(rules);
  });
});

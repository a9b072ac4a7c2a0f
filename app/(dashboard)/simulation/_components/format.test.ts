import { describe, expect, it } from 'vitest';
import { oneUnitHint, pct } from './format';

describe('simulation percentages', () => {
  it('show one decimal and a dash when there is no reference', () => {
    expect(pct(31.44)).toBe('31.4%');
    expect(pct(-3.46)).toBe('-3.5%');
    expect(pct(null)).toBe('—');
  });

  it('never show a negative zero for a reduction that rounds to nothing', () => {
    expect(pct(-0.04)).toBe('0.0%');
    expect(pct(-0)).toBe('0.0%');
  });

  it('mention the bins holding one unit below the band only for results that measured them', () => {
    expect(oneUnitHint(0.126)).toBe('; 12.6% of bins hold one unit below it');
    expect(oneUnitHint(undefined)).toBe('');
  });
});

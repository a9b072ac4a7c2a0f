import { describe, expect, it } from 'vitest';
import { evaluateRule, parseRule, ruleName } from './rules';

describe('rule features', () => {
  it('round-trips a rule through its name', () => {
    const conditions = [{ feature: 'itemWeightLbs', operator: '>' as const, threshold: 912.5 }, { feature: 'zone=PAPER', operator: '<=' as const, threshold: 0.5 }];
    const name = ruleName(conditions);
    expect(name).toBe('rule: itemWeightLbs > 912.5 & zone=PAPER <= 0.5');
    expect(parseRule(name)).toEqual(conditions);
  });

  it('parses negative and exponent thresholds', () => {
    expect(parseRule('rule: score.fit <= -1.5e-7')).toEqual([{ feature: 'score.fit', operator: '<=', threshold: -1.5e-7 }]);
  });

  it('does not treat an ordinary feature name as a rule', () => {
    expect(parseRule('distanceFt')).toBeNull();
  });

  it('is 1 only when every condition holds', () => {
    const rule = parseRule('rule: a > 1 & b <= 2')!;
    const values = (a: number, b: number) => (name: string) => (name === 'a' ? a : b);
    expect(evaluateRule(rule, values(2, 2))).toBe(1);
    expect(evaluateRule(rule, values(1, 2))).toBe(0);
    expect(evaluateRule(rule, values(2, 3))).toBe(0);
  });
});

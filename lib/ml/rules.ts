/**
 * Rule features: conjunctions of one or two threshold conditions on base features, named
 * so the name alone is enough to evaluate them (the model stays "weights by name"):
 *
 *   "rule: itemWeightLbs > 912.5 & level > 4.5"
 *
 * They let a logistic regression express "heavy AND high up" or "bin above 90% full",
 * which a weighted sum of the raw features cannot.
 */
export const RULE_PREFIX = 'rule: ';

export type RuleCondition = { feature: string; operator: '<=' | '>'; threshold: number };

export function ruleName(conditions: readonly RuleCondition[]): string {
  return RULE_PREFIX + conditions.map((c) => `${c.feature} ${c.operator} ${c.threshold}`).join(' & ');
}

const parsed = new Map<string, RuleCondition[] | null>();

/** The conditions of a rule feature name, or null if the name is not a rule. Memoized. */
export function parseRule(name: string): RuleCondition[] | null {
  const cached = parsed.get(name);
  if (cached !== undefined) return cached;
  let result: RuleCondition[] | null = null;
  if (name.startsWith(RULE_PREFIX)) {
    result = [];
    for (const part of name.slice(RULE_PREFIX.length).split(' & ')) {
      const match = /^(.*) (<=|>) (-?[0-9.eE+-]+|-?Infinity)$/.exec(part);
      const threshold = match ? Number(match[3]) : NaN;
      if (!match || Number.isNaN(threshold)) {
        result = null;
        break;
      }
      result.push({ feature: match[1], operator: match[2] as '<=' | '>', threshold });
    }
  }
  if (parsed.size > 10_000) parsed.clear();
  parsed.set(name, result);
  return result;
}

/** 1 when every condition holds for the (already imputed) base values, else 0. */
export function evaluateRule(conditions: readonly RuleCondition[], valueOf: (feature: string) => number): number {
  for (const condition of conditions) {
    const value = valueOf(condition.feature);
    if (Number.isNaN(value)) return 0;
    if (condition.operator === '<=' ? !(value <= condition.threshold) : !(value > condition.threshold)) return 0;
  }
  return 1;
}

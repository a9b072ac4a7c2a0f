import { z } from 'zod';
import { seededRandom } from './random';
import type { Situation } from './simulated-warehouse';

/**
 * A simulated supervisor with a HIDDEN preference model, for the evaluation harness.
 * It decides from the physical situation, not from the optimizer's features:
 *
 *   utility = bias + Σ rule.weight  (rules whose every condition holds)
 *                  + Σ term.weight × (situation[term.attribute] − term.center) / term.scale
 *   clean decision = accept if utility > 0
 *
 * and then flips each decision with probability `noise` (a tired supervisor, a reason
 * the data does not show). The clean decision is a deterministic function of the
 * situation, so the best any model can do is 1 − noise: that is the Bayes ceiling.
 * Preferences come from JSON so the harness can be pointed at rules the code has never seen.
 */
const ZCondition = z
  .object({ gt: z.number().optional(), gte: z.number().optional(), lt: z.number().optional(), lte: z.number().optional(), eq: z.number().optional() })
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'a condition needs at least one of gt, gte, lt, lte, eq');

export const ZPreferences = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    bias: z.number(),
    rules: z.array(z.object({ name: z.string().min(1), when: z.record(z.string(), ZCondition), weight: z.number() }).strict()).default([]),
    terms: z.array(z.object({ attribute: z.string(), weight: z.number(), center: z.number().default(0), scale: z.number().positive().default(1) }).strict()).default([]),
  })
  .strict();

export type TPreferences = z.infer<typeof ZPreferences>;
type TCondition = z.infer<typeof ZCondition>;

/** Parses and checks a preference file against the attributes the warehouse provides. */
export function parsePreferences(json: unknown, attributes: readonly string[]): TPreferences {
  const parsed = ZPreferences.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid preferences: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const known = new Set(attributes);
  const used = [...parsed.data.rules.flatMap((rule) => Object.keys(rule.when)), ...parsed.data.terms.map((term) => term.attribute)];
  const unknown = used.filter((name) => !known.has(name));
  if (unknown.length) throw new Error(`Invalid preferences: unknown attribute(s) ${[...new Set(unknown)].join(', ')}; known: ${[...known].join(', ')}.`);
  return parsed.data;
}

function holds(value: number, condition: TCondition): boolean {
  if (condition.gt !== undefined && !(value > condition.gt)) return false;
  if (condition.gte !== undefined && !(value >= condition.gte)) return false;
  if (condition.lt !== undefined && !(value < condition.lt)) return false;
  if (condition.lte !== undefined && !(value <= condition.lte)) return false;
  if (condition.eq !== undefined && value !== condition.eq) return false;
  return true;
}

export function utilityOf(preferences: TPreferences, situation: Situation): number {
  let utility = preferences.bias;
  for (const rule of preferences.rules) {
    if (Object.entries(rule.when).every(([attribute, condition]) => holds(situation[attribute], condition))) utility += rule.weight;
  }
  for (const term of preferences.terms) utility += (term.weight * (situation[term.attribute] - term.center)) / term.scale;
  return utility;
}

export type SupervisorDecision = { accepted: boolean; cleanAccepted: boolean; flipped: boolean };

/**
 * Decides every situation; `noise` in [0, 0.5) is the probability a decision is flipped.
 * Deterministic for a given seed.
 */
export function superviseAll(preferences: TPreferences, situations: readonly Situation[], noise: number, seed: number): SupervisorDecision[] {
  if (!(noise >= 0 && noise < 0.5)) throw new Error(`noise must be in [0, 0.5), got ${noise}.`);
  const random = seededRandom(seed ^ 0x5eed);
  return situations.map((situation) => {
    const cleanAccepted = utilityOf(preferences, situation) > 0;
    const flipped = random() < noise;
    return { accepted: flipped ? !cleanAccepted : cleanAccepted, cleanAccepted, flipped };
  });
}

/** Best possible accuracy: the clean decision is a function of the situation, so 1 − noise. */
export function bayesCeiling(noise: number): number {
  return 1 - noise;
}

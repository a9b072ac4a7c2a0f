import { SCORE_COMPONENTS } from '@/lib/optimizer/putaway/scoring';

/**
 * A breakdown read back from jsonb comes out in PostgreSQL's key order (shorter keys first), so
 * a reopened batch would list the components differently from a fresh one unless the order is
 * fixed here: the engine's (`SCORE_COMPONENTS`).
 */
const rank = new Map<string, number>(SCORE_COMPONENTS.map((key, index) => [key, index]));

/** The breakdown's entries in the engine's order; keys it does not know follow, alphabetically. */
export function orderedBreakdown(breakdown: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(breakdown).sort(([a], [b]) => {
    const ra = rank.get(a) ?? SCORE_COMPONENTS.length;
    const rb = rank.get(b) ?? SCORE_COMPONENTS.length;
    if (ra !== rb) return ra - rb;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

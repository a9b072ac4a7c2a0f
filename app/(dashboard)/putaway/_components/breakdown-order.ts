/**
 * The engine's order of score components (lib/optimizer/putaway/scoring.ts). A breakdown read
 * back from jsonb comes out in PostgreSQL's key order (shorter keys first), so a reopened batch
 * would list the components differently from a fresh one unless the order is fixed here.
 */
export const BREAKDOWN_ORDER = ['travel', 'utilization', 'affinity', 'congestion', 'consolidation'] as const;

const rank = new Map<string, number>(BREAKDOWN_ORDER.map((key, index) => [key, index]));

/** The breakdown's entries in the engine's order; keys it does not know follow, alphabetically. */
export function orderedBreakdown(breakdown: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(breakdown).sort(([a], [b]) => {
    const ra = rank.get(a) ?? BREAKDOWN_ORDER.length;
    const rb = rank.get(b) ?? BREAKDOWN_ORDER.length;
    if (ra !== rb) return ra - rb;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

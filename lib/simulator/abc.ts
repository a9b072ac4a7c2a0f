import type { AbcClass } from './policies/types';

/**
 * ABC classes from pick history, the way the product classifies: skus ranked by order lines
 * (pick frequency, which drives travel); A = the skus making the first 80% of lines, B the next
 * 15%, C the rest and every sku never ordered.
 */
export function deriveAbc(lineCounts: ReadonlyMap<string, number>, skus: Iterable<string>, explicit?: ReadonlyMap<string, AbcClass>): Map<string, AbcClass> {
  const result = new Map<string, AbcClass>();
  const ranked = [...lineCounts.entries()].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = ranked.reduce((sum, [, count]) => sum + count, 0);
  let running = 0;
  for (const [sku, count] of ranked) {
    // Classify by the share before this sku, so the sku that crosses 80% is still A.
    result.set(sku, running < 0.8 * total ? 'A' : running < 0.95 * total ? 'B' : 'C');
    running += count;
  }
  for (const sku of skus) {
    const given = explicit?.get(sku);
    if (given) result.set(sku, given);
    else if (!result.has(sku)) result.set(sku, 'C');
  }
  return result;
}

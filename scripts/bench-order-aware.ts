/**
 * Order-aware travel cost (lib/optimizer/putaway/tour-cost.ts): optimizePutaway on a seeded
 * synthetic warehouse with and without `context.recentOrders`, side by side in one run,
 * alternating the two so machine noise hits both alike.
 *
 *   npx tsx scripts/bench-order-aware.ts [--runs N]
 *
 * Prints one JSON object: per size, the median and max ms of each mode and their ratio.
 */
import { mulberry32, optimizePutaway, syntheticWarehouse, MAX_RECENT_ORDERS } from '../lib/optimizer/index';
import { medianOf as median } from './lib/median';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 5) : 5;

/** Random orders of 2–7 SKUs (20 per SKU on average), plus co-picked pairs with lift 3. */
function ordersFor(skus: readonly string[], seed: number): { orders: string[][]; affinity: { skuA: string; skuB: string; lift: number }[] } {
  const rand = mulberry32(seed);
  const orders: string[][] = [];
  for (let o = 0; o < skus.length * 20; o++) {
    const lines = new Set<string>();
    for (let k = 2 + Math.floor(rand() * 6); k > 0; k--) lines.add(skus[Math.floor(rand() * skus.length)]);
    orders.push([...lines]);
  }
  for (let i = 0; i + 1 < skus.length; i += 2) for (let k = 0; k < 5; k++) orders.push([skus[i], skus[i + 1]]);
  const affinity = [];
  for (let i = 0; i + 1 < skus.length; i += 2) affinity.push({ skuA: skus[i], skuB: skus[i + 1], lift: 3 });
  return { orders: orders.slice(-MAX_RECENT_ORDERS), affinity };
}

const results = [];
for (const [locations, lines] of [[10_000, 50], [10_000, 500], [100_000, 1_000]] as const) {
  const w = syntheticWarehouse({ locations, lines, unitsPerLine: 10, seed: 7 });
  const { orders, affinity } = ordersFor([...new Set(w.items.map((item) => item.sku))], 3);
  const ms: Record<'without' | 'with', number[]> = { without: [], with: [] };
  for (let run = 0; run < runs; run++) {
    for (const mode of ['without', 'with'] as const) {
      const context = { ...w.context, affinity, ...(mode === 'with' ? { recentOrders: orders } : {}) };
      const started = performance.now();
      optimizePutaway({ items: w.items, locations: w.locations, context });
      ms[mode].push(performance.now() - started);
    }
  }
  results.push({
    locations,
    lines,
    units: lines * 10,
    recentOrders: orders.length,
    medianMsWithout: Math.round(median(ms.without)),
    medianMsWith: Math.round(median(ms.with)),
    maxMsWith: Math.round(Math.max(...ms.with)),
    ratio: Math.round((median(ms.with) / median(ms.without)) * 100) / 100,
  });
}
console.log(JSON.stringify({ runs, results }, null, 2));

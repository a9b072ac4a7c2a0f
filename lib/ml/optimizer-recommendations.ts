import { optimizePutaway, syntheticWarehouse, type PackingAlgorithm } from '@/lib/optimizer';
import type { SimulatedRecommendation } from './simulated-warehouse';

const ALGORITHMS: readonly PackingAlgorithm[] = ['FFD', 'BFD', 'HYBRID'];
const LEVELS = 4;

/**
 * Recommendations made by the REAL optimizer (`optimizePutaway`) on its seeded synthetic
 * warehouses (4 levels, units of 1–61 lbs, aisles 10 ft apart), batch after batch, so the
 * features are exactly the production ones. The supervisor's situation is read off the
 * same recommendation (level, unit weight, open pick tasks, fill, distance…): here the
 * supervisor sees nothing the model cannot, so the ceiling 1 − noise is exact.
 * Slower than the stand-in (the optimizer does the full search): about 1,000 rows a second.
 */
export function optimizerRecommendations(count: number, seed: number): SimulatedRecommendation[] {
  const result: SimulatedRecommendation[] = [];
  for (let batch = 0; result.length < count; batch++) {
    const warehouse = syntheticWarehouse({ locations: 1200, lines: 60, unitsPerLine: 2, seed: seed * 100_000 + batch });
    const output = optimizePutaway({
      items: warehouse.items,
      locations: warehouse.locations,
      context: warehouse.context,
      config: { algorithm: ALGORITHMS[batch % ALGORITHMS.length], flags: { ML_MODEL_ENABLED: false } },
      clock: () => 0,
    });
    for (const recommendation of output.recommendations) {
      if (result.length >= count) break;
      const f = recommendation.features;
      result.push({
        features: f,
        situation: {
          itemWeightLbs: f.unit_weight_lbs,
          level: f.level,
          topLevel: f.level === LEVELS ? 1 : 0,
          levels: LEVELS,
          openPickTasksInAisle: f.congestion_open_tasks,
          aisleCongestion: Math.min(1, f.congestion_open_tasks / 12),
          fillAfter: f.fill_after,
          fillBefore: recommendation.fillBefore,
          distanceFt: f.distance_ft,
          abcA: f.abc_a,
          abcB: f.abc_b,
          abcC: f.abc_c,
          crossDock: f.cross_dock,
          affinityNeighbours: f.affinity_lift,
          sameSku: f.score_consolidation > 0 ? 1 : 0,
          margin: f.margin_to_runner_up / 100,
          pickFace: f.loc_pick_face,
        },
      });
    }
    if (batch > count) throw new Error('The synthetic warehouses produced no recommendations.');
  }
  return result;
}

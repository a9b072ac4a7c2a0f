import type { FeatureVector } from '@/lib/optimizer';
import { normal, seededRandom } from './random';

/**
 * Putaway recommendations over a warehouse shaped like the demo one (finished goods, paper
 * rolls, inks & chemicals, plates & small parts; dock at the origin, aisles 10 ft apart),
 * for the evaluation harness. Each one has two views:
 *
 *  - `situation`: the physical facts a supervisor looks at on the floor (how heavy the
 *    item is, which level, how busy the aisle is, how full the bin ends up…). The hidden
 *    preference model decides from these.
 *  - `features`: what the optimizer records with the recommendation (score components,
 *    margin to the runner-up, fill, distance, ABC, zone, type…). The model learns from
 *    these only — it never sees the preference rules.
 */
export type Situation = Record<string, number>;

/** Every attribute of a situation, for validating preference files. */
export const SITUATION_ATTRIBUTES = [
  'itemWeightLbs', 'level', 'topLevel', 'levels', 'openPickTasksInAisle', 'aisleCongestion', 'fillAfter', 'fillBefore', 'distanceFt',
  'abcA', 'abcB', 'abcC', 'crossDock', 'affinityNeighbours', 'sameSku', 'margin', 'pickFace',
] as const;

export type SimulatedRecommendation = { situation: Situation; features: FeatureVector };

type ZoneSpec = { code: string; share: number; levels: string[]; aisles: number; bayFeet: number; firstAisle: number; weight: () => number };

const TARGET_LOW = 0.6;
const TARGET_HIGH = 0.85;

function zones(random: () => number): ZoneSpec[] {
  const between = (a: number, b: number) => a + (b - a) * random();
  return [
    { code: 'FINISHED', share: 0.38, levels: ['PICK_FACE', 'PICK_FACE', 'RESERVE', 'RESERVE', 'RESERVE'], aisles: 8, bayFeet: 6, firstAisle: 0, weight: () => between(150, 1400) },
    { code: 'PAPER', share: 0.26, levels: ['BULK', 'RESERVE', 'RESERVE'], aisles: 6, bayFeet: 8, firstAisle: 8, weight: () => between(600, 2600) },
    { code: 'INK', share: 0.12, levels: ['PICK_FACE', 'RESERVE', 'RESERVE', 'RESERVE'], aisles: 3, bayFeet: 8, firstAisle: 14, weight: () => (random() < 0.35 ? between(400, 1000) : between(40, 300)) },
    { code: 'PLATES', share: 0.24, levels: ['PICK_FACE', 'PICK_FACE', 'PICK_FACE', 'PICK_FACE', 'PICK_FACE'], aisles: 5, bayFeet: 5, firstAisle: 17, weight: () => between(10, 250) },
  ];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

const HARD_CAP = 0.95;

/** Utilization term in [-1, 1]: rises to 1 at the band, 1 inside it, −1 at the hard cap. */
function utilizationTerm(fillAfter: number): number {
  if (fillAfter < TARGET_LOW) return fillAfter / TARGET_LOW;
  if (fillAfter <= TARGET_HIGH) return 1;
  return Math.max(-1, 1 - (2 * (fillAfter - TARGET_HIGH)) / (HARD_CAP - TARGET_HIGH));
}

/** Same bounded zone encoding as the optimizer (FNV-1a into 64 buckets). */
function zoneBucket(zone: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < zone.length; i++) {
    h ^= zone.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 64) / 64;
}

export function simulateRecommendations(count: number, seed: number): SimulatedRecommendation[] {
  const random = seededRandom(seed);
  const specs = zones(random);
  // Congestion is a property of the aisle at the time (open pick tasks), drifting slowly.
  const aisleCount = specs.reduce((sum, z) => sum + z.aisles, 0);
  const congestion = Array.from({ length: aisleCount }, () => Math.floor(random() * 7));
  const result: SimulatedRecommendation[] = [];
  for (let i = 0; i < count; i++) {
    // Mean-reverting drift around 3 open tasks: most aisles are quiet, a few get busy for a while.
    if (i % 50 === 0) for (let a = 0; a < aisleCount; a++) congestion[a] = Math.max(0, Math.min(15, Math.round(0.85 * congestion[a] + 0.15 * 3 + normal(random) * 1.6)));
    const crossDock = random() < 0.06;
    let pickZone = random();
    const zone = specs.find((z) => (pickZone -= z.share) < 0) ?? specs[0];
    const abcRoll = random();
    const abc = abcRoll < 0.2 ? 'A' : abcRoll < 0.5 ? 'B' : 'C';
    const weightLbs = zone.weight();
    const levelIndex = crossDock ? 0 : Math.floor(random() * zone.levels.length);
    const level = levelIndex + 1;
    const topLevel = level === zone.levels.length && level > 1 ? 1 : 0;
    const aisle = zone.firstAisle + Math.floor(random() * zone.aisles);
    const bay = 1 + Math.floor(random() * 20);
    const distanceFt = crossDock ? 15 + random() * 60 : 30 + aisle * 10 + 40 + (bay - 0.5) * zone.bayFeet;
    const openTasks = crossDock ? 0 : congestion[aisle];
    const fillBefore = random() < 0.3 ? 0 : random() * 0.8;
    const fillAfter = Math.min(0.95, fillBefore + 0.05 + random() * 0.45);
    const affinityNeighbours = random() < 0.35 ? 1 + Math.floor(random() * 3) : 0;
    const sameSku = fillBefore > 0 && random() < 0.2 ? 1 : 0;
    const margin = -Math.log(Math.max(random(), 1e-9)) * 0.04;
    const algorithm = ['FFD', 'BFD', 'HYBRID'][Math.floor(random() * 3)];
    const locationType = crossDock ? 'STAGING' : zone.levels[levelIndex];

    // Score components in points, shaped like lib/optimizer's scorePlacement (weights
    // travel 30, utilization 30, affinity 15, congestion 15, consolidation 10).
    const velocity = abc === 'A' ? 1 : abc === 'B' ? 0.5 : -0.5;
    const distanceNorm = clamp01(distanceFt / 450);
    const breakdown = {
      travel: 30 * (velocity > 0 ? velocity * (1 - distanceNorm) : -velocity * distanceNorm),
      utilization: 30 * utilizationTerm(fillAfter),
      affinity: 15 * Math.min(1, affinityNeighbours / 3),
      congestion: -15 * Math.min(1, openTasks / 10),
      consolidation: 10 * sameSku,
    };
    const total = breakdown.travel + breakdown.utilization + breakdown.affinity + breakdown.congestion + breakdown.consolidation;
    const quantity = 1 + Math.floor(random() * 4);

    result.push({
      situation: {
        itemWeightLbs: weightLbs, level, topLevel, levels: zone.levels.length, openPickTasksInAisle: openTasks,
        aisleCongestion: clamp01(openTasks / 12), fillAfter, fillBefore, distanceFt, abcA: abc === 'A' ? 1 : 0,
        abcB: abc === 'B' ? 1 : 0, abcC: abc === 'C' ? 1 : 0, crossDock: crossDock ? 1 : 0, affinityNeighbours,
        sameSku, margin, pickFace: locationType === 'PICK_FACE' ? 1 : 0,
      },
      // The optimizer's FeatureVector (lib/optimizer/putaway/features.ts FEATURE_NAMES).
      features: {
        score_total: total,
        score_travel: breakdown.travel,
        score_utilization: breakdown.utilization,
        score_affinity: breakdown.affinity,
        score_congestion: breakdown.congestion,
        score_consolidation: breakdown.consolidation,
        margin_to_runner_up: margin * 100,
        fill_after: fillAfter,
        weight_fill_after: clamp01(fillAfter * (0.5 + weightLbs / 5000)),
        distance_ft: distanceFt,
        abc_a: abc === 'A' ? 1 : 0,
        abc_b: abc === 'B' ? 1 : 0,
        abc_c: abc === 'C' ? 1 : 0,
        affinity_lift: affinityNeighbours,
        congestion_open_tasks: openTasks,
        cross_dock: crossDock ? 1 : 0,
        algo_ffd: algorithm === 'FFD' ? 1 : 0,
        algo_bfd: algorithm === 'BFD' ? 1 : 0,
        algo_hybrid: algorithm === 'HYBRID' ? 1 : 0,
        level,
        loc_pick_face: locationType === 'PICK_FACE' ? 1 : 0,
        loc_reserve: locationType === 'RESERVE' ? 1 : 0,
        loc_bulk: locationType === 'BULK' ? 1 : 0,
        loc_staging: locationType === 'STAGING' ? 1 : 0,
        loc_dock: 0,
        zone_bucket: zoneBucket(crossDock ? 'RECV' : zone.code),
        // The supervisor judges the handling unit: its weight is the unit weight.
        unit_weight_lbs: weightLbs,
        quantity,
        alternatives_count: 1 + Math.floor(random() * 5),
      },
    });
  }
  return result;
}

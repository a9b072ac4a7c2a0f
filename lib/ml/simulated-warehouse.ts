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

export type SimulatedRecommendation = { situation: Situation; features: Record<string, number | string | boolean> };

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

/** Fit score: 1 inside the target band, falling off linearly outside it. */
function fitScore(fillAfter: number): number {
  if (fillAfter < TARGET_LOW) return clamp01(fillAfter / TARGET_LOW);
  if (fillAfter <= TARGET_HIGH) return 1;
  return clamp01(1 - (fillAfter - TARGET_HIGH) / (1 - TARGET_HIGH));
}

export function simulateRecommendations(count: number, seed: number): SimulatedRecommendation[] {
  const random = seededRandom(seed);
  const specs = zones(random);
  // Congestion is a property of the aisle at the time (open pick tasks), drifting slowly.
  const aisleCount = specs.reduce((sum, z) => sum + z.aisles, 0);
  const congestion = Array.from({ length: aisleCount }, () => Math.floor(random() * 8));
  const result: SimulatedRecommendation[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 50 === 0) for (let a = 0; a < aisleCount; a++) congestion[a] = Math.max(0, Math.min(15, congestion[a] + Math.round(normal(random) * 2)));
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

    const abcWeight = abc === 'A' ? 1 : abc === 'B' ? 0.6 : 0.3;
    const components = {
      fit: fitScore(fillAfter),
      travel: abcWeight * clamp01(1 - distanceFt / 500),
      // Heavy loads high up: weight (per 2,500 lbs) times height (level over levels).
      ergonomics: 1 - clamp01(weightLbs / 2500) * (level / zone.levels.length),
      affinity: affinityNeighbours / 3,
      congestion: 1 - clamp01(openTasks / 12),
      consolidation: sameSku,
    };
    const total = 0.3 * components.fit + 0.25 * components.travel + 0.15 * components.ergonomics + 0.1 * components.affinity + 0.1 * components.congestion + 0.1 * components.consolidation;

    result.push({
      situation: {
        itemWeightLbs: weightLbs, level, topLevel, levels: zone.levels.length, openPickTasksInAisle: openTasks,
        aisleCongestion: clamp01(openTasks / 12), fillAfter, fillBefore, distanceFt, abcA: abc === 'A' ? 1 : 0,
        abcB: abc === 'B' ? 1 : 0, abcC: abc === 'C' ? 1 : 0, crossDock: crossDock ? 1 : 0, affinityNeighbours,
        sameSku, margin, pickFace: locationType === 'PICK_FACE' ? 1 : 0,
      },
      features: {
        scoreTotal: total,
        ...Object.fromEntries(Object.entries(components).map(([k, v]) => [`score.${k}`, v])),
        marginToRunnerUp: margin,
        fillAfterPct: fillAfter * 100,
        distanceFt,
        abcClass: abc,
        affinityNeighbours,
        openPickTasksInAisle: openTasks,
        crossDock,
        algorithm,
        zone: crossDock ? 'RECV' : zone.code,
        locationType,
        level,
        itemWeightLbs: weightLbs,
      },
    });
  }
  return result;
}

import { mulberry32, randomInt } from '../prng';
import type { AbcClass, CandidateLocation, LocationType, PutawayContext, PutawayItem } from './types';

/** Options of {@link syntheticWarehouse}. */
export type SyntheticOptions = {
  /** Number of candidate locations (>= 1). */
  locations: number;
  /** Number of received lines (>= 1). */
  lines: number;
  /** Units per line (>= 1). */
  unitsPerLine: number;
  seed: number;
  /** Share of locations that are STAGING (default 0.01). */
  stagingShare?: number;
};

/**
 * A seeded synthetic warehouse for tests and benchmarks: a grid of aisles
 * (10 ft apart) and bays (4 ft apart) with 4 levels, mixed bin types, some
 * already partly full, plus a batch of received lines, co-pick pairs, open
 * pick tasks and open demand. The same options always give the same data.
 */
export function syntheticWarehouse(o: SyntheticOptions): {
  items: PutawayItem[];
  locations: CandidateLocation[];
  context: PutawayContext;
} {
  const rand = mulberry32(o.seed);
  const skuCount = Math.max(1, Math.ceil(o.lines * 0.8));
  const skus = Array.from({ length: skuCount }, (_, i) => `SKU-${String(i).padStart(6, '0')}`);
  const perAisle = 200;
  const locations: CandidateLocation[] = [];
  const staging = Math.max(1, Math.round(o.locations * (o.stagingShare ?? 0.01)));
  for (let i = 0; i < o.locations; i++) {
    const isStaging = i < staging;
    const slot = isStaging ? i : i - staging;
    const aisle = Math.floor(slot / perAisle);
    const bay = Math.floor((slot % perAisle) / 4);
    const level = (slot % 4) + 1;
    const r = rand();
    const type: LocationType = isStaging ? 'STAGING' : r < 0.3 ? 'PICK_FACE' : r < 0.85 ? 'RESERVE' : 'BULK';
    const cubicFeet = type === 'BULK' ? 120 : type === 'RESERVE' ? 60 : 20;
    const fill = rand() < 0.5 ? rand() * 0.7 : 0;
    const held = fill > 0 ? [skus[randomInt(rand, skuCount)]] : [];
    locations.push({
      id: `L${i}`,
      code: isStaging ? `STG-${String(i).padStart(3, '0')}` : `A${String(aisle).padStart(3, '0')}-B${String(bay).padStart(2, '0')}-L${level}`,
      zone: isStaging ? 'DOCK' : `Z${Math.floor(aisle / 10)}`,
      aisle: isStaging ? 'STG' : `A${aisle}`,
      bay: String(bay),
      level,
      x: isStaging ? i * 2 : aisle * 10 + 5,
      y: isStaging ? 0 : bay * 4 + 10,
      type,
      cubicFeet,
      maxWeightLbs: cubicFeet * 30,
      insideInches: type === 'BULK' ? { l: 96, w: 48, h: 60 } : type === 'RESERVE' ? { l: 48, w: 40, h: 52 } : { l: 36, w: 24, h: 40 },
      usedCubicFeet: fill * cubicFeet,
      usedWeightLbs: fill * cubicFeet * 8,
      skus: held,
      lots: held.length ? ['LOT-0'] : [],
      allowMixing: rand() < 0.8,
      isActive: rand() < 0.98,
    });
  }
  const abcs: AbcClass[] = ['A', 'B', 'C'];
  const items: PutawayItem[] = Array.from({ length: o.lines }, (_, i) => ({
    sku: skus[i % skuCount],
    quantity: o.unitsPerLine,
    lengthIn: 6 + randomInt(rand, 24),
    widthIn: 6 + randomInt(rand, 18),
    heightIn: 4 + randomInt(rand, 18),
    unitWeightLbs: 1 + randomInt(rand, 60),
    abc: abcs[rand() < 0.2 ? 0 : rand() < 0.5 ? 1 : 2],
    lotNumber: `LOT-${randomInt(rand, 3)}`,
  }));
  const affinity = Array.from({ length: Math.min(5000, skuCount * 2) }, () => ({
    skuA: skus[randomInt(rand, skuCount)],
    skuB: skus[randomInt(rand, skuCount)],
    lift: 1 + rand() * 3,
  }));
  const openPickTasksByAisle: Record<string, number> = {};
  for (let a = 0; a < Math.ceil(o.locations / perAisle); a++) openPickTasksByAisle[`A${a}`] = randomInt(rand, 15);
  const now = 1_767_225_600_000; // 2026-01-01T00:00:00Z
  const openDemand = Array.from({ length: Math.ceil(o.lines * 0.05) }, (_, k) => ({
    sku: skus[randomInt(rand, skuCount)],
    quantity: 1 + randomInt(rand, o.unitsPerLine),
    dueAt: now + randomInt(rand, 48) * 3_600_000,
    orderRef: `SO-${1000 + k}`,
  }));
  return { items, locations, context: { dock: { x: 0, y: 0 }, affinity, openPickTasksByAisle, openDemand, now, seed: o.seed } };
}

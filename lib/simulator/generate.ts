import { mulberry32, weightedSampler } from '../optimizer';
import type { Scenario, ScenarioEvent, ScenarioLocation, ScenarioMaterial } from './scenario';
import { STORAGE_TYPES, WarehouseState, materialMap } from './state';

/**
 * Realistic print-warehouse scenarios for tests and demos (docs/simulator.md, "Generator").
 * - Layout: parallel aisles of pick-face shelving, pallet reserve racks and bulk floor lanes
 *   (one SKU per lane), plus staging lanes at the dock. Which zone sits where is drawn from the
 *   seed, and codes are zone-aisle-bay-level: code order follows naming, not distance.
 * - Demand: Pareto sku popularity, co-picked job families (paper + CMYK inks + plate + ...),
 *   seasonal bursts of a few families, and rush orders due the same day.
 * - Receipts: reorder-point replenishment sized so stock fills ~60% of the storage cube, with
 *   1–3 days lead time; what is ordered by the last order day arrives, even after it. History
 *   orders on days -14..-1 (for ABC and affinity); abc is left out of the materials, as an export
 *   would.
 */
export type GenerateOptions = { seed: number; locations: number; skus: number; days: number; ordersPerDay?: number; targetFill?: number };

type ZoneSpec = { zone: string; type: ScenarioLocation['type']; levels: number; inside: { l: number; w: number; h: number }; maxWeightLbs: number; share: number; allowMixing: boolean };

const ZONES: readonly ZoneSpec[] = [
  { zone: 'PF', type: 'PICK_FACE', levels: 5, inside: { l: 48, w: 24, h: 20 }, maxWeightLbs: 400, share: 0.5, allowMixing: true },
  { zone: 'RS', type: 'RESERVE', levels: 4, inside: { l: 48, w: 48, h: 60 }, maxWeightLbs: 2500, share: 0.4, allowMixing: true },
  { zone: 'BK', type: 'BULK', levels: 1, inside: { l: 96, w: 48, h: 72 }, maxWeightLbs: 6000, share: 0.1, allowMixing: false },
];
const BAYS_PER_SIDE = 20;
const BAY_PITCH_FEET = 4;
const AISLE_PITCH_FEET = 12;
const STAGING_SHARE = 0.02;

type Family = { skus: string[]; weight: number };

/** Unit dimensions (inches), weights (lbs) and units per order line of each material family. */
const CATEGORIES = [
  { prefix: 'ROLL', share: 0.12, dims: [40, 40, 50], weight: [700, 1500], lineQuantity: [1, 2] },
  { prefix: 'INK', share: 0.3, dims: [12, 12, 10], weight: [15, 40], lineQuantity: [1, 8] },
  { prefix: 'PLATE', share: 0.12, dims: [40, 30, 2], weight: [20, 40], lineQuantity: [2, 20] },
  { prefix: 'CHEM', share: 0.1, dims: [12, 12, 14], weight: [30, 50], lineQuantity: [1, 6] },
  { prefix: 'PART', share: 0.2, dims: [6, 4, 3], weight: [0.5, 3], lineQuantity: [2, 40] },
  { prefix: 'CTN', share: 0.16, dims: [18, 12, 10], weight: [10, 30], lineQuantity: [2, 24] },
] as const;

export function generateScenario(options: GenerateOptions): Scenario {
  const rand = mulberry32(options.seed * 7919 + 17);
  const between = (low: number, high: number) => low + rand() * (high - low);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');

  // Layout: shuffle the zone blocks along the building so code order and distance disagree.
  const storageCount = Math.max(3, Math.round(options.locations * (1 - STAGING_SHARE)));
  const stagingCount = Math.max(1, options.locations - storageCount);
  const blocks = ZONES.map((spec) => ({ spec, count: Math.max(1, Math.round(storageCount * spec.share)) }));
  for (let index = blocks.length - 1; index > 0; index -= 1) {
    const other = Math.floor(rand() * (index + 1));
    [blocks[index], blocks[other]] = [blocks[other], blocks[index]];
  }
  const locations: ScenarioLocation[] = [];
  let aisleNumber = 0;
  for (const { spec, count } of blocks) {
    let made = 0;
    while (made < count) {
      aisleNumber += 1;
      const x = aisleNumber * AISLE_PITCH_FEET;
      for (let bay = 1; bay <= BAYS_PER_SIDE && made < count; bay += 1) {
        for (const side of [0, 1]) {
          for (let level = 1; level <= spec.levels && made < count; level += 1) {
            const bayNumber = bay * 2 - 1 + side;
            const { l, w, h } = spec.inside;
            locations.push({
              code: `${spec.zone}-${pad(aisleNumber, 2)}-${pad(bayNumber, 2)}-${level}`,
              zone: spec.zone,
              aisle: pad(aisleNumber, 2),
              bay: bayNumber,
              level,
              x: x + (side === 0 ? -2 : 2),
              y: 10 + bay * BAY_PITCH_FEET,
              type: spec.type,
              cubicFeet: Math.round(((l * w * h) / 1728) * 100) / 100,
              maxWeightLbs: spec.maxWeightLbs,
              insideInches: { l, w, h },
              allowMixing: spec.allowMixing,
            });
            made += 1;
          }
        }
      }
    }
  }
  const width = (aisleNumber + 1) * AISLE_PITCH_FEET;
  const dock = { x: Math.round(width * between(0.3, 0.7)), y: 0 };
  for (let index = 0; index < stagingCount; index += 1) {
    locations.push({
      code: `ST-${pad(index + 1, 3)}`,
      zone: 'ST',
      aisle: 'ST',
      bay: index + 1,
      level: 1,
      x: dock.x - stagingCount * 2 + index * 4,
      y: 4,
      type: 'STAGING',
      cubicFeet: 192,
      maxWeightLbs: 6000,
      insideInches: { l: 96, w: 48, h: 72 },
    });
  }

  // Materials and their popularity (Pareto: weight ~ 1 / rank).
  const materials: ScenarioMaterial[] = [];
  CATEGORIES.forEach((category) => {
    const count = Math.max(1, Math.round(options.skus * category.share));
    for (let index = 0; index < count && materials.length < options.skus; index += 1) {
      const [l, w, h] = category.dims.map((dim) => Math.round(dim * between(0.85, 1.1)));
      materials.push({ sku: `${category.prefix}-${pad(index + 1, 4)}`, lengthIn: l, widthIn: w, heightIn: h, weightLbs: Math.round(between(category.weight[0], category.weight[1]) * 10) / 10 });
    }
  });
  const skus = materials.map((material) => material.sku);
  const popularity = new Map<string, number>();
  const ranks = [...skus].sort(() => rand() - 0.5);
  ranks.forEach((sku, rank) => popularity.set(sku, 1 / (rank + 1)));

  // Co-picked families: a job pulls one roll, a few inks, a plate, a chemical.
  const byPrefix = (prefix: string) => skus.filter((sku) => sku.startsWith(prefix));
  const pick = (list: string[]) => list[Math.floor(rand() * list.length)];
  const families: Family[] = [];
  for (let index = 0; index < Math.max(5, Math.round(options.skus / 8)); index += 1) {
    const members = new Set<string>([pick(byPrefix('ROLL')), pick(byPrefix('PLATE')), pick(byPrefix('CHEM'))]);
    for (let ink = 0; ink < 2 + Math.floor(rand() * 3); ink += 1) members.add(pick(byPrefix('INK')));
    const list = [...members];
    families.push({ skus: list, weight: list.reduce((sum, sku) => sum + (popularity.get(sku) ?? 0), 0) });
  }
  const sampler = (weights: readonly number[]) => weightedSampler(rand, weights);
  const lineQuantity = (sku: string) => {
    const [low, high] = CATEGORIES.find((category) => sku.startsWith(`${category.prefix}-`))?.lineQuantity ?? [1, 4];
    return low + Math.floor(rand() * (high - low + 1));
  };
  const drawSku = sampler(skus.map((sku) => popularity.get(sku) ?? 0));
  const drawFamily = sampler(families.map((family) => family.weight));

  // Orders first; stock levels (days of cover) are then sized so stock fills ~targetFill of the cube.
  const ordersPerDay = options.ordersPerDay ?? Math.max(20, Math.round(options.locations / 10));
  const bursts = Array.from({ length: 3 }, () => Math.floor(rand() * families.length));
  const drawBurst = sampler(bursts.map((index) => families[index].weight));
  const burstStart = Math.floor(rand() * Math.max(1, options.days - 5));
  type RawOrder = { day: number; due: number; lines: Map<string, number> };
  const rawOrders: RawOrder[] = [];
  for (let day = -14; day < options.days; day += 1) {
    const inBurst = day >= burstStart && day < burstStart + 5;
    const count = Math.round(ordersPerDay * between(0.8, 1.2));
    for (let index = 0; index < count; index += 1) {
      const lines = new Map<string, number>();
      if (rand() < 0.6) {
        // In a seasonal burst half of the family jobs are the burst families.
        const family = families[inBurst && rand() < 0.5 ? bursts[drawBurst()] : drawFamily()];
        for (const sku of family.skus) if (rand() < (sku.startsWith('ROLL-') ? 0.35 : 0.85)) lines.set(sku, lineQuantity(sku));
      }
      const extra = 1 + Math.floor(rand() * 3);
      for (let line = 0; line < extra; line += 1) {
        const sku = skus[drawSku()];
        lines.set(sku, lineQuantity(sku));
      }
      const rush = rand() < 0.1;
      rawOrders.push({ day, due: rush ? day : day + 1 + Math.floor(rand() * 3), lines });
    }
  }

  const materialBySku = materialMap({ name: '', dock, locations, materials, initialLots: [], events: [] });
  const storageCube = locations.filter((location) => STORAGE_TYPES.has(location.type)).reduce((sum, location) => sum + location.cubicFeet, 0);
  const dailyUnits = new Map<string, number>();
  for (const order of rawOrders) if (order.day >= 0) for (const [sku, quantity] of order.lines) dailyUnits.set(sku, (dailyUnits.get(sku) ?? 0) + quantity / options.days);
  const dailyCube = [...dailyUnits].reduce((sum, [sku, units]) => sum + units * (materialBySku.get(sku)?.unitCube ?? 0), 0);
  // Average stock is about (reorder point + order-up-to) / 2 = 0.675 of the cover.
  const coverDays = Math.min(30, Math.max(3, ((options.targetFill ?? 0.6) * storageCube) / Math.max(1, dailyCube) / 0.675));
  const reorderDays = coverDays * 0.35;

  const events: ScenarioEvent[] = [];
  let orderNumber = 0;
  for (const order of rawOrders) {
    orderNumber += 1;
    const lines = [...order.lines].map(([sku, quantity]) => ({ sku, quantity }));
    events.push({ day: order.day, kind: 'order', id: `SO-${pad(orderNumber, 6)}`, due: order.due, lines });
  }

  // Replenishment: reorder point at 35% of the cover, order up to the cover, 1–3 days lead time.
  const demand = dailyUnits;
  const stock = new Map<string, number>();
  const pipeline = new Map<string, number>();
  const initialLots: Scenario['initialLots'] = [];
  const state = new WarehouseState(locations, materialBySku);
  const storageBins = locations.map((_, index) => index).filter((index) => STORAGE_TYPES.has(locations[index].type));
  for (const [sku, units] of demand) {
    let quantity = Math.round(units * coverDays * between(0.35, 1));
    const material = materialBySku.get(sku);
    if (!material) continue;
    for (let attempt = 0; attempt < 400 && quantity > 0; attempt += 1) {
      const bin = storageBins[Math.floor(rand() * storageBins.length)];
      const units = Math.min(quantity, state.capacityFor(bin, material));
      if (units <= 0) continue;
      state.add(bin, sku, units, -1);
      initialLots.push({ sku, locationCode: locations[bin].code, quantity: units });
      stock.set(sku, (stock.get(sku) ?? 0) + units);
      quantity -= units;
    }
  }
  const ordersOf = new Map<number, ScenarioEvent[]>();
  for (const event of events) {
    if (event.kind !== 'order' || (event.due ?? event.day) < 0) continue;
    const list = ordersOf.get(event.due ?? event.day) ?? [];
    list.push(event);
    ordersOf.set(event.due ?? event.day, list);
  }
  const arrivals = new Map<number, Map<string, number>>();
  // Orders placed on the last days are due up to three days later, and the replay picks them then.
  // Replenishment ordered before the last order day still arrives on those days (it used to be
  // dropped, so the replay ended with three days of picks and no receipts); no new one is ordered.
  const lastDue = Math.max(options.days - 1, ...ordersOf.keys());
  for (let day = 0; day <= lastDue; day += 1) {
    for (const [sku, quantity] of arrivals.get(day) ?? []) {
      events.push({ day, kind: 'receipt', sku, quantity });
      stock.set(sku, (stock.get(sku) ?? 0) + quantity);
      pipeline.set(sku, (pipeline.get(sku) ?? 0) - quantity);
    }
    for (const event of ordersOf.get(day) ?? []) if (event.kind === 'order') for (const line of event.lines) stock.set(line.sku, Math.max(0, (stock.get(line.sku) ?? 0) - line.quantity));
    if (day >= options.days) continue;
    for (const [sku, units] of demand) {
      const position = (stock.get(sku) ?? 0) + (pipeline.get(sku) ?? 0);
      if (position >= units * reorderDays || units <= 0) continue;
      const quantity = Math.max(1, Math.round(units * coverDays - position));
      const arrival = day + 1 + Math.floor(rand() * 3);
      const due = arrivals.get(arrival) ?? new Map<string, number>();
      due.set(sku, (due.get(sku) ?? 0) + quantity);
      arrivals.set(arrival, due);
      pipeline.set(sku, (pipeline.get(sku) ?? 0) + quantity);
    }
  }
  events.sort((a, b) => a.day - b.day || (a.kind === b.kind ? 0 : a.kind === 'receipt' ? -1 : 1));
  return { name: `generated-seed-${options.seed}`, dock, locations, materials, initialLots, events };
}

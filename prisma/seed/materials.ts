/**
 * The print shop's item master: paper rolls, inks, press chemicals, plates, small parts and
 * finished-goods cartons, with plausible dimensions (inches) and weights (lbs), co-pick
 * families (CMYK ink sets, a plate with its developer, carton families of one job) and a
 * Zipf-like demand weight so that roughly 20% of SKUs draw 80% of the picks.
 */
import type { Category, MaterialRow, ZoneCode } from './types';
import { Rng } from './random';

export const CATEGORY_ZONE: Record<Category, ZoneCode> = {
  PAPER_ROLL: 'PAPER', INK: 'INK', CHEMICAL: 'INK', PLATE: 'PLATES', SMALL_PART: 'PLATES', FINISHED_CARTON: 'FINISHED',
};

const CATEGORY_SHARE: [Category, number][] = [
  ['PAPER_ROLL', 0.2], ['INK', 0.15], ['CHEMICAL', 0.08], ['PLATE', 0.13], ['SMALL_PART', 0.17], ['FINISHED_CARTON', 0.27],
];

/** About 800 materials for a big tenant; fewer (min 120) for a small warehouse. */
export function materialCountFor(locations: number): number {
  return Math.min(800, Math.max(120, Math.round(locations * 0.4)));
}

type Draft = Omit<MaterialRow, 'materialId' | 'abc' | 'family' | 'demand'> & { family: number | null };

const PAPER_GRADES = ['Coated gloss', 'Coated matte', 'Uncoated offset', 'Newsprint', 'Label stock', 'Kraft liner', 'SBS board', 'Bond'];
const INK_SYSTEMS = ['Sheetfed process', 'Heatset web', 'Coldset web', 'UV offset', 'Flexo water-based', 'Soy sheetfed'];
const CMYK = ['Cyan', 'Magenta', 'Yellow', 'Black'];
const SPOTS = ['PMS 185 Red', 'PMS 286 Blue', 'PMS 354 Green', 'PMS 021 Orange', 'PMS 877 Silver', 'PMS 871 Gold', 'Opaque White', 'Varnish gloss', 'Varnish matte'];
const CHEMICALS: [string, string][] = [['Plate developer', 'CORROSIVE'], ['Fountain solution', 'IRRITANT'], ['Blanket wash', 'FLAMMABLE'],
  ['Press cleaner', 'FLAMMABLE'], ['Plate gum', 'IRRITANT'], ['Roller wash', 'FLAMMABLE'], ['Isopropyl alcohol', 'FLAMMABLE']];
const PLATE_SIZES: [number, number][] = [[20, 26], [25, 30], [30, 40], [32, 43], [35, 45], [41, 56]];
const PARTS = ['Blanket', 'Packing sheet', 'Roller bearing', 'Gripper finger', 'Doctor blade', 'Anilox seal', 'Fuser kit', 'Drive belt', 'Stitching wire', 'Cutting stick', 'Slitter blade'];
const PRODUCTS = ['Catalog', 'Brochure', 'Annual report', 'Magazine', 'Label roll', 'Folding carton', 'Direct mail', 'Book', 'Calendar', 'Packaging insert'];

const r1 = (x: number) => Math.round(x * 10) / 10;

function container(rng: Rng): { kind: string; w: number; h: number; l: number; lbs: number; qty: [number, number] } {
  const roll = rng.next();
  if (roll < 0.35) return { kind: '55 gal drum', w: 23, h: 35, l: 23, lbs: r1(rng.range(400, 500)), qty: [1, 2] };
  if (roll < 0.8) return { kind: '5 gal pail', w: 12, h: 15, l: 12, lbs: r1(rng.range(40, 50)), qty: [1, 6] };
  return { kind: 'case 4×1 gal', w: 14, h: 12, l: 10, lbs: r1(rng.range(34, 42)), qty: [1, 4] };
}

export function generateMaterials(rng: Rng, count: number): MaterialRow[] {
  const target = new Map(CATEGORY_SHARE.map(([c, s]) => [c, Math.max(6, Math.round(count * s))] as const));
  const drafts: Draft[] = [];
  let family = 0;
  const seq = new Map<string, number>();
  const sku = (prefix: string) => {
    const n = (seq.get(prefix) ?? 0) + 1;
    seq.set(prefix, n);
    return `${prefix}-${String(n).padStart(4, '0')}`;
  };
  const have = (c: Category) => drafts.filter((d) => d.category === c).length;
  const base = { temperatureClass: null as string | null, hazardClass: null as string | null };

  for (let i = 0; i < target.get('PAPER_ROLL')!; i++) {
    const dia = rng.int(40, 60);
    const web = rng.pick([25, 28, 35, 38, 42, 50, 55, 63, 70, 77]);
    const grade = rng.pick(PAPER_GRADES);
    const lbs = Math.round(Math.min(2500, Math.max(1000, (dia * dia * web) / 80 * rng.range(0.9, 1.1))));
    drafts.push({ ...base, sku: sku('PAP'), category: 'PAPER_ROLL', description: `${grade} ${rng.pick([50, 60, 70, 80, 100])}# roll, ${dia}" dia × ${web}" web`,
      widthIn: dia, heightIn: dia, lengthIn: web, weightLbs: lbs, family: null, lineQty: [1, 2] });
  }
  // Plates with their developer (co-picked), then any remaining chemicals.
  while (have('PLATE') < target.get('PLATE')!) {
    const f = family++;
    const [w, l] = rng.pick(PLATE_SIZES);
    const brand = rng.pick(['Thermal CTP', 'Violet CTP', 'Process-free', 'UV-curable']);
    drafts.push({ ...base, sku: sku('PLT'), category: 'PLATE', description: `${brand} plates ${w}×${l}", box of 50`,
      widthIn: w, heightIn: 2 + rng.int(0, 1), lengthIn: l, weightLbs: r1((w * l) / 28 * rng.range(0.9, 1.1)), family: f, lineQty: [1, 6] });
    if (have('CHEMICAL') < target.get('CHEMICAL')!) {
      const c = container(rng);
      drafts.push({ ...base, sku: sku('CHM'), category: 'CHEMICAL', description: `${brand} plate developer, ${c.kind}`, hazardClass: 'CORROSIVE',
        widthIn: c.w, heightIn: c.h, lengthIn: c.l, weightLbs: c.lbs, family: f, lineQty: c.qty });
    }
  }
  while (have('CHEMICAL') < target.get('CHEMICAL')!) {
    const [name, hazard] = rng.pick(CHEMICALS);
    const c = container(rng);
    drafts.push({ ...base, sku: sku('CHM'), category: 'CHEMICAL', description: `${name}, ${c.kind}`, hazardClass: hazard,
      widthIn: c.w, heightIn: c.h, lengthIn: c.l, weightLbs: c.lbs, family: null, lineQty: c.qty });
  }
  // Inks: mostly CMYK sets (one family per set), the rest spot colours.
  while (have('INK') < target.get('INK')!) {
    const system = rng.pick(INK_SYSTEMS);
    const hazard = system.startsWith('Soy') || system.startsWith('Flexo') ? 'COMBUSTIBLE' : 'FLAMMABLE';
    const c = container(rng);
    const series = `${system} ${rng.pick(['S', 'H', 'X', 'Q'])}${rng.int(10, 99)}`;
    const set = rng.chance(0.7) && target.get('INK')! - have('INK') >= 4;
    const f = set ? family++ : null;
    for (const colour of set ? CMYK : [rng.pick(SPOTS)]) {
      drafts.push({ ...base, sku: sku('INK'), category: 'INK', description: `${series} ink ${colour}, ${c.kind}`, hazardClass: hazard,
        widthIn: c.w, heightIn: c.h, lengthIn: c.l, weightLbs: c.lbs, family: f, lineQty: c.qty });
    }
  }
  while (have('SMALL_PART') < target.get('SMALL_PART')!) {
    const part = rng.pick(PARTS);
    const w = rng.int(6, 16), h = rng.int(4, 12), l = rng.int(8, 20);
    drafts.push({ ...base, sku: sku('SPR'), category: 'SMALL_PART', description: `${part} ${rng.pick(['SM52', 'XL106', 'Lithrone', 'Komori', 'Mark Andy', 'HP Indigo'])} box`,
      widthIn: w, heightIn: h, lengthIn: l, weightLbs: r1(rng.range(2, 25)), family: null, lineQty: [1, 10] });
  }
  // Finished goods: carton families of one customer job are shipped together.
  while (have('FINISHED_CARTON') < target.get('FINISHED_CARTON')!) {
    const product = `${rng.pick(PRODUCTS)} ${rng.pick(['A', 'B', 'C', 'D', 'E', 'F'])}${rng.int(100, 999)}`;
    const size = Math.min(rng.int(3, 5), target.get('FINISHED_CARTON')! - have('FINISHED_CARTON'));
    const f = rng.chance(0.6) && size >= 2 ? family++ : null;
    for (let k = 0; k < (f === null ? 1 : size); k++) {
      const w = rng.int(12, 24), h = rng.int(8, 18), l = rng.int(12, 24);
      drafts.push({ ...base, sku: sku('FG'), category: 'FINISHED_CARTON', description: `${product} ${['version 1', 'version 2', 'insert', 'cover', 'kit'][k]} carton`,
        widthIn: w, heightIn: h, lengthIn: l, weightLbs: r1((w * h * l) / 1728 * rng.range(12, 25)), family: f, lineQty: [2, 40] });
    }
  }
  return assignDemand(rng, drafts);
}

/** Zipf demand over "units" (a family counts as one unit, its members share the weight). */
function assignDemand(rng: Rng, drafts: Draft[]): MaterialRow[] {
  const units = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    const key = d.family === null ? `s${i}` : `f${d.family}`;
    units.set(key, [...(units.get(key) ?? []), i]);
  });
  const order = rng.shuffle([...units.keys()]);
  const demand = new Array<number>(drafts.length).fill(0);
  order.forEach((key, rank) => {
    const w = 1 / Math.pow(rank + 1, 1.15);
    for (const i of units.get(key)!) demand[i] = w * rng.range(0.7, 1.3);
  });
  return drafts.map((d, i) => ({ ...d, materialId: rng.uuid(), abc: null, demand: demand[i] }));
}

/**
 * Deliberate data-quality defects, so the runbook's audit queries have something to find.
 * Each count is exactly what the corresponding query returns for that tenant; the runbook's
 * queries are not tenant-filtered, so they return SEEDED_DEFECT_TOTALS.
 */
import type { DefectCounts, LocationRow, MaterialRow } from './types';
import { Rng } from './random';

export const SEEDED_DEFECTS: { 'acme-print': DefectCounts; 'northwind-press': DefectCounts } = {
  'acme-print': { missingDimensions: 4, missingAbc: 37, invalidCapacity: 2, oversizeMaterials: 2, negativeStock: 1 },
  'northwind-press': { missingDimensions: 1, missingAbc: 8, invalidCapacity: 1, oversizeMaterials: 1, negativeStock: 0 },
};

function sum(key: keyof DefectCounts): number {
  return SEEDED_DEFECTS['acme-print'][key] + SEEDED_DEFECTS['northwind-press'][key];
}

/**
 * What the runbook's three audit queries return on a freshly seeded database (both tenants):
 *  - `SELECT COUNT(*) FROM materials WHERE width_inches IS NULL OR height_inches IS NULL` → missingDimensions (5, runbook expects < 10)
 *  - `SELECT COUNT(*) FROM materials WHERE abc_classification IS NULL` → missingAbc (45, runbook expects < 100)
 *  - `SELECT COUNT(*) FROM inventory_locations WHERE cubic_feet <= 0 OR max_weight_lbs <= 0` → invalidCapacity (3, CRITICAL: runbook expects 0)
 */
export const SEEDED_DEFECT_TOTALS: DefectCounts = {
  missingDimensions: sum('missingDimensions'),
  missingAbc: sum('missingAbc'),
  invalidCapacity: sum('invalidCapacity'),
  oversizeMaterials: sum('oversizeMaterials'),
  negativeStock: sum('negativeStock'),
};

/** Bins with an impossible capacity (a zero typed into the WMS). They stay empty. Returns their ids. */
export function applyLocationDefects(rng: Rng, locations: LocationRow[], count: number): Set<string> {
  const candidates = locations.filter((l) => l.isActive && (l.type === 'PICK_FACE' || l.type === 'RESERVE'));
  const chosen = rng.sample(candidates, count);
  chosen.forEach((loc, i) => {
    if (i % 2 === 0) loc.cubicFeet = 0;
    else loc.maxWeightLbs = 0;
  });
  return new Set(chosen.map((l) => l.locationId));
}

const OVERSIZE: Omit<MaterialRow, 'materialId' | 'sku'>[] = [
  { description: 'Folding-gluer section in shipping crate (oversize)', category: 'SMALL_PART', widthIn: 100, heightIn: 110, lengthIn: 150,
    weightLbs: 15000, abc: null, hazardClass: null, temperatureClass: null, family: null, demand: 0, lineQty: [1, 1] },
  { description: 'Jumbo parent roll 80" dia × 140" web (oversize)', category: 'PAPER_ROLL', widthIn: 80, heightIn: 80, lengthIn: 140,
    weightLbs: 9000, abc: null, hazardClass: null, temperatureClass: null, family: null, demand: 0, lineQty: [1, 1] },
];

/** Materials bigger than every bin in the warehouse: no lots, never picked, the optimizer must report them unplaceable. */
export function oversizeMaterials(rng: Rng, count: number): MaterialRow[] {
  return Array.from({ length: count }, (_, i) => ({ ...OVERSIZE[i % OVERSIZE.length], materialId: rng.uuid(), sku: `OVS-${String(i + 1).padStart(4, '0')}` }));
}

/** After ABC is written: blank width or height on some materials and the ABC class on others (disjoint sets). */
export function applyMaterialDefects(rng: Rng, materials: MaterialRow[], defects: DefectCounts): void {
  const pool = rng.shuffle(materials.filter((m) => m.demand > 0));
  pool.slice(0, defects.missingDimensions).forEach((m, i) => {
    if (i % 2 === 0) m.widthIn = null;
    else m.heightIn = null;
  });
  for (const m of pool.slice(defects.missingDimensions, defects.missingDimensions + defects.missingAbc)) m.abc = null;
}

/** ABC from 90-day pick lines: A = SKUs making the top 80% of picks, B the next 15%, C the rest (including never picked). */
export function classifyAbc(materials: MaterialRow[], pickCounts: number[]): void {
  const total = pickCounts.reduce((a, b) => a + b, 0);
  const order = materials.map((_, i) => i).sort((a, b) => pickCounts[b] - pickCounts[a] || (materials[a].sku < materials[b].sku ? -1 : 1));
  let cumulative = 0;
  for (const i of order) {
    const before = total > 0 ? cumulative / total : 1;
    materials[i].abc = pickCounts[i] === 0 ? 'C' : before < 0.8 ? 'A' : before < 0.95 ? 'B' : 'C';
    cumulative += pickCounts[i];
  }
}

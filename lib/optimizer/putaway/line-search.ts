import { sortedDims, unitCubicFeet } from './geometry';
import type { LineSearch } from './candidates';
import { ABC_VELOCITY } from './scoring';
import type { BinState } from './state';
import { tourSearch, type TourContext } from './tour-cost';
import type { OptimizerConfig, PutawayContext, PutawayItem } from './types';

// Per-line search state for the putaway engine: the co-pick index of a run, and the LineSearch
// of one line (its candidate scan, co-picked bays and aisles, and the order-aware tour search).

/** Bins read per co-picked SKU when locating its bays. */
const PARTNER_BIN_LIMIT = 64;
/** Co-picked SKUs considered per line (highest lift first). */
const PARTNER_LIMIT = 16;
/** Bays with the highest co-pick lift always offered as candidates. */
const AFFINITY_BAYS = 8;

/** Excess co-pick lift (lift − 1, > 0) by SKU and partner SKU, both directions. */
export type AffinityIndex = Map<string, Map<string, number>>;

/** The run's co-pick index from `context.affinity`: pairs with lift <= 1 are dropped, a repeated pair keeps its highest lift. */
export function buildAffinity(ctx: PutawayContext): AffinityIndex {
  const index: AffinityIndex = new Map();
  const add = (a: string, b: string, lift: number): void => {
    if (a === b) return;
    const excess = Math.max(0, lift - 1);
    if (excess === 0) return;
    let m = index.get(a);
    if (!m) index.set(a, (m = new Map()));
    m.set(b, Math.max(m.get(b) ?? 0, excess));
  };
  for (const p of ctx.affinity) {
    add(p.skuA, p.skuB, p.lift);
    add(p.skuB, p.skuA, p.lift);
  }
  return index;
}

/**
 * The search state of one line: where its co-picked partners lie (lift by bay and by aisle, from
 * at most {@link PARTNER_LIMIT} partners and {@link PARTNER_BIN_LIMIT} bins each, SKU affinity on
 * and storage lines only), its unit volume (cu ft) and weight (lbs), and its order-aware tour
 * search when `tours` is given.
 */
export function makeLine(
  state: BinState,
  item: PutawayItem,
  itemIndex: number,
  isStorage: boolean,
  affinity: AffinityIndex,
  config: OptimizerConfig,
  tours: TourContext | null = null,
): LineSearch {
  const bayLift = new Map<number, number>();
  const aisleLift = new Map<number, number>();
  const bayPartners = new Map<number, number>();
  if (isStorage && config.flags.SKU_AFFINITY_ENABLED) {
    const partners = affinity.get(item.sku);
    if (partners) {
      const sorted = [...partners.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      for (let p = 0; p < sorted.length && p < PARTNER_LIMIT; p++) {
        const [partner, lift] = sorted[p];
        const bins = state.skuBins.get(partner) ?? [];
        const bays = new Set<number>();
        const aisles = new Set<number>();
        for (let k = 0; k < bins.length && k < PARTNER_BIN_LIMIT; k++) {
          bays.add(state.bayId[bins[k]]);
          aisles.add(state.aisleId[bins[k]]);
        }
        for (const key of bays) {
          bayLift.set(key, (bayLift.get(key) ?? 0) + lift);
          bayPartners.set(key, (bayPartners.get(key) ?? 0) + 1);
        }
        for (const a of aisles) aisleLift.set(a, (aisleLift.get(a) ?? 0) + lift);
      }
    }
  }
  const affinityBays = [...bayLift.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, AFFINITY_BAYS)
    .map(([k]) => k);
  const dims = sortedDims(item);
  const unitCf = unitCubicFeet(item.lengthIn, item.widthIn, item.heightIn);
  return {
    item,
    itemIndex,
    need: Float64Array.of(unitCf - 1e-9, item.unitWeightLbs - 1e-9),
    unitCf,
    unitLbs: item.unitWeightLbs,
    dims,
    order: isStorage ? state.storage : state.staging,
    reverse: isStorage && ABC_VELOCITY[item.abc] < 0,
    cursor: 0,
    pool: [],
    bayLift,
    aisleLift,
    bayPartners,
    affinityBays,
    isStorage,
    // order-aware travel uses co-pick data, so it is part of SKU affinity (and its flag)
    tour: isStorage && tours && config.flags.SKU_AFFINITY_ENABLED && ABC_VELOCITY[item.abc] >= 0 ? tourSearch(tours, state, item.sku, affinity.get(item.sku)) : null,
  };
}

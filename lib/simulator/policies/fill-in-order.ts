import type { PolicyInput } from './types';

const rankCache = new WeakMap<readonly number[], Int32Array>();

/** Each bin's position in `order` (-1 when absent), built once per order list. */
function ranksOf(order: readonly number[], binCount: number): Int32Array {
  const cached = rankCache.get(order);
  if (cached && cached.length === binCount) return cached;
  const ranks = new Int32Array(binCount).fill(-1);
  order.forEach((bin, index) => {
    ranks[bin] = index;
  });
  rankCache.set(order, ranks);
  return ranks;
}

/**
 * Puts `quantity` units of `sku` into the bins of `order`, each up to its capacity, first bin
 * first. With `sameSkuFirst`, bins already holding the sku are tried before the others (Odoo
 * tries locations that already contain the product before empty ones). Returns the units left.
 */
export function fillInOrder(input: PolicyInput, sku: string, quantity: number, order: readonly number[], sameSkuFirst: boolean): number {
  const { state } = input;
  const material = state.materials.get(sku);
  let left = quantity;
  if (!material) return left;
  if (sameSkuFirst) {
    // The bins holding the sku come from its lots, in the order's sequence: scanning the whole
    // order for them cost a pass over every bin per receipt line (seconds at 10,000 bins).
    const ranks = ranksOf(order, state.locations.length);
    const holding = new Set<number>();
    for (const lot of state.lotsBySku.get(sku) ?? []) if (lot.quantity > 0 && ranks[lot.bin] >= 0) holding.add(lot.bin);
    for (const bin of [...holding].sort((a, b) => ranks[a] - ranks[b])) {
      if (left <= 0) return 0;
      if (state.capacityFor(bin, material) > 0) left -= input.place(sku, bin, left);
    }
  }
  for (const bin of order) {
    if (left <= 0) return 0;
    if (sameSkuFirst && state.contents[bin].has(sku)) continue;
    if (state.capacityFor(bin, material) > 0) left -= input.place(sku, bin, left);
  }
  return left;
}

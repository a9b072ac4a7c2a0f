import type { PolicyInput } from './types';

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
    for (const bin of order) {
      if (left <= 0) return 0;
      if (state.contents[bin].has(sku) && state.capacityFor(bin, material) > 0) left -= input.place(sku, bin, left);
    }
  }
  for (const bin of order) {
    if (left <= 0) return 0;
    if (sameSkuFirst && state.contents[bin].has(sku)) continue;
    if (state.capacityFor(bin, material) > 0) left -= input.place(sku, bin, left);
  }
  return left;
}

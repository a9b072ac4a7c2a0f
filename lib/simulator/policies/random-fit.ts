import type { Policy } from './types';

const SAMPLES = 64;

/** Chaotic storage: a random bin that fits (seeded through `input.rand`), repeated until placed. */
export const randomFit: Policy = {
  name: 'random-fit',
  putaway(input) {
    const { state, binsByCode: bins } = input;
    // No storage bins at all (only dock doors and staging): nothing to draw from.
    if (bins.length === 0) return;
    for (const request of input.requests) {
      const material = state.materials.get(request.sku);
      if (!material) continue;
      let left = request.quantity;
      let misses = 0;
      while (left > 0 && misses < SAMPLES) {
        const bin = bins[Math.floor(input.rand() * bins.length)];
        if (state.capacityFor(bin, material) > 0) left -= input.place(request.sku, bin, left);
        else misses += 1;
      }
      // A nearly full warehouse: scan from a random start so placement still ends when space exists.
      const start = Math.floor(input.rand() * bins.length);
      for (let step = 0; step < bins.length && left > 0; step += 1) {
        const bin = bins[(start + step) % bins.length];
        if (state.capacityFor(bin, material) > 0) left -= input.place(request.sku, bin, left);
      }
    }
  },
};

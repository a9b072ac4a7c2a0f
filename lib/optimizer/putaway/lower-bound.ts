import type { BinState } from './state';

/**
 * Lower bound on the storage bins a batch needs: the fewest bins whose free
 * capacity (under the hard cap), taken largest first, covers the batch's
 * volume, and likewise for weight; the larger of the two. If even all bins do
 * not suffice, it returns the number of usable bins plus one.
 * @param cubicFeet batch volume, cubic feet. @param lbs batch weight, lbs.
 */
export function storageLowerBound(state: BinState, cubicFeet: number, lbs: number, hardCap: number): number {
  const m = state.storage.length;
  const freeCf = new Float64Array(m);
  const freeLbs = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const b = state.storage[k];
    const l = state.locations[b];
    freeCf[k] = Math.max(0, hardCap * l.cubicFeet - state.usedCf[b]);
    freeLbs[k] = Math.max(0, hardCap * l.maxWeightLbs - state.usedLbs[b]);
  }
  return Math.max(cover(freeCf, cubicFeet), cover(freeLbs, lbs));
}

function cover(free: Float64Array, need: number): number {
  if (need <= 1e-12) return 0;
  let max = 0;
  let all = 0;
  for (let k = 0; k < free.length; k++) {
    all += free[k];
    if (free[k] > max) max = free[k];
  }
  if (all < need - 1e-9) return free.length + 1;
  // Only the largest values matter: lower a threshold until the values above
  // it cover the need, then sort just those (avoids sorting every bin).
  for (let t = max / 2; ; t /= 2) {
    let sum = 0;
    let count = 0;
    for (let k = 0; k < free.length; k++) {
      if (free[k] >= t) {
        sum += free[k];
        count++;
      }
    }
    if (sum >= need - 1e-9 || t < 1e-12) {
      const top = new Float64Array(count);
      let j = 0;
      for (let k = 0; k < free.length; k++) if (free[k] >= t) top[j++] = free[k];
      top.sort();
      let acc = 0;
      for (let k = top.length - 1, used = 1; k >= 0; k--, used++) {
        acc += top[k];
        if (acc >= need - 1e-9) return used;
      }
      return free.length + 1;
    }
  }
}

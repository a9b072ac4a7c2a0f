import type { PackInstance } from './instance';
import { bestFill, MAX_SUBSET_SUM_WORK, rowWords, type FillBuffer } from './subset-sum-bits';

/** Node budget of one "pack" refill search. */
const PACK_NODES = 1000;

/**
 * Heaviest subset of `cand` (normalized weight) that fits one bin, if it is
 * heavier than `beat`; null otherwise. Integral 1-D instances (given `fill`
 * rows): exact, by {@link bestFill}. Otherwise a depth-first search of at
 * most 1,000 nodes, heaviest items first, pruned by "current + all remaining <= best".
 */
export function bestSubset(inst: PackInstance, cand: number[], beat: number, fill?: FillBuffer): number[] | null {
  const { dims, size, limit, weight } = inst;
  cand.sort((a, b) => weight[b] - weight[a] || a - b);
  if (inst.integral && fill !== undefined && (cand.length + 1) * rowWords(inst.capacity[0]) <= MAX_SUBSET_SUM_WORK) {
    // exact: the fullest subset by a bitset subset sum
    const sizes = cand.map((i) => size[i]);
    const { sum, chosen } = bestFill(sizes, sizes.length, inst.capacity[0], fill);
    return sum / inst.capacity[0] > beat ? chosen.map((x) => cand[x]) : null;
  }
  const k = cand.length;
  const suffix = new Float64Array(k + 1);
  for (let x = k - 1; x >= 0; x--) suffix[x] = suffix[x + 1] + weight[cand[x]];
  const load = new Float64Array(dims);
  let bestW = beat;
  let best: number[] | null = null;
  const stack: number[] = [];
  let nodes = 0;
  let full = 0;
  for (let d = 0; d < dims; d++) full += limit[d] / inst.capacity[d];
  const dfs = (x: number, w: number): void => {
    if (w > bestW) {
      bestW = w;
      best = stack.slice();
    }
    if (x === k || ++nodes > PACK_NODES || w + suffix[x] <= bestW || bestW >= full - 1e-9) return;
    const i = cand[x];
    let ok = true;
    for (let d = 0; d < dims; d++) if (load[d] + size[i * dims + d] > limit[d]) ok = false;
    if (ok) {
      for (let d = 0; d < dims; d++) load[d] += size[i * dims + d];
      stack.push(i);
      dfs(x + 1, w + weight[i]);
      stack.pop();
      for (let d = 0; d < dims; d++) load[d] -= size[i * dims + d];
    }
    // skip i: also skip its identical copies (they would give the same sets)
    let y = x + 1;
    while (y < k && sameSize(inst, cand[y], i)) y++;
    dfs(y, w);
  };
  dfs(0, 0);
  return best;
}

export function sameSize(inst: PackInstance, a: number, b: number): boolean {
  for (let d = 0; d < inst.dims; d++) if (inst.size[a * inst.dims + d] !== inst.size[b * inst.dims + d]) return false;
  return true;
}

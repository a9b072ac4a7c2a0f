import type { PackInstance } from './instance';

/** Node budget of one "pack" refill search. */
const PACK_NODES = 1000;

/**
 * Heaviest subset of `cand` (normalized weight) that fits one bin, if it is
 * heavier than `beat`; null otherwise. Bounded depth-first search, heaviest
 * items first, pruned by "current + all remaining <= best".
 */
export function bestSubset(inst: PackInstance, cand: number[], beat: number): number[] | null {
  const { dims, size, limit, weight } = inst;
  cand.sort((a, b) => weight[b] - weight[a] || a - b);
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

/** Scratch space for {@link fitsReserve}. */
export type FitBuffers = { order: number[]; side: number[]; load: Float64Array };

/** Node budget of the exact 2-bin test; beyond it the test answers "no". */
const FIT_NODES = 2_000;

/**
 * Can the items `S` be packed into `bins` (0, 1 or 2) empty bins?
 * Returns, per position of S, the reserve bin (0-based) or null.
 * Two bins: depth-first search over "bin 0 or bin 1", largest first, with
 * the first item pinned to bin 0 (symmetry) and a node budget.
 */
export function fitsReserve(inst: PackInstance, S: readonly number[], bins: number, buf: FitBuffers): number[] | null {
  const { dims, size, limit } = inst;
  if (S.length === 0) return [];
  if (bins <= 0) return null;
  const total = buf.load;
  total.fill(0);
  for (const i of S) for (let d = 0; d < dims; d++) total[d] += size[i * dims + d];
  let inOne = true;
  for (let d = 0; d < dims; d++) {
    if (total[d] > bins * limit[d]) return null;
    if (total[d] > limit[d]) inOne = false;
  }
  if (inOne) return S.map(() => 0);
  if (bins === 1) return null;
  const order = S.map((_, x) => x).sort((a, b) => inst.weight[S[b]] - inst.weight[S[a]] || a - b);
  const side = new Array<number>(S.length).fill(0);
  const load = new Float64Array(2 * dims);
  const rest = new Float64Array((order.length + 1) * dims);
  for (let k = order.length - 1; k >= 0; k--) {
    for (let d = 0; d < dims; d++) rest[k * dims + d] = rest[(k + 1) * dims + d] + size[S[order[k]] * dims + d];
  }
  let nodes = 0;
  const place = (k: number): boolean => {
    if (k === order.length) return true;
    if (++nodes > FIT_NODES) return false;
    const i = S[order[k]];
    for (let side0 = 0; side0 < (k === 0 ? 1 : 2); side0++) {
      let ok = true;
      for (let d = 0; d < dims; d++) {
        if (load[side0 * dims + d] + size[i * dims + d] > limit[d]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      // prune: the remainder must fit into the two bins' total room
      let room = true;
      for (let d = 0; d < dims; d++) {
        const free = 2 * limit[d] - load[d] - load[dims + d] - size[i * dims + d];
        if (rest[(k + 1) * dims + d] > free) room = false;
      }
      if (!room) return false;
      for (let d = 0; d < dims; d++) load[side0 * dims + d] += size[i * dims + d];
      side[order[k]] = side0;
      if (place(k + 1)) return true;
      for (let d = 0; d < dims; d++) load[side0 * dims + d] -= size[i * dims + d];
    }
    return false;
  };
  return place(0) ? side : null;
}

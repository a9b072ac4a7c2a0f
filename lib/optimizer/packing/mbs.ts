import { decreasingOrder, type PackInstance } from './instance';
import type { Packing } from './ffd';

/** Node budget of one bin's subset search. */
const MBS_NODES = 3000;

/**
 * Minimum Bin Slack (MBS', Fleszar & Hindi 2002), 1-D or 2-D.
 *
 * Builds one bin at a time: the largest unpacked item goes in first, then a
 * bounded depth-first search over the remaining items (largest first) looks
 * for the subset that leaves the least normalized slack, stopping early at
 * zero slack. Good at filling bins exactly, which is where FFD/BFD lose
 * bins (e.g. instances where every bin must hold exactly three items).
 * Unpacked items sit in a linked list, so each bin costs at most
 * MBS_NODES steps. Returns null if `now()` passes `deadline` first.
 */
export function minimumBinSlack(inst: PackInstance, now: () => number, deadline: number): Packing | null {
  const { n, dims, size, limit, weight } = inst;
  const assignment = new Int32Array(n).fill(-1);
  const order = decreasingOrder(inst);
  // linked list over positions of `order`; n is the end marker
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n + 1);
  for (let k = 0; k <= n; k++) {
    next[k] = k + 1;
    prev[k] = k - 1;
  }
  let head = 0;
  const unlink = (k: number): void => {
    if (prev[k] >= 0) next[prev[k]] = next[k];
    else head = next[k];
    if (next[k] <= n) prev[next[k]] = prev[k];
  };
  let binCount = 0;
  const load = new Float64Array(dims);
  let full = 0;
  for (let d = 0; d < dims; d++) full += limit[d] / inst.capacity[d];
  const stack: number[] = [];
  let best: number[] = [];
  let bestW = 0;
  let nodes = 0;
  const dfs = (from: number, w: number): void => {
    if (w > bestW + 1e-12) {
      bestW = w;
      best = stack.slice();
    }
    let last = -1;
    for (let k = from; k < n; k = next[k]) {
      if (++nodes > MBS_NODES || bestW >= full - 1e-9) return;
      const i = order[k];
      if (last >= 0 && sameSize(inst, last, i)) continue; // a copy of an item already tried here
      let ok = true;
      for (let d = 0; d < dims; d++) if (load[d] + size[i * dims + d] > limit[d]) ok = false;
      if (!ok) continue;
      last = i;
      for (let d = 0; d < dims; d++) load[d] += size[i * dims + d];
      stack.push(k);
      dfs(next[k], w + weight[i]);
      stack.pop();
      for (let d = 0; d < dims; d++) load[d] -= size[i * dims + d];
    }
  };
  while (head < n) {
    if ((binCount & 7) === 0 && now() >= deadline) return null;
    const firstPos = head;
    const first = order[firstPos];
    unlink(firstPos);
    for (let d = 0; d < dims; d++) load[d] = size[first * dims + d];
    bestW = weight[first];
    best = [];
    nodes = 0;
    dfs(head, weight[first]);
    assignment[first] = binCount;
    for (const k of best) {
      assignment[order[k]] = binCount;
      unlink(k);
    }
    binCount++;
  }
  return { binCount, assignment };
}

function sameSize(inst: PackInstance, a: number, b: number): boolean {
  for (let d = 0; d < inst.dims; d++) if (inst.size[a * inst.dims + d] !== inst.size[b * inst.dims + d]) return false;
  return true;
}

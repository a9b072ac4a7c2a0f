import { decreasingOrder, type PackInstance } from './instance';
import type { Packing } from './ffd';

/** Budget of one bin's subset search: recursive calls, and items looked at. */
const MBS_NODES = 3000;
const MBS_STEPS = 200_000;
/** The search looks at the clock every CLOCK_EVERY + 1 steps. */
const CLOCK_EVERY = 2047;

/**
 * Minimum Bin Slack (MBS', Fleszar & Hindi 2002), 1-D or 2-D.
 *
 * Builds one bin at a time: the largest unpacked item goes in first, then a
 * bounded depth-first search over the remaining items (largest first) looks
 * for the subset that leaves the least normalized slack, stopping early at
 * zero slack. Good at filling bins exactly, which is where FFD/BFD lose
 * bins (e.g. instances where every bin must hold exactly three items).
 * Unpacked items sit in a linked list (with a Fenwick tree of their sizes
 * for the "everything left cannot beat the best" bound), and each bin's
 * search is capped. Returns null if `now()` passes `deadline` first (checked
 * per bin and every 2,048 search steps inside a bin).
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
  // Fenwick tree of the unpacked items' weights by position, for "all that is left" bounds
  const fen = new Float64Array(n + 1);
  const fenAdd = (k: number, v: number): void => {
    for (let x = k + 1; x <= n; x += x & -x) fen[x] += v;
  };
  const prefix = (k: number): number => {
    let sum = 0;
    for (let x = k; x > 0; x -= x & -x) sum += fen[x];
    return sum;
  };
  for (let k = 0; k < n; k++) fenAdd(k, weight[order[k]]);
  let remaining = prefix(n);
  /** Total weight of unpacked items at positions >= k. */
  const suffix = (k: number): number => remaining - prefix(k);
  const unlink = (k: number): void => {
    fenAdd(k, -weight[order[k]]);
    remaining -= weight[order[k]];
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
  let steps = 0;
  let late = false;
  const dfs = (from: number, w: number): void => {
    if (w > bestW + 1e-12) {
      bestW = w;
      best = stack.slice();
    }
    if (++nodes > MBS_NODES) return;
    let last = -1;
    for (let k = from; k < n; k = next[k]) {
      if (++steps > MBS_STEPS || bestW >= full - 1e-9 || late) return;
      // one bin's search can take milliseconds: look at the clock inside it too
      if ((steps & CLOCK_EVERY) === 0 && now() >= deadline) {
        late = true;
        return;
      }
      if (w + suffix(k) <= bestW + 1e-12) return; // even everything left cannot beat the best
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
    if (now() >= deadline) return null;
    const firstPos = head;
    const first = order[firstPos];
    unlink(firstPos);
    for (let d = 0; d < dims; d++) load[d] = size[first * dims + d];
    bestW = weight[first];
    best = [];
    nodes = 0;
    steps = 0;
    dfs(head, weight[first]);
    if (late) return null;
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

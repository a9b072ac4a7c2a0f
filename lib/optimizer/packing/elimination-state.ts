import { randomInt } from '../prng';
import type { PackInstance } from './instance';
import type { Packing } from './ffd';

/**
 * Mutable state of the bin-elimination search: `m` feasible bins and a pool
 * `S` of unassigned items.
 *
 * `S` is kept sorted by normalized size, largest first (ties: lower item
 * index first), so the move scan can take its heaviest items without sorting,
 * and `sWeight` (the search objective, Σ normalized size of S) is kept as a
 * running sum. All buffers are allocated once per search.
 */
export class EliminationState {
  readonly inst: PackInstance;
  /** Items of each bin (bins 0..m-1). */
  readonly binItems: number[][] = [];
  /** `load[b * dims + d]`: bin b's load in dimension d (capacity units). */
  readonly load: Float64Array;
  /** Bin of item i, or -1 while it is in S. */
  readonly binOf: Int32Array;
  /** Item i may not leave its bin before iteration `tabu[i]`. */
  readonly tabu: Int32Array;
  /** Unassigned items, heaviest first. */
  readonly S: number[] = [];
  /** Σ normalized size of S. */
  sWeight = 0;
  /** Number of bins in use. */
  m = 0;

  constructor(inst: PackInstance, maxBins: number) {
    this.inst = inst;
    this.load = new Float64Array(Math.max(1, maxBins) * inst.dims);
    this.binOf = new Int32Array(inst.n);
    this.tabu = new Int32Array(inst.n);
  }

  /** Resets the state to the full packing `p` (S empty, no tabu). */
  restore(p: Packing): void {
    const { n, dims, size } = this.inst;
    this.m = p.binCount;
    this.binItems.length = 0;
    for (let b = 0; b < this.m; b++) this.binItems.push([]);
    this.load.fill(0);
    for (let i = 0; i < n; i++) {
      const b = p.assignment[i];
      this.binOf[i] = b;
      this.binItems[b].push(i);
      for (let d = 0; d < dims; d++) this.load[b * dims + d] += size[i * dims + d];
    }
    this.S.length = 0;
    this.sWeight = 0;
    this.tabu.fill(0);
  }

  /** Bin b's load as a normalized sum Σ_d load_d / capacity_d. */
  binWeight(b: number): number {
    const { dims, capacity } = this.inst;
    let w = 0;
    for (let d = 0; d < dims; d++) w += this.load[b * dims + d] / capacity[d];
    return w;
  }

  /** Bin b's free room as a normalized sum Σ_d (limit_d - load_d) / capacity_d. */
  roomWeight(b: number): number {
    const { dims, capacity, limit } = this.inst;
    let w = 0;
    for (let d = 0; d < dims; d++) w += (limit[d] - this.load[b * dims + d]) / capacity[d];
    return w;
  }

  /** Inserts item i into S at its sorted place. */
  addToS(i: number): void {
    const { weight } = this.inst;
    const S = this.S;
    const wi = weight[i];
    let lo = 0;
    let hi = S.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const wm = weight[S[mid]];
      if (wm > wi || (wm === wi && S[mid] < i)) lo = mid + 1;
      else hi = mid;
    }
    S.splice(lo, 0, i);
    this.sWeight += wi;
    this.binOf[i] = -1;
  }

  /** Removes item i from S. */
  removeFromS(i: number): void {
    const S = this.S;
    S.splice(S.indexOf(i), 1);
    this.sWeight -= this.inst.weight[i];
    if (S.length === 0) this.sWeight = 0; // no drift once S is empty
  }

  /** Moves item i from bin b to S. */
  takeOut(b: number, i: number): void {
    const { dims, size } = this.inst;
    const bag = this.binItems[b];
    bag.splice(bag.indexOf(i), 1);
    for (let d = 0; d < dims; d++) this.load[b * dims + d] -= size[i * dims + d];
    this.addToS(i);
  }

  /** Moves item i from S into bin b (the caller checked that it fits). */
  putIn(b: number, i: number): void {
    const { dims, size } = this.inst;
    this.removeFromS(i);
    this.binItems[b].push(i);
    this.binOf[i] = b;
    for (let d = 0; d < dims; d++) this.load[b * dims + d] += size[i * dims + d];
  }

  /** Moves bin b's items to S and deletes the bin (the last bin takes its number). */
  emptyBin(b: number): void {
    const { dims } = this.inst;
    for (const i of this.binItems[b]) this.addToS(i);
    const last = this.m - 1;
    if (b !== last) {
      this.binItems[b] = this.binItems[last];
      for (const i of this.binItems[b]) this.binOf[i] = b;
      for (let d = 0; d < dims; d++) this.load[b * dims + d] = this.load[last * dims + d];
    }
    this.binItems.pop();
    for (let d = 0; d < dims; d++) this.load[last * dims + d] = 0;
    this.m--;
  }

  /** The least loaded bin, or (randomize) one of the 3 least loaded. */
  pickVictim(rand: () => number, randomize: boolean): number {
    const idx = Array.from({ length: this.m }, (_, b) => b);
    const w = idx.map((b) => this.binWeight(b));
    idx.sort((a, b) => w[a] - w[b] || a - b);
    return randomize ? idx[randomInt(rand, Math.min(3, this.m))] : idx[0];
  }

  /** A full packing: the bins plus S's items placed by `extra` into `extraBins` new bins. */
  snapshot(extra: readonly number[], extraBins: number): Packing {
    const { n } = this.inst;
    const assignment = new Int32Array(n);
    for (let i = 0; i < n; i++) assignment[i] = this.binOf[i];
    for (let x = 0; x < this.S.length; x++) assignment[this.S[x]] = this.m + extra[x];
    return { binCount: this.m + extraBins, assignment };
  }
}

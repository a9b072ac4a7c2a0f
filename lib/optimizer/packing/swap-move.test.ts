import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../prng';
import { EliminationState } from './elimination-state';
import { InSetPool } from './in-set-pool';
import { buildInstance } from './instance';
import { emptyMove, findBestSwap, largestFreeRoom, SwapScratch } from './swap-move';

function setup(sizes: number[], cap: number, assignment: number[], bins: number, emptied: number) {
  const inst = buildInstance(sizes, [cap]);
  const st = new EliminationState(inst, bins);
  st.restore({ binCount: bins, assignment: Int32Array.from(assignment) });
  st.emptyBin(emptied);
  const pool = new InSetPool();
  pool.build(st.S, inst.weight, 40, largestFreeRoom(st, 0), inst.size, 1);
  const mv = emptyMove();
  findBestSwap(st, pool, mulberry32(1), 0, new SwapScratch(1), mv);
  return { st, mv };
}

describe('findBestSwap', () => {
  it('picks the swap that shrinks S the most: {30} out, {50, 20} in', () => {
    // bin 0: 40 35 30 (room 45 of 150); bin 1 emptied: S = {50, 20}.
    // Out {30} frees 75 for the pair (70): S shrinks by 40, more than out {35} (35) or {40} (30).
    const { mv } = setup([40, 35, 30, 50, 20], 150, [0, 0, 0, 1, 1], 2, 1);
    expect(mv.bin).toBe(0);
    expect([mv.out1, mv.out2]).toEqual([2, -1]);
    expect([mv.inA, mv.inB].sort()).toEqual([3, 4]);
    expect(mv.delta).toBeCloseTo(40 / 150, 12);
  });

  it('never proposes a move that overfills the bin', () => {
    const { st, mv } = setup([9, 8, 7, 6], 10, [0, 1, 2, 3], 4, 3);
    if (mv.bin >= 0) {
      const out = (mv.out1 >= 0 ? st.inst.size[mv.out1] : 0) + (mv.out2 >= 0 ? st.inst.size[mv.out2] : 0);
      const inn = st.inst.size[mv.inA] + (mv.inB >= 0 ? st.inst.size[mv.inB] : 0);
      expect(st.load[mv.bin] - out + inn).toBeLessThanOrEqual(10);
    }
  });

  it('skips swaps of identical sizes (no-ops)', () => {
    // bin 0 = {5, 5} is full and S = {5}: the only legal move gives two 5s for one
    const { mv } = setup([5, 5, 5], 10, [0, 0, 1], 2, 1);
    expect(mv.bin).toBe(0);
    expect(mv.out2).toBeGreaterThanOrEqual(0);
    expect(mv.inB).toBe(-1);
  });
});

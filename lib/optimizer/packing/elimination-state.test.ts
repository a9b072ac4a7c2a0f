import { describe, expect, it } from 'vitest';
import { EliminationState } from './elimination-state';
import { buildInstance } from './instance';

describe('EliminationState', () => {
  const inst = buildInstance([6, 4, 5, 5, 3, 2], [10]);
  const packing = { binCount: 3, assignment: Int32Array.from([0, 0, 1, 1, 2, 2]) };

  it('keeps S sorted heaviest first and its size sum in step with moves', () => {
    const st = new EliminationState(inst, 3);
    st.restore(packing);
    st.emptyBin(2);
    expect(st.m).toBe(2);
    expect(st.S).toEqual([4, 5]);
    st.takeOut(0, 1);
    expect(st.S).toEqual([1, 4, 5]);
    expect(st.sWeight).toBeCloseTo(0.9, 12);
    st.putIn(0, 4);
    expect(st.S).toEqual([1, 5]);
    expect(st.sWeight).toBeCloseTo(0.6, 12);
    expect(st.binWeight(0)).toBeCloseTo(0.9, 12);
  });

  it('renumbers the last bin into the emptied one and snapshots a full packing', () => {
    const st = new EliminationState(inst, 3);
    st.restore(packing);
    st.emptyBin(0);
    expect(st.binItems[0]).toEqual([4, 5]);
    expect(st.binOf[4]).toBe(0);
    const full = st.snapshot([0, 0], 1);
    expect(full.binCount).toBe(3);
    expect(full.assignment[0]).toBe(2);
    expect(full.assignment[1]).toBe(2);
  });

  it('picks the least loaded bin as the victim', () => {
    const st = new EliminationState(inst, 3);
    st.restore(packing);
    expect(st.pickVictim(() => 0, false)).toBe(2);
  });
});

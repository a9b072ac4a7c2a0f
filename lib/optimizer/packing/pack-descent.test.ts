import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../prng';
import { EliminationState } from './elimination-state';
import { buildInstance } from './instance';
import { packDescent } from './pack-descent';

describe('packDescent', () => {
  it('refills a bin tightly from its items plus S and shrinks S', () => {
    // bin 0: 6 (room 4); S = {3, 4} after emptying bin 1 -> bin 0 becomes {6, 4}
    for (const fill of [undefined, { rows: new Int32Array(0) }]) {
      const inst = buildInstance([6, 3, 4], [10]);
      const st = new EliminationState(inst, 2);
      st.restore({ binCount: 2, assignment: Int32Array.from([0, 1, 1]) });
      st.emptyBin(1);
      expect(packDescent(st, mulberry32(1), 1, () => 0, 1, fill)).toBe(true);
      expect(st.binItems[0].slice().sort()).toEqual([0, 2]);
      expect(st.S).toEqual([1]);
    }
  });

  it('reports false when no bin can be filled better', () => {
    const inst = buildInstance([10, 7], [10]);
    const st = new EliminationState(inst, 2);
    st.restore({ binCount: 2, assignment: Int32Array.from([0, 1]) });
    st.emptyBin(1);
    expect(packDescent(st, mulberry32(1), 1, () => 0, 1)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../prng';
import { EliminationState } from './elimination-state';
import { fitsReserve, fitsReserveWithBin } from './reserve-fit';
import { twoBinPartition } from './two-bin-partition';
import { buildInstance } from './instance';

const buf = (dims = 1) => ({ load: new Float64Array(dims), sizes: [], partition: { rows: new Int32Array(0) } });

describe('fitsReserve', () => {
  it('splits items that only fit two bins in a non-greedy way', () => {
    // 6 5 5 4 into two bins of 10: {6,4} and {5,5}
    const inst = buildInstance([6, 5, 5, 4], [10]);
    const side = fitsReserve(inst, [0, 1, 2, 3], 2, buf());
    expect(side).not.toBeNull();
    const load = [0, 0];
    side!.forEach((s, k) => (load[s] += inst.size[k]));
    expect(load).toEqual([10, 10]);
  });

  it('answers null when the items need more bins than reserved', () => {
    const inst = buildInstance([6, 6, 6], [10]);
    expect(fitsReserve(inst, [0, 1, 2], 2, buf())).toBeNull();
    expect(fitsReserve(inst, [0], 0, buf())).toBeNull();
    expect(fitsReserve(inst, [], 0, buf())).toEqual([]);
  });
});

describe('fitsReserve in 2-D', () => {
  it('splits vectors that fit two bins only when paired across dimensions', () => {
    // (6,1) (1,6) (4,9) (9,4) into bins (10,10): {(6,1),(4,9)} and {(1,6),(9,4)}
    const inst = buildInstance([{ size: [6, 1] }, { size: [1, 6] }, { size: [4, 9] }, { size: [9, 4] }], [10, 10]);
    const side = fitsReserve(inst, [0, 1, 2, 3], 2, buf(2));
    expect(side).not.toBeNull();
    const load = [0, 0, 0, 0];
    side!.forEach((s, k) => {
      load[2 * s] += inst.size[2 * k];
      load[2 * s + 1] += inst.size[2 * k + 1];
    });
    for (const l of load) expect(l).toBeLessThanOrEqual(10);
  });
});


describe('fitsReserveWithBin', () => {
  it('repacks S with one full bin into three bins when S alone will not split into two', () => {
    // kept bin 0 = {250, 300, 450}; S = {480, 400} + {300, 260, 270} + {290} weighs 2000 but has no 1000 subset
    const sizes = [250, 300, 450, 480, 400, 300, 260, 270, 290];
    const inst = buildInstance(sizes, [1000]);
    const st = new EliminationState(inst, 4);
    st.restore({ binCount: 4, assignment: Int32Array.from([0, 0, 0, 1, 1, 2, 2, 2, 3]) });
    st.emptyBin(3);
    st.emptyBin(2);
    st.emptyBin(1);
    expect(twoBinPartition(st.S.map((i) => sizes[i]), 1000, { rows: new Int32Array(0) })).toBeNull();
    const full = fitsReserveWithBin(st, mulberry32(1), () => 0, 1, buf());
    expect(full).not.toBeNull();
    expect(full!.binCount).toBe(3);
    const load = [0, 0, 0];
    sizes.forEach((s, i) => (load[full!.assignment[i]] += s));
    expect(load).toEqual([1000, 1000, 1000]);
  });
});

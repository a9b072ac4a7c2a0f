import { decreasingOrder, type PackInstance } from './instance';
import type { Packing } from './ffd';
import { addItemRow, hasSum, MAX_SUBSET_SUM_WORK, rowWords, topMask } from './subset-sum-bits';


/**
 * Minimum Bin Slack with an exact subset sum per bin (1-D integer data).
 *
 * Same construction as {@link minimumBinSlack}: each bin takes the largest
 * unpacked item, then the subset of the other unpacked items that fills it
 * best, but that subset is found exactly with a bitset subset sum
 * ({@link addItemRow}) instead of a budgeted search, stopping at the first
 * item that makes an exact fill reachable:
 *
 * ```
 *   c = 10, first item 6 -> room 4; others 3 3 2 1
 *   sums after 3: {0,3}  after 3: {0,3,6}  after 2: {0,2,3,5,6}  after 1: ... 4 -> exact, stop
 * ```
 *
 * Cost per bin: O(r · room / 32) for r unpacked items. Returns `undefined`
 * when the instance is not integral 1-D data or one bin could cost more than
 * {@link MAX_SUBSET_SUM_WORK}; null if `now()` passes `deadline` (checked per
 * bin) or once the bins built so far waste more room than a packing into
 * `maxBins` bins can (so a failing run stops early).
 */
export function exactBinSlack(inst: PackInstance, now: () => number, deadline: number, maxBins = Number.POSITIVE_INFINITY): Packing | null | undefined {
  const { n, size } = inst;
  const c = inst.capacity[0];
  if (!inst.integral) return undefined;
  const words = rowWords(c);
  // slack the packing may waste and still use at most maxBins bins
  let total = 0;
  for (let i = 0; i < n; i++) total += size[i];
  let slackLeft = maxBins * c - total;
  if ((n + 1) * words > MAX_SUBSET_SUM_WORK) return undefined; // one bin could run long between clock checks
  const assignment = new Int32Array(n).fill(-1);
  const rest = decreasingOrder(inst);
  let restLen = n;
  const cand = new Int32Array(n);
  const rows = new Int32Array((n + 1) * words);
  let binCount = 0;
  while (restLen > 0) {
    if (now() >= deadline) return null;
    const first = rest[0];
    const room = c - size[first];
    const w = rowWords(room);
    const mask = topMask(room);
    let k = 0;
    rows.fill(0, 0, w);
    rows[0] = 1;
    for (let x = 1; x < restLen && !hasSum(rows, k * w, room); x++) {
      const v = size[rest[x]];
      if (v > room) continue;
      addItemRow(rows, k * w, (k + 1) * w, w, v, mask);
      cand[k++] = rest[x];
    }
    // best reachable load: the highest set bit of the last row
    let t = 0;
    for (let q = w - 1; q >= 0; q--) {
      const bits = rows[k * w + q];
      if (bits !== 0) {
        t = q * 32 + 31 - Math.clz32(bits);
        break;
      }
    }
    slackLeft -= room - t;
    if (slackLeft < 0) return null; // this packing already wastes more than maxBins allow
    const bin = binCount++;
    assignment[first] = bin;
    for (let x = k - 1; x >= 0 && t > 0; x--) {
      if (hasSum(rows, x * w, t)) continue; // reachable without this item
      assignment[cand[x]] = bin;
      t -= size[cand[x]];
    }
    // compact the unpacked list, keeping its order
    let out = 0;
    for (let x = 1; x < restLen; x++) if (assignment[rest[x]] < 0) rest[out++] = rest[x];
    restLen = out;
  }
  return { binCount, assignment };
}

import { OptimizerInputError } from '../errors';
import { MAX_SUBSET_SUM_CAPACITY } from './subset-sum-bits';

/** One item for vector packing: `size[d]` in the same unit as `capacity[d]`. */
export type VectorItem = { readonly size: ArrayLike<number> };

/**
 * Items for {@link packVectors}: a list of `{ size }` objects, a list of size
 * vectors (arrays or typed arrays), or a flat list / typed array of 1-D sizes.
 */
export type VectorItems = readonly VectorItem[] | readonly ArrayLike<number>[] | ArrayLike<number>;

/**
 * A validated, flattened packing instance (internal).
 * `size[i * dims + d]` is item i's size in dimension d; `weight[i]` is the
 * normalized size sum `Σ_d size/capacity` (1-D: size / capacity).
 */
export type PackInstance = {
  readonly n: number;
  readonly dims: number;
  readonly size: Float64Array;
  readonly capacity: Float64Array;
  /** capacity plus a relative tolerance of 1e-9, used by every fit test. */
  readonly limit: Float64Array;
  readonly weight: Float64Array;
  /**
   * True for 1-D data whose sizes and capacity are integers up to
   * {@link MAX_SUBSET_SUM_CAPACITY}: exact bitset subset sums apply.
   */
  readonly integral: boolean;
};

/** Largest number of dimensions accepted by the vector packers. */
export const MAX_DIMS = 2;

/** Largest number of items accepted (keeps memory bounded). */
export const MAX_ITEMS = 2_000_000;

function isItemList(items: VectorItems): items is readonly VectorItem[] | readonly ArrayLike<number>[] {
  return Array.isArray(items) && items.length > 0 && typeof items[0] === 'object' && items[0] !== null;
}

function sizeOf(it: unknown): ArrayLike<number> | undefined {
  if (it === null || typeof it !== 'object') return undefined;
  if (Array.isArray(it) || ArrayBuffer.isView(it)) return it as ArrayLike<number>;
  return (it as VectorItem).size;
}

/**
 * Validates items and capacity and builds a {@link PackInstance}.
 * @throws OptimizerInputError naming the bad field (`capacity[0]`, `items[4].size[1]`, ...).
 */
export function buildInstance(items: VectorItems, capacity: ArrayLike<number>): PackInstance {
  if (capacity === null || typeof capacity !== 'object' || typeof capacity.length !== 'number') {
    throw new OptimizerInputError('capacity', capacity, 'must be an array of 1 or 2 positive numbers');
  }
  const dims = capacity.length;
  if (dims < 1 || dims > MAX_DIMS) {
    throw new OptimizerInputError('capacity', capacity, `must have 1 to ${MAX_DIMS} dimensions`);
  }
  const cap = new Float64Array(dims);
  const limit = new Float64Array(dims);
  for (let d = 0; d < dims; d++) {
    const c = capacity[d];
    if (typeof c !== 'number' || !Number.isFinite(c) || c <= 0) {
      throw new OptimizerInputError(`capacity[${d}]`, c, 'must be a finite number > 0');
    }
    cap[d] = c;
    limit[d] = c * (1 + 1e-9);
  }
  if (items === null || typeof items !== 'object' || typeof (items as ArrayLike<unknown>).length !== 'number') {
    throw new OptimizerInputError('items', items, 'must be an array');
  }
  const n = items.length;
  if (n > MAX_ITEMS) throw new OptimizerInputError('items', items, `must hold at most ${MAX_ITEMS} items`);
  const size = new Float64Array(n * dims);
  const weight = new Float64Array(n);
  const list = isItemList(items);
  if (!list && dims !== 1 && n > 0) {
    throw new OptimizerInputError('items', items, 'flat size lists are 1-D only; pass { size: [v, w] } objects for 2-D');
  }
  for (let i = 0; i < n; i++) {
    let w = 0;
    if (list) {
      const s = sizeOf((items as readonly unknown[])[i]);
      if (s === undefined || s === null || typeof s.length !== 'number' || s.length !== dims) {
        throw new OptimizerInputError(`items[${i}].size`, s, `must be an array of ${dims} number(s)`);
      }
      for (let d = 0; d < dims; d++) {
        const v = s[d];
        checkSize(v, `items[${i}].size[${d}]`, cap[d]);
        size[i * dims + d] = v;
        w += v / cap[d];
      }
    } else {
      const v = (items as ArrayLike<number>)[i];
      checkSize(v, `items[${i}]`, cap[0]);
      size[i] = v;
      w = v / cap[0];
    }
    weight[i] = w;
  }
  let integral = dims === 1 && Number.isInteger(cap[0]) && cap[0] <= MAX_SUBSET_SUM_CAPACITY;
  for (let i = 0; integral && i < n; i++) integral = Number.isInteger(size[i]);
  return { n, dims, size, capacity: cap, limit, weight, integral };
}

function checkSize(v: unknown, field: string, cap: number): asserts v is number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new OptimizerInputError(field, v, 'must be a finite number >= 0');
  }
  if (v > cap * (1 + 1e-9)) throw new OptimizerInputError(field, v, `exceeds the bin capacity ${cap}`);
}

/**
 * Item order used by FFD and BFD: non-increasing normalized size, ties broken by
 * the size vector (largest first), so equal items are interchangeable and the
 * result does not depend on the input order.
 */
export function decreasingOrder(inst: PackInstance): Int32Array {
  const { n, dims, size, weight } = inst;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (dims === 1) {
    order.sort((a, b) => size[b] - size[a] || a - b);
  } else {
    order.sort((a, b) => {
      const dw = weight[b] - weight[a];
      if (dw !== 0) return dw;
      for (let d = 0; d < dims; d++) {
        const ds = size[b * dims + d] - size[a * dims + d];
        if (ds !== 0) return ds;
      }
      return a - b;
    });
  }
  return order;
}

/**
 * The routing model (docs/simulator.md, "Travel model").
 *
 * The storage area is a block of parallel aisles between a front and a back cross-aisle.
 * - Aisle direction is inferred from the data: the axis along which most aisles' locations
 *   spread (so scenarios with aisles along x or along y both work). `u` is the axis across
 *   aisles, `v` the axis along them.
 * - An aisle is a zone + aisle name (numbers often restart per zone); groups with the same name
 *   on (nearly) the same centre line are one corridor. Its centre line is the mean `u` of its
 *   locations; the pickers reach bins from it.
 * - The block is the storage locations; STAGING and DOCK positions lie outside it and are
 *   reached straight from the dock (rectilinear out and back).
 * - The cross-aisles lie at the smallest and largest `v` of the block; the front is the one
 *   nearer the dock.
 * - One-way travel dock → bin is rectilinear: across to the aisle end, then into the aisle
 *   (through whichever end is shorter).
 * - An order is picked in one S-shape tour: from the dock to the front cross-aisle, every aisle
 *   with a pick is traversed entirely in alternating direction; with an odd count the last one
 *   is entered and left from the front (return to its deepest pick); then back to the dock.
 * Levels (vertical reach) and congestion delays are not distances and are not counted.
 */
export type TravelPoint = { x: number; y: number; aisle: string; zone?: string; type?: string };

/** Staging and dock positions lie outside the aisle block: reached straight from the dock. */
const OUTSIDE_BLOCK = new Set(['STAGING', 'DOCK']);
/** Groups of the same aisle name whose centre lines are this close are one corridor. */
const SAME_CORRIDOR_FEET = 3;

export type Layout = {
  /** Rectilinear one-way distance (feet) from the dock to the bin with this index. */
  oneWay(binIndex: number): number;
  /** S-shape tour length (feet) from the dock through the bins and back. Duplicates are fine. */
  tour(binIndices: Iterable<number>): number;
  /** Index of the aisle of a bin (aisles are numbered in `u` order; -1 outside the block). */
  aisleOf(binIndex: number): number;
  aisleCount: number;
  aisleNames: readonly string[];
};

export function buildLayout(points: readonly TravelPoint[], dock: { x: number; y: number }): Layout {
  const inBlock = points.map((point) => !OUTSIDE_BLOCK.has(point.type ?? ''));
  // Aisle numbers often restart per zone (PAPER 01, INK 01), so an aisle is zone + name.
  const groups = new Map<string, number[]>();
  points.forEach((point, index) => {
    if (!inBlock[index]) return;
    const key = `${point.zone ?? ''}\u0000${point.aisle}`;
    const list = groups.get(key);
    if (list) list.push(index);
    else groups.set(key, [index]);
  });
  // Orientation: count aisles whose locations spread more along y than along x.
  let alongY = 0;
  let alongX = 0;
  for (const indices of groups.values()) {
    if (indices.length < 2) continue;
    const xs = indices.map((index) => points[index].x);
    const ys = indices.map((index) => points[index].y);
    const spreadX = Math.max(...xs) - Math.min(...xs);
    const spreadY = Math.max(...ys) - Math.min(...ys);
    if (spreadY >= spreadX) alongY += 1;
    else alongX += 1;
  }
  const vertical = alongY >= alongX;
  const uOf = (point: { x: number; y: number }) => (vertical ? point.x : point.y);
  const vOf = (point: { x: number; y: number }) => (vertical ? point.y : point.x);

  let vMin = Infinity;
  let vMax = -Infinity;
  points.forEach((point, index) => {
    if (!inBlock[index]) return;
    vMin = Math.min(vMin, vOf(point));
    vMax = Math.max(vMax, vOf(point));
  });
  if (!Number.isFinite(vMin)) {
    vMin = 0;
    vMax = 0;
  }
  const dockU = uOf(dock);
  const dockV = vOf(dock);
  const frontIsMin = Math.abs(dockV - vMin) <= Math.abs(dockV - vMax);
  const front = frontIsMin ? vMin : vMax;
  const length = vMax - vMin;
  const dockToFront = Math.abs(dockV - front);
  const dockToBack = Math.abs(dockV - (frontIsMin ? vMax : vMin));

  // One corridor per group; groups of one name on (nearly) the same centre line merge.
  const corridors: { name: string; u: number; indices: number[] }[] = [];
  for (const [key, indices] of groups) {
    const name = key.split('\u0000')[1];
    const u = indices.reduce((sum, index) => sum + uOf(points[index]), 0) / indices.length;
    const same = corridors.find((corridor) => corridor.name === name && Math.abs(corridor.u - u) <= SAME_CORRIDOR_FEET);
    if (same) {
      same.u = (same.u * same.indices.length + u * indices.length) / (same.indices.length + indices.length);
      same.indices.push(...indices);
    } else corridors.push({ name, u, indices: [...indices] });
  }
  corridors.sort((a, b) => a.u - b.u || a.name.localeCompare(b.name));
  const aisleU = new Float64Array(corridors.length);
  const binAisle = new Int32Array(points.length).fill(-1);
  const depth = new Float64Array(points.length);
  const oneWay = new Float64Array(points.length);
  corridors.forEach((corridor, aisleIndex) => {
    aisleU[aisleIndex] = corridor.u;
    for (const index of corridor.indices) binAisle[index] = aisleIndex;
  });
  points.forEach((point, index) => {
    if (!inBlock[index]) {
      oneWay[index] = Math.abs(point.x - dock.x) + Math.abs(point.y - dock.y);
      return;
    }
    depth[index] = Math.abs(vOf(point) - front);
    const across = Math.abs(dockU - aisleU[binAisle[index]]);
    oneWay[index] = across + Math.min(dockToFront + depth[index], dockToBack + (length - depth[index]));
  });

  const deepest = new Float64Array(corridors.length).fill(-1);
  const touched: number[] = [];
  return {
    oneWay: (binIndex) => oneWay[binIndex],
    aisleOf: (binIndex) => binAisle[binIndex],
    aisleCount: corridors.length,
    aisleNames: corridors.map((corridor) => corridor.name),
    tour(binIndices) {
      touched.length = 0;
      // Staging and dock picks: one straight out-and-back to the farthest of them.
      let outside = 0;
      for (const binIndex of binIndices) {
        const aisle = binAisle[binIndex];
        if (aisle < 0) {
          outside = Math.max(outside, oneWay[binIndex]);
          continue;
        }
        if (deepest[aisle] < 0) touched.push(aisle);
        if (depth[binIndex] > deepest[aisle]) deepest[aisle] = depth[binIndex];
      }
      if (touched.length === 0) return 2 * outside;
      touched.sort((a, b) => a - b);
      const first = touched[0];
      const last = touched[touched.length - 1];
      const horizontal = 2 * (Math.max(aisleU[last], dockU) - Math.min(aisleU[first], dockU));
      let along = 2 * dockToFront;
      if (touched.length === 1) along += 2 * deepest[first];
      else if (touched.length % 2 === 0) along += touched.length * length;
      else along += (touched.length - 1) * length + 2 * Math.min(deepest[first], deepest[last]);
      for (const aisle of touched) deepest[aisle] = -1;
      return horizontal + along + 2 * outside;
    },
  };
}

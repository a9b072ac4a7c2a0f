/** Cubic inches per cubic foot. */
export const CUBIC_INCHES_PER_FOOT = 1728;

/** Unit volume in cubic feet from dimensions in inches. */
export function unitCubicFeet(lengthIn: number, widthIn: number, heightIn: number): number {
  return (lengthIn * widthIn * heightIn) / CUBIC_INCHES_PER_FOOT;
}

/**
 * Does a box fit through an opening in some axis-aligned orientation?
 * Trying all 6 rotations is equivalent to sorting both triples and comparing
 * them largest to largest:
 *
 * ```
 *   unit  30 x 10 x 20  -> sorted 30 20 10
 *   bin   24 x 36 x 12  -> sorted 36 24 12   fits: 30<=36, 20<=24, 10<=12
 * ```
 * All values in inches.
 */
export function fitsInside(
  unit: { lengthIn: number; widthIn: number; heightIn: number },
  inside: { l: number; w: number; h: number },
): boolean {
  const a = sortedDims(unit);
  const b = sort3(inside.l, inside.w, inside.h);
  return a[0] <= b[0] && a[1] <= b[1] && a[2] <= b[2];
}

/** A unit's dimensions, largest first, inches: the form every fit and dominance check compares. */
export function sortedDims(unit: { lengthIn: number; widthIn: number; heightIn: number }): [number, number, number] {
  return sort3(unit.lengthIn, unit.widthIn, unit.heightIn);
}

function sort3(x: number, y: number, z: number): [number, number, number] {
  let a = x;
  let b = y;
  let c = z;
  if (a < b) [a, b] = [b, a];
  if (b < c) [b, c] = [c, b];
  if (a < b) [a, b] = [b, a];
  return [a, b, c];
}

/** Rectilinear (aisle-walking) distance in feet. */
export function rectilinear(ax: number, ay: number, bx: number, by: number): number {
  return Math.abs(ax - bx) + Math.abs(ay - by);
}

import { describe, expect, it } from 'vitest';
import { fitsInside, rectilinear, sortedDims, unitCubicFeet } from './geometry';

describe('fitsInside', () => {
  it('accepts a box that fits only after rotation', () => {
    expect(fitsInside({ lengthIn: 10, widthIn: 30, heightIn: 20 }, { l: 24, w: 36, h: 12 })).toBe(true);
  });

  it('rejects a box whose middle dimension is too large in every orientation', () => {
    expect(fitsInside({ lengthIn: 30, widthIn: 25, heightIn: 5 }, { l: 36, w: 24, h: 24 })).toBe(false);
  });

  it('accepts an exact fit', () => {
    expect(fitsInside({ lengthIn: 12, widthIn: 12, heightIn: 12 }, { l: 12, w: 12, h: 12 })).toBe(true);
  });
});

describe('sortedDims', () => {
  it('gives a unit\'s dimensions largest first, whatever order they were recorded in', () => {
    expect(sortedDims({ lengthIn: 10, widthIn: 30, heightIn: 20 })).toEqual([30, 20, 10]);
    expect(sortedDims({ lengthIn: 20, widthIn: 20, heightIn: 30 })).toEqual([30, 20, 20]);
  });
});

describe('unitCubicFeet and rectilinear', () => {
  it('converts cubic inches to cubic feet', () => {
    expect(unitCubicFeet(12, 12, 12)).toBe(1);
  });

  it('measures aisle-walking distance', () => {
    expect(rectilinear(0, 0, 3, -4)).toBe(7);
  });
});

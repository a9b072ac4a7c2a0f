import { describe, expect, it } from 'vitest';
import { buildLayout } from './travel';

describe('travel model on hand-computed layouts', () => {
  // One aisle along y at x = 0; the dock 10 ft in front of the first bin.
  const twoBins = buildLayout(
    [
      { x: 0, y: 10, aisle: 'A1' },
      { x: 0, y: 30, aisle: 'A1' },
    ],
    { x: 0, y: 0 },
  );

  it('measures one-way travel from the dock straight into the aisle', () => {
    expect(twoBins.oneWay(0)).toBe(10);
    expect(twoBins.oneWay(1)).toBe(30);
  });

  it('walks a single-aisle order in and back out to the deepest pick', () => {
    expect(twoBins.tour([0])).toBe(20);
    expect(twoBins.tour([1])).toBe(60);
    expect(twoBins.tour([0, 1])).toBe(60);
    expect(twoBins.tour([1, 1, 0])).toBe(60);
  });

  it('costs nothing for an order with no picks', () => {
    expect(twoBins.tour([])).toBe(0);
  });

  // Two aisles 10 ft apart, each 20 ft long (y 10..30); dock at (0, 0).
  const twoAisles = buildLayout(
    [
      { x: 0, y: 10, aisle: 'A1' },
      { x: 0, y: 30, aisle: 'A1' },
      { x: 10, y: 12, aisle: 'A2' },
      { x: 10, y: 30, aisle: 'A2' },
    ],
    { x: 0, y: 0 },
  );

  it('adds the rectilinear walk across to a farther aisle', () => {
    expect(twoAisles.oneWay(2)).toBe(10 + 10 + 2);
  });

  it('traverses both aisles fully in an S-shape when an order visits two aisles', () => {
    // Across 2 × 10, to the front and back 2 × 10, two full aisle lengths 2 × 20.
    expect(twoAisles.tour([0, 2])).toBe(20 + 20 + 40);
  });

  it('returns from the deepest pick of the odd last aisle', () => {
    const three = buildLayout(
      [
        { x: 0, y: 0, aisle: '1' },
        { x: 0, y: 40, aisle: '1' },
        { x: 10, y: 0, aisle: '2' },
        { x: 10, y: 40, aisle: '2' },
        { x: 20, y: 5, aisle: '3' },
        { x: 20, y: 40, aisle: '3' },
      ],
      { x: 0, y: 0 },
    );
    // Across 2 × 20; two full aisles 2 × 40; return trip in aisle 1 or 3, the shallower: 2 × 5.
    expect(three.tour([1, 3, 4])).toBe(40 + 80 + 10);
  });

  it('infers aisles that run along x and measures them the same way', () => {
    const rotated = buildLayout(
      [
        { x: 10, y: 0, aisle: 'A1' },
        { x: 30, y: 0, aisle: 'A1' },
      ],
      { x: 0, y: 0 },
    );
    expect(rotated.oneWay(1)).toBe(30);
    expect(rotated.tour([0, 1])).toBe(60);
  });

  it('enters from the back cross-aisle when the dock is behind the block', () => {
    const behind = buildLayout(
      [
        { x: 0, y: 10, aisle: 'A1' },
        { x: 0, y: 30, aisle: 'A1' },
      ],
      { x: 0, y: 40 },
    );
    expect(behind.oneWay(1)).toBe(10);
    expect(behind.oneWay(0)).toBe(30);
  });

  it('tells apart aisles whose numbers restart per zone', () => {
    const layout = buildLayout(
      [
        { x: 10, y: 10, aisle: '01', zone: 'INK' },
        { x: 10, y: 30, aisle: '01', zone: 'INK' },
        { x: 50, y: 10, aisle: '01', zone: 'PAPER' },
        { x: 50, y: 30, aisle: '01', zone: 'PAPER' },
      ],
      { x: 0, y: 0 },
    );
    expect(layout.aisleCount).toBe(2);
    expect(layout.oneWay(2)).toBe(50 + 10);
    // Two aisles: across 2 × 50, to the block 2 × 10, two full lengths 2 × 20.
    expect(layout.tour([0, 2])).toBe(100 + 20 + 40);
  });

  it('keeps staging outside the aisle block: straight from the dock, not stretching the aisles', () => {
    const layout = buildLayout(
      [
        { x: 0, y: 40, aisle: 'A', type: 'RESERVE' },
        { x: 0, y: 60, aisle: 'A', type: 'RESERVE' },
        { x: 6, y: 2, aisle: 'S', type: 'STAGING' },
      ],
      { x: 0, y: 0 },
    );
    expect(layout.oneWay(2)).toBe(8);
    expect(layout.oneWay(1)).toBe(60);
    expect(layout.tour([2])).toBe(16);
    expect(layout.tour([0, 2])).toBe(80 + 16);
  });
});

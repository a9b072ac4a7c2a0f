/** Small hand-made scenarios shared by the simulator's tests. */
export const tinyScenario = () => ({
  name: 'tiny',
  dock: { x: 0, y: 0 },
  locations: [
    { code: 'B-02', zone: 'Z', aisle: '1', bay: 2, level: 1, x: 0, y: 30, type: 'RESERVE', cubicFeet: 10, maxWeightLbs: 1000, insideInches: { l: 30, w: 30, h: 30 } },
    { code: 'B-01', zone: 'Z', aisle: '1', bay: 1, level: 1, x: 0, y: 10, type: 'RESERVE', cubicFeet: 10, maxWeightLbs: 1000, insideInches: { l: 30, w: 30, h: 30 } },
  ],
  materials: [{ sku: 'INK-1', lengthIn: 12, widthIn: 12, heightIn: 12, weightLbs: 10 }],
  events: [
    { day: 0, kind: 'receipt', sku: 'INK-1', quantity: 4 },
    { day: 0, kind: 'order', id: 'SO-1', lines: [{ sku: 'INK-1', quantity: 2 }] },
  ],
});

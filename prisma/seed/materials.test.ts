import { describe, expect, it } from 'vitest';
import { Rng } from './random';
import { generateMaterials, materialCountFor } from './materials';

describe('materials', () => {
  const materials = generateMaterials(new Rng(42), 800);

  it('the same seed produces the same item master', () => {
    expect(generateMaterials(new Rng(42), 800).map((m) => [m.sku, m.description, m.weightLbs])).toEqual(materials.map((m) => [m.sku, m.description, m.weightLbs]));
  });

  it('has about 800 SKUs for a big warehouse and at least 120 for a small one', () => {
    expect(materials.length).toBeGreaterThanOrEqual(790);
    expect(materials.length).toBeLessThanOrEqual(810);
    expect(new Set(materials.map((m) => m.sku)).size).toBe(materials.length);
    expect(materialCountFor(2000)).toBe(800);
    expect(materialCountFor(200)).toBe(120);
    expect(materialCountFor(100_000)).toBe(800);
  });

  it('covers every print-industry category with plausible dimensions and weights', () => {
    const of = (c: string) => materials.filter((m) => m.category === c);
    for (const c of ['PAPER_ROLL', 'INK', 'CHEMICAL', 'PLATE', 'SMALL_PART', 'FINISHED_CARTON']) expect(of(c).length).toBeGreaterThan(20);
    for (const roll of of('PAPER_ROLL')) {
      expect(roll.widthIn).toBeGreaterThanOrEqual(40);
      expect(roll.widthIn).toBeLessThanOrEqual(60);
      expect(roll.weightLbs).toBeGreaterThanOrEqual(1000);
      expect(roll.weightLbs).toBeLessThanOrEqual(2500);
    }
    for (const carton of of('FINISHED_CARTON')) {
      expect(carton.widthIn).toBeGreaterThanOrEqual(12);
      expect(carton.lengthIn).toBeLessThanOrEqual(24);
    }
    const drums = of('INK').filter((m) => m.description.includes('drum'));
    expect(drums.length).toBeGreaterThan(0);
    for (const d of drums) expect([d.widthIn, d.lengthIn, d.heightIn]).toEqual([23, 23, 35]);
  });

  it('gives every ink and chemical a hazard class and nothing else one', () => {
    for (const m of materials) {
      if (m.category === 'INK' || m.category === 'CHEMICAL') expect(m.hazardClass).toMatch(/^(FLAMMABLE|COMBUSTIBLE|CORROSIVE|IRRITANT)$/);
      else expect(m.hazardClass).toBeNull();
    }
  });

  it('forms co-pick families: CMYK ink sets, a plate with its developer, carton families', () => {
    const families = new Map<number, typeof materials>();
    for (const m of materials) if (m.family !== null) families.set(m.family, [...(families.get(m.family) ?? []), m]);
    const kinds = [...families.values()].map((members) => [...new Set(members.map((m) => m.category))].sort().join('+'));
    expect(kinds).toContain('INK');
    expect(kinds).toContain('CHEMICAL+PLATE');
    expect(kinds).toContain('FINISHED_CARTON');
    const cmyk = [...families.values()].find((members) => members[0].category === 'INK')!;
    expect(cmyk.map((m) => m.description.match(/ink (\w+)/)![1])).toEqual(['Cyan', 'Magenta', 'Yellow', 'Black']);
  });

  it('demand is Pareto: the top 20% of SKUs carry most of the demand weight', () => {
    const weights = materials.map((m) => m.demand).sort((a, b) => b - a);
    const total = weights.reduce((a, b) => a + b, 0);
    const top = weights.slice(0, Math.round(weights.length * 0.2)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.65);
    expect(top / total).toBeLessThan(0.92);
  });
});

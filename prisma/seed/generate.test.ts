import { describe, expect, it } from 'vitest';
import { generateTenant, tenantSpecs } from './generate';
import { SEEDED_DEFECTS, SEEDED_DEFECT_TOTALS } from './defects';
import { fits, unitCubicFeet } from './placement';
import { DAY_MS, HOUR_MS } from './random';

const NOW = Date.UTC(2026, 10, 29);
const [acmeSpec, northwindSpec] = tenantSpecs(2000, SEEDED_DEFECTS);
const acme = generateTenant(42, acmeSpec, NOW);
const matById = new Map(acme.materials.map((m) => [m.materialId, m]));
const locById = new Map(acme.locations.map((l) => [l.locationId, l]));

describe('tenant generation', () => {
  it('the same seed and anchor produce the same tenant, a different seed a different one', () => {
    const again = generateTenant(42, acmeSpec, NOW);
    expect(again.tenantId).toBe(acme.tenantId);
    expect(again.materials.map((m) => m.sku)).toEqual(acme.materials.map((m) => m.sku));
    expect(again.lots).toEqual(acme.lots);
    expect(again.transactions).toEqual(acme.transactions);
    expect(again.orders).toEqual(acme.orders);
    const other = generateTenant(43, acmeSpec, NOW);
    expect(other.tenantId).not.toBe(acme.tenantId);
    expect(other.lots.length).not.toBe(acme.lots.length);
  });

  it('northwind is a tenth of acme, at least 200 locations', () => {
    expect(northwindSpec.locations).toBe(200);
    expect(tenantSpecs(100_000, SEEDED_DEFECTS)[1].locations).toBe(10_000);
  });

  it('every lot reconciles: quantity on hand equals the sum of its transactions', () => {
    const sums = new Map<string, number>();
    for (const x of acme.transactions) sums.set(x.lotId, (sums.get(x.lotId) ?? 0) + x.quantity);
    for (const lot of acme.lots) expect(sums.get(lot.lotId) ?? 0).toBe(lot.quantityOnHand);
  });

  it('stock never runs negative in time order, except the one deliberate negative-stock lot', () => {
    const byLot = new Map<string, typeof acme.transactions>();
    for (const x of acme.transactions) byLot.set(x.lotId, [...(byLot.get(x.lotId) ?? []), x]);
    let negativeLots = 0;
    for (const lot of acme.lots) {
      const rows = byLot.get(lot.lotId)!.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || b.quantity - a.quantity);
      expect(rows[0].type).toBe('RECEIPT');
      expect(rows[0].quantity).toBeGreaterThan(0);
      let balance = 0;
      let dipped = false;
      for (const r of rows) { balance += r.quantity; if (balance < 0) dipped = true; }
      if (dipped) negativeLots++;
    }
    expect(negativeLots).toBe(SEEDED_DEFECTS['acme-print'].negativeStock);
    expect(acme.lots.filter((l) => l.quantityOnHand < 0)).toHaveLength(1);
  });

  it('all history lies in the 90 days before the anchor, and MOVEs come in balanced pairs', () => {
    for (const x of acme.transactions) {
      expect(x.createdAt.getTime()).toBeGreaterThanOrEqual(NOW - 90 * DAY_MS);
      expect(x.createdAt.getTime()).toBeLessThanOrEqual(NOW);
    }
    const moves = acme.transactions.filter((x) => x.type === 'MOVE');
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.length % 2).toBe(0);
    expect(moves.reduce((s, x) => s + x.quantity, 0)).toBe(0);
    expect(acme.transactions.some((x) => x.type === 'ADJUST')).toBe(true);
    for (const lot of acme.lots) expect(lot.lotNumber).toMatch(/^L\d{4}-\d{6}$/);
  });

  it('never fills a bin past 100% of its volume or weight, and leaves the broken bins empty', () => {
    const vol = new Map<string, number>();
    const lbs = new Map<string, number>();
    for (const lot of acme.lots) {
      if (!lot.locationId || lot.quantityOnHand <= 0) continue;
      const m = matById.get(lot.materialId)!;
      if (m.widthIn === null || m.heightIn === null) continue; // the missing-dimension defects
      vol.set(lot.locationId, (vol.get(lot.locationId) ?? 0) + lot.quantityOnHand * unitCubicFeet(m));
      lbs.set(lot.locationId, (lbs.get(lot.locationId) ?? 0) + lot.quantityOnHand * m.weightLbs!);
      expect(fits(m, locById.get(lot.locationId)!)).toBe(true);
    }
    for (const loc of acme.locations) {
      if (loc.cubicFeet <= 0 || loc.maxWeightLbs <= 0 || !loc.isActive) expect(vol.has(loc.locationId)).toBe(false);
      else {
        expect(vol.get(loc.locationId) ?? 0).toBeLessThanOrEqual(loc.cubicFeet + 1e-9);
        expect(lbs.get(loc.locationId) ?? 0).toBeLessThanOrEqual(loc.maxWeightLbs + 1e-9);
      }
    }
  });

  it('places lots at mixed fill levels, mostly 60–85%, with 1.5–3 lots per occupied bin', () => {
    const vol = new Map<string, number>();
    const lotsPerBin = new Map<string, number>();
    for (const lot of acme.lots) {
      if (!lot.locationId) continue;
      lotsPerBin.set(lot.locationId, (lotsPerBin.get(lot.locationId) ?? 0) + 1);
      const m = matById.get(lot.materialId)!;
      vol.set(lot.locationId, (vol.get(lot.locationId) ?? 0) + Math.max(0, lot.quantityOnHand) * unitCubicFeet(m));
    }
    const storage = acme.locations.filter((l) => l.zoneCode !== 'RECV' && l.cubicFeet > 0 && l.isActive);
    const fill = storage.map((l) => (vol.get(l.locationId) ?? 0) / l.cubicFeet);
    const share = (p: (f: number) => boolean) => fill.filter(p).length / fill.length;
    expect(share((f) => f >= 0.6 && f <= 0.85)).toBeGreaterThan(0.4);
    expect(share((f) => f > 0 && f < 0.6)).toBeGreaterThan(0.1);
    expect(share((f) => f > 0.85)).toBeGreaterThan(0.05);
    expect(share((f) => f === 0)).toBeGreaterThan(0.02);
    const perBin = [...lotsPerBin.values()].reduce((a, b) => a + b, 0) / lotsPerBin.size;
    expect(perBin).toBeGreaterThanOrEqual(1.5);
    expect(perBin).toBeLessThanOrEqual(3);
  });

  it('lets ABC emerge from picks: A items are a minority of SKUs that make ~80% of picks', () => {
    const picks = new Map<string, number>();
    for (const x of acme.transactions) if (x.type === 'PICK') picks.set(x.materialId, (picks.get(x.materialId) ?? 0) + 1);
    const total = [...picks.values()].reduce((a, b) => a + b, 0);
    const classified = acme.materials.filter((m) => m.abc !== null);
    const aItems = classified.filter((m) => m.abc === 'A');
    const aPicks = aItems.reduce((s, m) => s + (picks.get(m.materialId) ?? 0), 0);
    expect(aItems.length / acme.materials.length).toBeLessThan(0.3);
    expect(aPicks / total).toBeGreaterThan(0.7);
    expect(new Set(classified.map((m) => m.abc))).toEqual(new Set(['A', 'B', 'C']));
  });

  it('carries exactly the declared defects', () => {
    const d = SEEDED_DEFECTS['acme-print'];
    expect(acme.materials.filter((m) => m.widthIn === null || m.heightIn === null)).toHaveLength(d.missingDimensions);
    expect(acme.materials.filter((m) => m.abc === null)).toHaveLength(d.missingAbc);
    expect(acme.locations.filter((l) => l.cubicFeet <= 0 || l.maxWeightLbs <= 0)).toHaveLength(d.invalidCapacity);
    const oversize = acme.materials.filter((m) => m.sku.startsWith('OVS-'));
    expect(oversize).toHaveLength(d.oversizeMaterials);
    for (const m of oversize) {
      expect(acme.locations.some((l) => fits(m, l))).toBe(false);
      expect(acme.lots.some((l) => l.materialId === m.materialId)).toBe(false);
    }
    expect(SEEDED_DEFECT_TOTALS.missingDimensions).toBeLessThan(10);
    expect(SEEDED_DEFECT_TOTALS.missingAbc).toBeLessThan(100);
    expect(SEEDED_DEFECT_TOTALS.invalidCapacity).toBeGreaterThan(0);
  });

  it('has ~40 open orders, several due within 24 hours at any time of the anchor day', () => {
    const open = acme.orders.filter((o) => o.status === 'OPEN');
    expect(open).toHaveLength(40);
    for (const hour of [0, 6, 12, 18, 23]) {
      const t = NOW + hour * HOUR_MS;
      expect(open.filter((o) => o.dueAt.getTime() > t && o.dueAt.getTime() <= t + 24 * HOUR_MS).length).toBeGreaterThanOrEqual(4);
    }
    expect(acme.orders.filter((o) => o.status === 'SHIPPED').every((o) => o.shippedAt!.getTime() <= NOW)).toBe(true);
  });

  it('orders co-pick families: CMYK sets often ship together', () => {
    const linesByOrder = new Map<string, string[]>();
    for (const l of acme.lines) linesByOrder.set(l.salesOrderId, [...(linesByOrder.get(l.salesOrderId) ?? []), l.materialId]);
    const inkFamilies = new Set(acme.materials.filter((m) => m.category === 'INK' && m.family !== null).map((m) => m.family));
    let withInkSet = 0;
    let together = 0;
    for (const mats of linesByOrder.values()) {
      const fams = mats.map((id) => matById.get(id)!).filter((m) => inkFamilies.has(m.family)).map((m) => m.family);
      if (fams.length === 0) continue;
      withInkSet++;
      if (fams.length > new Set(fams).size) together++;
    }
    expect(together / withInkSet).toBeGreaterThan(0.4);
  });

  it('has 50–150 open pick tasks crowded into a few aisles, plus done ones', () => {
    const open = acme.tasks.filter((t) => t.status === 'OPEN');
    expect(open.length).toBeGreaterThanOrEqual(50);
    expect(open.length).toBeLessThanOrEqual(150);
    const perAisle = new Map<string, number>();
    for (const t of open) { const l = locById.get(t.locationId)!; const k = `${l.zoneCode}/${l.aisle}`; perAisle.set(k, (perAisle.get(k) ?? 0) + 1); }
    const top3 = [...perAisle.values()].sort((a, b) => b - a).slice(0, 3).reduce((a, b) => a + b, 0);
    expect(top3 / open.length).toBeGreaterThan(0.6);
    expect(acme.tasks.some((t) => t.status === 'DONE' && t.completedAt !== null)).toBe(true);
  });
});

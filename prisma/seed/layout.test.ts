import { describe, expect, it } from 'vitest';
import { Rng } from './random';
import { cubicFeet, generateLayout } from './layout';

describe('warehouse layout', () => {
  const layout = generateLayout(new Rng(42), 2000);

  it('the same seed produces the same warehouse', () => {
    const again = generateLayout(new Rng(42), 2000);
    expect(again.locations.map((l) => l.code)).toEqual(layout.locations.map((l) => l.code));
    expect(again.locations.map((l) => l.locationId)).toEqual(layout.locations.map((l) => l.locationId));
  });

  it('creates exactly the requested number of locations with unique zone-aisle-bay-level codes', () => {
    expect(layout.locations).toHaveLength(2000);
    expect(new Set(layout.locations.map((l) => l.code)).size).toBe(2000);
    for (const l of layout.locations) expect(l.code).toMatch(/^(DCK|STG|PAP|INK|PLT|FIN)-\d{2,}-\d{2,}-[1-5]$/);
  });

  it('has a receiving zone with dock doors and staging lanes near the dock at (0,0)', () => {
    const docks = layout.locations.filter((l) => l.type === 'DOCK');
    const staging = layout.locations.filter((l) => l.type === 'STAGING');
    expect(docks.length).toBeGreaterThanOrEqual(4);
    expect(staging.length).toBeGreaterThanOrEqual(6);
    for (const l of [...docks, ...staging]) {
      expect(l.zoneCode).toBe('RECV');
      expect(l.y).toBeLessThanOrEqual(15);
    }
  });

  it('puts paper on bulk floor slots, inks in a hazard zone, plates on shelving, cartons on pick faces and reserve', () => {
    const byZone = (code: string) => layout.locations.filter((l) => l.zoneCode === code);
    expect(new Set(byZone('PAPER').filter((l) => l.level === 1).map((l) => l.type))).toEqual(new Set(['BULK']));
    expect(layout.zones.find((z) => z.code === 'INK')!.hazardAllowed).toBe(true);
    expect(layout.zones.filter((z) => z.hazardAllowed)).toHaveLength(1);
    expect(new Set(byZone('PLATES').map((l) => l.type))).toEqual(new Set(['PICK_FACE']));
    const finished = byZone('FINISHED');
    expect(finished.filter((l) => l.level <= 2).every((l) => l.type === 'PICK_FACE')).toBe(true);
    expect(finished.filter((l) => l.level >= 3).every((l) => l.type === 'RESERVE')).toBe(true);
  });

  it('keeps cubic feet consistent with the inside dimensions', () => {
    for (const l of layout.locations) {
      expect(l.cubicFeet).toBe(cubicFeet(l.lengthIn, l.widthIn, l.heightIn));
      expect(Math.abs(l.cubicFeet - (l.lengthIn * l.widthIn * l.heightIn) / 1728)).toBeLessThan(0.01);
    }
  });

  it('spaces aisles 10 ft apart and keeps travel distances realistic (20–500 ft from the dock)', () => {
    const storage = layout.locations.filter((l) => l.zoneCode !== 'RECV');
    const xs = [...new Set(storage.map((l) => l.x))].sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBe(10);
    const distances = storage.map((l) => Math.hypot(l.x, l.y));
    expect(Math.min(...distances)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...distances)).toBeLessThanOrEqual(500);
  });

  it('marks a few bins inactive', () => {
    const inactive = layout.locations.filter((l) => !l.isActive);
    expect(inactive.length).toBeGreaterThanOrEqual(3);
    expect(inactive.length).toBeLessThan(20);
  });

  it('refuses fewer than 100 locations', () => {
    expect(() => generateLayout(new Rng(1), 50)).toThrow(/--locations/);
  });
});

import { describe, expect, it } from 'vitest';
import { affinityTerm, scorePlacement, travelTerm, utilizationTerm } from './scoring';
import { resolveConfig } from './config';

const cfg = resolveConfig(undefined);
const base = { abc: 'A' as const, distanceNorm: 0.2, fillAfter: 0.7, affinityLift: 0, openTasks: 0, consolidation: 0 };

describe('travelTerm', () => {
  it('weights the pull toward near bins by ABC velocity, A strongest and C weakest', () => {
    expect(travelTerm('A', 0)).toBeGreaterThan(travelTerm('A', 1));
    expect(travelTerm('B', 0)).toBeLessThan(travelTerm('A', 0));
    expect(travelTerm('C', 0) - travelTerm('C', 1)).toBeLessThan(travelTerm('B', 0) - travelTerm('B', 1));
  });
});

describe('utilizationTerm', () => {
  it('rewards landing inside the band and penalizes going past it', () => {
    const band = { min: 0.6, max: 0.85 };
    expect(utilizationTerm(0.7, band, 0.95)).toBe(1);
    expect(utilizationTerm(0.3, band, 0.95)).toBeCloseTo(0.5);
    expect(utilizationTerm(0.95, band, 0.95)).toBe(-1);
    expect(utilizationTerm(0.9, band, 0.95)).toBeCloseTo(0);
  });
});

describe('scorePlacement', () => {
  it('sums the named components into the total', () => {
    const { total, breakdown } = scorePlacement({ ...base, affinityLift: 1.5, openTasks: 5, consolidation: 1 }, cfg);
    expect(breakdown.travel + breakdown.utilization + breakdown.affinity + breakdown.congestion + breakdown.consolidation).toBeCloseTo(total, 5);
    expect(total).toBeLessThanOrEqual(100);
    expect(total).toBeGreaterThanOrEqual(-100);
  });

  it('scores a consolidating, co-picked placement above a plain one', () => {
    expect(scorePlacement({ ...base, affinityLift: 3, consolidation: 1 }, cfg).total).toBeGreaterThan(scorePlacement(base, cfg).total);
  });

  it('penalizes congested aisles only when congestion avoidance is on', () => {
    expect(scorePlacement({ ...base, openTasks: 10 }, cfg).breakdown.congestion).toBeLessThan(0);
    const off = resolveConfig({ flags: { CONGESTION_AVOIDANCE_ENABLED: false } });
    expect(scorePlacement({ ...base, openTasks: 10 }, off).breakdown.congestion).toBe(0);
  });
});

describe('affinityTerm', () => {
  it('rewards co-picked neighbours fully near the dock and fades to nothing at the farthest bin', () => {
    expect(affinityTerm(3, 0)).toBe(1);
    expect(affinityTerm(3, 0.5)).toBeCloseTo(0.5, 12);
    expect(affinityTerm(3, 1)).toBe(0);
    expect(affinityTerm(1.5, 0)).toBeCloseTo(0.5, 12);
    expect(affinityTerm(0, 0)).toBe(0);
  });
});

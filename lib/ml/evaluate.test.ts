import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateOnSimulatedSupervisor } from './evaluate';
import { parsePreferences } from './simulated-supervisor';
import { SITUATION_ATTRIBUTES } from './simulated-warehouse';

describe('evaluateOnSimulatedSupervisor', () => {
  it('states the noise and the ceiling and beats the majority baseline on a small run', () => {
    const preferences = parsePreferences(JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'alt-preferences.json'), 'utf8')), SITUATION_ATTRIBUTES);
    const report = evaluateOnSimulatedSupervisor({ preferences, noise: 0.1, rows: 4000, seed: 3 });
    expect(report.noise).toBe(0.1);
    expect(report.bayesCeiling).toBeCloseTo(0.9, 12);
    expect(report.heldOut.count).toBe(800);
    expect(report.heldOut.accuracy).toBeGreaterThan(report.baseline.accuracy + 0.1);
    expect(report.heldOut.accuracy).toBeLessThanOrEqual(1);
    expect(report.source).toBe('simulated');
  });
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPACITY_DEFAULTS } from '../schemas/capacity';
import { parseCapacityOptions } from './cli-capacity';
import { ScenarioError } from './scenario';

const refusal = (band: string | true | undefined, hardCap: string | true | undefined) => {
  try {
    parseCapacityOptions({ band, hardCap });
  } catch (error) {
    if (error instanceof ScenarioError) return { option: error.field, message: error.message };
    throw error;
  }
  throw new Error(`accepted --band ${String(band)} --hard-cap ${String(hardCap)}`);
};

describe('parseCapacityOptions (--band MIN-MAX, --hard-cap CAP)', () => {
  it('gives the engine defaults when neither option is typed', () => {
    expect(parseCapacityOptions({ band: undefined, hardCap: undefined })).toEqual(CAPACITY_DEFAULTS);
  });

  it('reads the band and the cap as fractions of a bin cube, keeping the default for an option left out', () => {
    expect(parseCapacityOptions({ band: '0.7-0.9', hardCap: '1' })).toEqual({ targetBandMin: 0.7, targetBandMax: 0.9, hardCap: 1 });
    expect(parseCapacityOptions({ band: ' 0.6 - 0.95 ', hardCap: undefined })).toEqual({ targetBandMin: 0.6, targetBandMax: 0.95, hardCap: 0.95 });
    expect(parseCapacityOptions({ band: undefined, hardCap: '0.9' })).toEqual({ targetBandMin: 0.6, targetBandMax: 0.85, hardCap: 0.9 });
  });

  it('accepts the edges the pages accept: a 30 % band floor under a 50 % cap, and everything at 100 %', () => {
    expect(parseCapacityOptions({ band: '0.3-0.3', hardCap: '0.5' })).toEqual({ targetBandMin: 0.3, targetBandMax: 0.3, hardCap: 0.5 });
    expect(parseCapacityOptions({ band: '1-1', hardCap: '1' })).toEqual({ targetBandMin: 1, targetBandMax: 1, hardCap: 1 });
  });

  it('refuses a band below the 30 % floor the pages keep, though the engine would run it', () => {
    expect(refusal('0.2-0.85', undefined)).toEqual({ option: '--band', message: '--band: Target band minimum must be at least 30%. Got --band 0.2-0.85 (20%–85%).' });
  });

  it('refuses a cap below the 50 % floor on --hard-cap, with one message', () => {
    expect(refusal('0.3-0.4', '0.45')).toEqual({ option: '--hard-cap', message: '--hard-cap: Hard cap must be at least 50%. Got --hard-cap 0.45 (45%).' });
  });

  it('refuses a cap over 100 %, so no bin is ever planned past full', () => {
    expect(refusal(undefined, '1.05').message).toBe('--hard-cap: Hard cap must be at most 100%. Got --hard-cap 1.05 (105%).');
  });

  it('shows percent typed where a fraction belongs as the percent it means', () => {
    expect(refusal('60-85', undefined).message).toBe('--band: Target band minimum must be at most 100%. Got --band 60-85 (6000%–8500%).');
  });

  it('refuses a band whose low end is above its high end, naming both values', () => {
    expect(refusal('0.9-0.8', undefined).message).toBe('--band: Target band minimum (90%) must not be above the target band maximum (80%). Got --band 0.9-0.8 (90%–80%).');
  });

  it('refuses a band above the cap on --band when the band was typed', () => {
    expect(refusal('0.6-0.97', undefined).option).toBe('--band');
    expect(refusal('0.6-0.97', '0.95').message).toBe('--band: Target band maximum (97%) must not be above the hard cap (95%). Got --band 0.6-0.97 (60%–97%).');
  });

  it('names --hard-cap when only the cap was typed and it falls under the default band', () => {
    expect(refusal(undefined, '0.8')).toEqual({ option: '--hard-cap', message: '--hard-cap: Target band maximum (85%) must not be above the hard cap (80%). Got --hard-cap 0.8 (80%).' });
  });

  it('refuses text that is not MIN-MAX or a number, and an option typed without a value', () => {
    expect(refusal('0.6', undefined).option).toBe('--band');
    expect(refusal('0.6-0.8.5', undefined).message).toContain('expected MIN-MAX');
    expect(refusal(true, undefined).message).toContain('expected MIN-MAX');
    expect(refusal(undefined, 'full').message).toBe(`--hard-cap: expected a fraction of a bin's cube, e.g. 0.95; got "full"`);
    expect(refusal(undefined, true).option).toBe('--hard-cap');
  });
});

describe('the CLI with capacity options (npm run -s simulate -- <scenario.json> --band … --hard-cap …)', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const simulate = (...args: string[]) => spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/simulate.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('exits 2 on a band the pages would refuse, naming the option and printing no result', () => {
    const run = simulate('lib/simulator/fixtures/one-day-no-receipts.json', '--json', '--band', '0.2-0.85');
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr.trim()).toBe('Invalid option — --band: Target band minimum must be at least 30%. Got --band 0.2-0.85 (20%–85%).');
    expect(run.stdout).toBe('');
  }, 60_000);

  it('runs with rules the pages accept and reports them', () => {
    const run = simulate('lib/simulator/fixtures/one-day-no-receipts.json', '--json', '--policies', 'binwise', '--band', '0.7-0.9', '--hard-cap', '1');
    expect(run.status, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as { policies: { policy: string; capacity?: unknown }[] };
    expect(printed.policies.find((policy) => policy.policy === 'binwise')?.capacity).toEqual({ targetBandMin: 0.7, targetBandMax: 0.9, hardCap: 1 });
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { parseArgs, startOfTodayUtc } from './index';
import { DEMO_USERS } from './demo-users';

describe('seed CLI and exports', () => {
  it('parses --seed, --locations, --now and --reset in both spellings', () => {
    expect(parseArgs(['--seed', '7', '--locations=300', '--now', '2026-11-29T00:00:00Z', '--reset'])).toEqual({
      seed: 7, locations: 300, now: new Date('2026-11-29T00:00:00Z'), reset: true });
  });

  it('defaults to seed 42, 2000 locations and today 00:00 UTC', () => {
    const args = parseArgs([]);
    expect(args).toMatchObject({ seed: 42, locations: 2000, reset: false });
    expect(args.now.getTime()).toBe(startOfTodayUtc().getTime());
    expect(startOfTodayUtc(new Date('2026-11-29T17:45:00Z')).toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('rejects unknown options and malformed values with a clear message', () => {
    expect(() => parseArgs(['--sed', '1'])).toThrow(/Unknown option --sed/);
    expect(() => parseArgs(['--locations', 'many'])).toThrow(/--locations must be/);
    expect(() => parseArgs(['--now', 'yesterday'])).toThrow(/--now must be/);
  });

  it('exports one demo user per role in each tenant, all with the demo password', () => {
    expect(DEMO_USERS).toHaveLength(8);
    expect(DEMO_USERS.map((u) => u.email)).toEqual([
      'supervisor@acme.test', 'ops@acme.test', 'manager@acme.test', 'admin@acme.test',
      'supervisor@northwind.test', 'ops@northwind.test', 'manager@northwind.test', 'admin@northwind.test',
    ]);
    expect(new Set(DEMO_USERS.map((u) => u.password))).toEqual(new Set(['binwise-demo']));
  });
});

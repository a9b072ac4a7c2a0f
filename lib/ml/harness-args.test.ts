import { describe, expect, it } from 'vitest';
import { numberArg, parseArgs } from './harness-args';

describe('parseArgs', () => {
  it('reads flags, --name value and --name=value', () => {
    const args = parseArgs(['--json', '--noise', '0.2', '--seed=7'], ['noise', 'seed']);
    expect(args.flags.has('json')).toBe(true);
    expect(args.values.get('noise')).toBe('0.2');
    expect(numberArg(args, 'seed', 1, Number.isInteger, 'an integer')).toBe(7);
  });

  it('refuses a value flag without a value and names it', () => {
    expect(() => parseArgs(['--noise'], ['noise'])).toThrow('--noise needs a value.');
  });

  it('refuses an out-of-range number, naming the flag and the bad value', () => {
    const args = parseArgs(['--noise', '0.7'], ['noise']);
    expect(() => numberArg(args, 'noise', 0.1, (n) => n >= 0 && n < 0.5, 'a number in [0, 0.5)')).toThrow('--noise must be a number in [0, 0.5) (got "0.7").');
  });
});

/**
 * Command-line arguments shared by the ML scripts, parsed without I/O so they can be tested:
 * `--flag value` or `--flag=value`, and bare boolean flags.
 */
export type ParsedArgs = { flags: Set<string>; values: Map<string, string> };

export function parseArgs(argv: readonly string[], valueFlags: readonly string[]): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}".`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (valueFlags.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value.`);
      values.set(name, value);
    } else {
      flags.add(name);
    }
  }
  return { flags, values };
}

export function numberArg(args: ParsedArgs, name: string, fallback: number, check: (n: number) => boolean, expectation: string): number {
  const raw = args.values.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new Error(`--${name} must be ${expectation} (got "${raw}").`);
  return value;
}

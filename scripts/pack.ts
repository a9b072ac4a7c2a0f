/**
 * Packs one benchmark instance file and prints one JSON object.
 *
 *   npx tsx scripts/pack.ts <file> [--format bpplib|vector2d] [--algorithm ffd|bfd|hybrid]
 *                            [--time-limit-ms N] [--seed N] --json
 *
 * Output: {"bins": N, "lowerBound": L, "ms": T, "algorithm": "..."}.
 * Exit codes: 0 ok, 2 bad arguments or file.
 */
import { packVectors, OptimizerInputError, type PackingAlgorithm } from '../lib/optimizer/index';
import { BenchdataError, readInstance, type InstanceFormat } from './lib/benchdata';

const USAGE = 'usage: pack <file> [--format bpplib|vector2d] [--algorithm ffd|bfd|hybrid] [--time-limit-ms N] [--seed N] [--json]';

type Args = { file: string; format?: InstanceFormat; algorithm: PackingAlgorithm; timeLimitMs?: number; seed?: number; json: boolean };

function fail(message: string): never {
  process.stderr.write(`pack: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let format: InstanceFormat | undefined;
  let algorithm: PackingAlgorithm = 'HYBRID';
  let timeLimitMs: number | undefined;
  let seed: number | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--json') json = true;
    else if (a === '--format') {
      const v = value();
      if (v !== 'bpplib' && v !== 'vector2d') fail(`--format must be bpplib or vector2d (got ${JSON.stringify(v)})`);
      format = v;
    } else if (a === '--algorithm') {
      const v = value().toUpperCase();
      if (v !== 'FFD' && v !== 'BFD' && v !== 'HYBRID') fail(`--algorithm must be ffd, bfd or hybrid (got ${JSON.stringify(argv[i])})`);
      algorithm = v;
    } else if (a === '--time-limit-ms') {
      const v = Number(value());
      if (!Number.isFinite(v) || v < 0) fail(`--time-limit-ms must be a number >= 0 (got ${JSON.stringify(argv[i])})`);
      timeLimitMs = v;
    } else if (a === '--seed') {
      const v = Number(value());
      if (!Number.isInteger(v)) fail(`--seed must be an integer (got ${JSON.stringify(argv[i])})`);
      seed = v;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown flag ${a}`);
    else if (file === undefined) file = a;
    else fail(`unexpected argument ${JSON.stringify(a)}`);
  }
  if (file === undefined) fail('missing instance file');
  return { file, format, algorithm, timeLimitMs, seed, json };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  try {
    const inst = readInstance(args.file, args.format);
    const t0 = performance.now();
    const items = inst.kind === 'bpplib' ? inst.sizes : inst.items;
    const capacity = inst.kind === 'bpplib' ? [inst.capacity] : inst.capacity;
    const res = packVectors(items, capacity, { algorithm: args.algorithm, timeLimitMs: args.timeLimitMs, seed: args.seed });
    const ms = Math.round((performance.now() - t0) * 1000) / 1000;
    const out = { bins: res.binCount, lowerBound: res.lowerBound, ms, algorithm: res.algorithm };
    if (args.json) process.stdout.write(`${JSON.stringify(out)}\n`);
    else process.stdout.write(`${inst.name}: ${out.bins} bins (lower bound ${out.lowerBound}${res.optimal ? ', optimal' : ''}) by ${out.algorithm} in ${ms} ms\n`);
  } catch (e) {
    if (e instanceof BenchdataError || e instanceof OptimizerInputError) fail(e.message);
    throw e;
  }
}

main();

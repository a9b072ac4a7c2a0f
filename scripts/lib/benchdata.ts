/**
 * Readers for the benchmark instance files in ../shared/benchdata (see its README):
 * BPPLIB 1-D files and the 2-D vector packing files, plus their index tables.
 * Shared by scripts/pack.ts and scripts/bench-packing.ts. I/O lives here, not in lib/optimizer.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** A 1-D instance: `sizes` in the unit of `capacity`. */
export type BpplibInstance = { kind: 'bpplib'; name: string; n: number; capacity: number; sizes: number[] };
/** A 2-D instance: dimension 1 = volume, dimension 2 = weight. */
export type Vector2dInstance = { kind: 'vector2d'; name: string; n: number; capacity: [number, number]; items: { size: [number, number] }[] };
export type Instance = BpplibInstance | Vector2dInstance;
export type InstanceFormat = 'bpplib' | 'vector2d';

/** A bad instance file or table; the message names the file and line. */
export class BenchdataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchdataError';
  }
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim());
}

function int(token: string | undefined, where: string, what: string, min = 0): number {
  const v = token === undefined ? NaN : Number(token);
  if (!Number.isFinite(v) || v < min || !/^[+-]?\d+(\.\d+)?$/.test(token ?? '')) {
    throw new BenchdataError(`${where}: ${what} must be a number >= ${min} (got ${JSON.stringify(token ?? '')})`);
  }
  return v;
}

/** Guesses the format: a third non-empty line with 3 tokens means vector2d. */
export function detectFormat(text: string): InstanceFormat {
  const body = lines(text).filter((l) => l.length > 0);
  return (body[2] ?? '').split(/\s+/).length >= 3 ? 'vector2d' : 'bpplib';
}

/** Parses a BPPLIB file: n, capacity, then n integer sizes. */
export function parseBpplib(text: string, name: string): BpplibInstance {
  const body = lines(text).filter((l) => l.length > 0);
  const n = int(body[0], `${name}:1`, 'n (item count)', 1);
  const capacity = int(body[1], `${name}:2`, 'capacity', 1);
  if (body.length < n + 2) throw new BenchdataError(`${name}: expected ${n} item lines, found ${body.length - 2}`);
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = int(body[2 + i].split(/\s+/)[0], `${name}:${3 + i}`, 'item size');
    if (v > capacity) throw new BenchdataError(`${name}:${3 + i}: item size ${v} exceeds capacity ${capacity}`);
    sizes.push(v);
  }
  return { kind: 'bpplib', name, n, capacity, sizes };
}

/** Parses a 2-D vector file: n, "cap1 cap2", then n lines "index size1 size2". */
export function parseVector2d(text: string, name: string): Vector2dInstance {
  const body = lines(text).filter((l) => l.length > 0);
  const n = int(body[0], `${name}:1`, 'n (item count)', 1);
  const caps = (body[1] ?? '').split(/\s+/);
  const capacity: [number, number] = [int(caps[0], `${name}:2`, 'capacity 1', 1), int(caps[1], `${name}:2`, 'capacity 2', 1)];
  if (body.length < n + 2) throw new BenchdataError(`${name}: expected ${n} item lines, found ${body.length - 2}`);
  const items: { size: [number, number] }[] = [];
  for (let i = 0; i < n; i++) {
    const t = body[2 + i].split(/\s+/);
    if (t.length < 3) throw new BenchdataError(`${name}:${3 + i}: expected "index size1 size2"`);
    const a = int(t[1], `${name}:${3 + i}`, 'size 1');
    const b = int(t[2], `${name}:${3 + i}`, 'size 2');
    if (a > capacity[0] || b > capacity[1]) throw new BenchdataError(`${name}:${3 + i}: item (${a}, ${b}) exceeds capacity (${capacity.join(', ')})`);
    items.push({ size: [a, b] });
  }
  return { kind: 'vector2d', name, n, capacity, items };
}

/** Reads one instance file, in the given format or auto-detected. */
export function readInstance(file: string, format?: InstanceFormat): Instance {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BenchdataError(`${file}: no such file`);
  const text = readFileSync(file, 'utf8');
  const name = path.basename(file);
  const f = format ?? detectFormat(text);
  return f === 'vector2d' ? parseVector2d(text, name) : parseBpplib(text, name);
}

/** One row of bpplib/optimal_values.tsv. */
export type BpplibRow = { name: string; path: string; set: string; n: number; capacity: number; lowerBound: number; bestKnown: number; proven: boolean };
/** One row of vector2d/bounds.tsv. */
export type VectorRow = { name: string; cls: string; n: number; lowerBound: number; optimum: number | null };

function table(file: string): string[][] {
  if (!existsSync(file)) throw new BenchdataError(`${file}: index table not found`);
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim().length > 0)
    .map((l) => l.split('\t'));
}

/** Reads bpplib/optimal_values.tsv. */
export function readBpplibIndex(dir: string): BpplibRow[] {
  return table(path.join(dir, 'bpplib', 'optimal_values.tsv')).map((r) => ({
    name: r[0],
    path: r[1],
    set: r[1].split('/')[0],
    n: Number(r[2]),
    capacity: Number(r[3]),
    lowerBound: Number(r[4]),
    bestKnown: Number(r[5]),
    proven: r[6] === 'yes',
  }));
}

/** Reads vector2d/bounds.tsv. */
export function readVectorIndex(dir: string): VectorRow[] {
  return table(path.join(dir, 'vector2d', 'bounds.tsv')).map((r) => ({
    name: r[0],
    cls: r[1],
    n: Number(r[2]),
    lowerBound: Number(r[4]),
    optimum: r[5] && r[5].trim() !== '' ? Number(r[5]) : null,
  }));
}

/** Path of a vector2d instance file. */
export function vectorInstancePath(dir: string, name: string): string {
  return path.join(dir, 'vector2d', 'instances', name);
}

/**
 * The benchdata directory: `--benchdata DIR`, else $BENCHDATA_DIR, else
 * `../shared/benchdata` relative to the project root.
 */
export function resolveBenchdataDir(flag: string | undefined, projectRoot: string): string {
  const dir = flag ?? process.env.BENCHDATA_DIR ?? path.resolve(projectRoot, '..', 'shared', 'benchdata');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BenchdataError(`benchdata directory not found: ${dir}`);
  if (!existsSync(path.join(dir, 'bpplib')) && !existsSync(path.join(dir, 'vector2d'))) {
    throw new BenchdataError(`${dir}: expected bpplib/ and/or vector2d/ inside`);
  }
  return dir;
}

/** Names of the bpplib set folders present. */
export function bpplibSets(dir: string): string[] {
  const root = path.join(dir, 'bpplib');
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((f) => statSync(path.join(root, f)).isDirectory()).sort();
}

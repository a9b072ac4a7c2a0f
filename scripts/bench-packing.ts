/**
 * Packing benchmark: FFD, BFD and HYBRID over every instance in ../shared/benchdata,
 * bin-packer's FFD/BFD side by side on the same 1-D arrays, seeded generated families that
 * are not in benchdata (scripts/lib/packing-families.ts), and optimizePutaway on
 * 10,000 units into 100,000 candidate bins.
 *
 *   npx tsx scripts/bench-packing.ts [--json] [--sets Falkenauer_U,vector2d,families,putaway,...] [--quick]
 *                                    [--benchdata DIR] [--time-limit-ms N] [--no-write]
 *
 * Prints one JSON object (with --json) or a summary; writes docs/benchmarks/packing.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bestFitDecreasing as peerBFD, firstFitDecreasing as peerFFD } from 'bin-packer';
import { DEFAULT_PACK_TIME_LIMIT_MS, optimizePutaway, packVectors, syntheticWarehouse, type PackingAlgorithm } from '../lib/optimizer/index';
import {
  BenchdataError,
  bpplibSets,
  parseBpplib,
  readBpplibIndex,
  readInstance,
  readVectorIndex,
  resolveBenchdataDir,
  vectorInstancePath,
} from './lib/benchdata';
import { readFileSync } from 'node:fs';
import { benchmarkFamilies } from './lib/packing-families';
import { median as medianOrNull } from './lib/median';

/** 0 for no runs: a set with no instances reports 0 ms, as before. */
const median = (xs: number[]): number => medianOrNull(xs) ?? 0;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALGS: readonly PackingAlgorithm[] = ['FFD', 'BFD', 'HYBRID'];

type Options = { json: boolean; sets: string[] | null; quick: boolean; dir: string; timeLimitMs: number; write: boolean };

function fail(message: string): never {
  process.stderr.write(`bench-packing: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  let json = false;
  let sets: string[] | null = null;
  let quick = false;
  let dirFlag: string | undefined;
  let timeLimitMs = DEFAULT_PACK_TIME_LIMIT_MS;
  let write = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--json') json = true;
    else if (a === '--quick') quick = true;
    else if (a === '--no-write') write = false;
    else if (a === '--sets') sets = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--benchdata') dirFlag = value();
    else if (a === '--time-limit-ms') {
      timeLimitMs = Number(value());
      if (!Number.isFinite(timeLimitMs) || timeLimitMs < 0) fail('--time-limit-ms must be a number >= 0');
    } else fail(`unknown argument ${a}`);
  }
  let dir: string;
  try {
    dir = resolveBenchdataDir(dirFlag, ROOT);
  } catch (e) {
    fail((e as Error).message);
  }
  return { json, sets, quick, dir, timeLimitMs, write };
}

type AlgStats = {
  instances: number;
  atBestKnown: number;
  binsAboveBestKnown: number;
  gapPct: number;
  totalBins: number;
  medianMsPer1000: number;
  maxMs: number;
  overTimeLimit: number;
};
type PeerStats = {
  algorithm: string;
  binRatio: number;
  /** ours / peer, total time over the set */
  timeRatio: number;
  /** ours / peer, median per-instance time (robust to one-off JIT pauses) */
  medianTimeRatio: number;
  instancesDiffering: number;
  peerTotalBins: number;
  oursTotalBins: number;
};
type SetReport = {
  set: string;
  dims: number;
  instances: number;
  reference: string;
  bestKnownTotal: number;
  algorithms: Record<string, AlgStats>;
  peer?: PeerStats[];
  /** instances at best known per item count n, per algorithm */
  byN?: Record<string, Record<string, number>>;
};


const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

type Run = { bins: number; ms: number; n: number };

function summarize(runs: Run[], best: number[], limit: number | null): AlgStats {
  let at = 0;
  let above = 0;
  let total = 0;
  let bestTotal = 0;
  let over = 0;
  runs.forEach((r, k) => {
    if (r.bins <= best[k]) at++;
    above += Math.max(0, r.bins - best[k]);
    total += r.bins;
    bestTotal += best[k];
    if (limit !== null && r.ms > limit) over++;
  });
  return {
    instances: runs.length,
    atBestKnown: at,
    binsAboveBestKnown: above,
    gapPct: round(bestTotal > 0 ? (100 * (total - bestTotal)) / bestTotal : 0),
    totalBins: total,
    medianMsPer1000: round(median(runs.map((r) => (r.ms / r.n) * 1000)), 4),
    maxMs: round(Math.max(0, ...runs.map((r) => r.ms))),
    overTimeLimit: over,
  };
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

function runBpplibSet(o: Options, set: string, log: (s: string) => void): SetReport {
  const rows = readBpplibIndex(o.dir).filter((r) => r.set === set && r.proven);
  const chosen = o.quick ? rows.filter((_, k) => k % 10 === 0) : rows;
  const runs: Record<string, Run[]> = { FFD: [], BFD: [], HYBRID: [], peerFFD: [], peerBFD: [] };
  const best: number[] = [];
  const differing = { FFD: 0, BFD: 0 };
  for (const row of chosen) {
    const inst = parseBpplib(readFileSync(path.join(o.dir, 'bpplib', row.path), 'utf8'), row.name);
    best.push(row.bestKnown);
    const ours: Record<string, number> = {};
    for (const alg of ALGS) {
      const [res, ms] = timed(() => packVectors(inst.sizes, [inst.capacity], { algorithm: alg, timeLimitMs: o.timeLimitMs }));
      runs[alg].push({ bins: res.binCount, ms, n: inst.n });
      ours[alg] = res.binCount;
    }
    const [pf, pfMs] = timed(() => peerFFD(inst.sizes.slice(), (x: number) => x, inst.capacity).bins.length);
    const [pb, pbMs] = timed(() => peerBFD(inst.sizes.slice(), (x: number) => x, inst.capacity).bins.length);
    runs.peerFFD.push({ bins: pf, ms: pfMs, n: inst.n });
    runs.peerBFD.push({ bins: pb, ms: pbMs, n: inst.n });
    if (pf !== ours.FFD) differing.FFD++;
    if (pb !== ours.BFD) differing.BFD++;
  }
  const algorithms: Record<string, AlgStats> = {};
  for (const alg of ALGS) algorithms[alg] = summarize(runs[alg], best, alg === 'HYBRID' ? o.timeLimitMs : null);
  const peer = (['FFD', 'BFD'] as const).map((alg): PeerStats => {
    const p = runs[`peer${alg}`];
    const oursTotal = runs[alg].reduce((s, r) => s + r.bins, 0);
    const peerTotal = p.reduce((s, r) => s + r.bins, 0);
    const oursMs = runs[alg].reduce((s, r) => s + r.ms, 0);
    const peerMs = p.reduce((s, r) => s + r.ms, 0);
    return {
      algorithm: alg,
      binRatio: round(oursTotal / Math.max(1, peerTotal), 4),
      timeRatio: round(oursMs / Math.max(1e-9, peerMs), 4),
      medianTimeRatio: round(median(runs[alg].map((r) => r.ms)) / Math.max(1e-9, median(p.map((r) => r.ms))), 4),
      instancesDiffering: differing[alg],
      peerTotalBins: peerTotal,
      oursTotalBins: oursTotal,
    };
  });
  const byN: Record<string, Record<string, number>> = {};
  chosen.forEach((row, k) => {
    const g = (byN[String(row.n)] ??= { instances: 0, FFD: 0, BFD: 0, HYBRID: 0 });
    g.instances++;
    for (const alg of ALGS) if (runs[alg][k].bins <= best[k]) g[alg]++;
  });
  log(`${set}: ${chosen.length} instances, HYBRID at best known ${algorithms.HYBRID.atBestKnown}`);
  return { set, dims: 1, instances: chosen.length, reference: 'best known (proven optimal)', bestKnownTotal: best.reduce((s, b) => s + b, 0), algorithms, peer, byN };
}

function runVectorSet(o: Options, log: (s: string) => void): SetReport {
  const rows = readVectorIndex(o.dir);
  const chosen = o.quick ? rows.filter((_, k) => k % 10 === 0) : rows;
  const runs: Record<string, Run[]> = { FFD: [], BFD: [], HYBRID: [] };
  const reference: number[] = [];
  const provenIdx: number[] = [];
  chosen.forEach((row, k) => {
    const inst = readInstance(vectorInstancePath(o.dir, row.name), 'vector2d');
    if (inst.kind !== 'vector2d') throw new BenchdataError(`${row.name}: not a vector2d instance`);
    reference.push(row.optimum ?? row.lowerBound);
    if (row.optimum !== null) provenIdx.push(k);
    for (const alg of ALGS) {
      const [res, ms] = timed(() => packVectors(inst.items, inst.capacity, { algorithm: alg, timeLimitMs: o.timeLimitMs }));
      runs[alg].push({ bins: res.binCount, ms, n: inst.n });
    }
  });
  const algorithms: Record<string, AlgStats & { atProvenOptimum: number; provenInstances: number }> = {};
  for (const alg of ALGS) {
    const s = summarize(runs[alg], reference, alg === 'HYBRID' ? o.timeLimitMs : null);
    const atProven = provenIdx.filter((k) => runs[alg][k].bins === reference[k]).length;
    algorithms[alg] = { ...s, atProvenOptimum: atProven, provenInstances: provenIdx.length };
  }
  log(`vector2d: ${chosen.length} instances, bins FFD ${algorithms.FFD.totalBins} HYBRID ${algorithms.HYBRID.totalBins}`);
  return {
    set: 'vector2d',
    dims: 2,
    instances: chosen.length,
    reference: 'proven optimum where known, else L1 lower bound',
    bestKnownTotal: reference.reduce((s, b) => s + b, 0),
    algorithms,
  };
}

type FamilyReport = {
  family: string;
  instances: number;
  reference: string;
  referenceTotal: number;
  algorithms: Record<string, AlgStats>;
  /** HYBRID / FFD, median ms per 1,000 items */
  timeRatio: number;
};

function runFamilies(o: Options, log: (s: string) => void): FamilyReport[] {
  return benchmarkFamilies(o.quick ? 2 : 10).map((f) => {
    const runs: Record<string, Run[]> = { FFD: [], BFD: [], HYBRID: [] };
    const reference = f.instances.map((x) => x.reference);
    for (const x of f.instances) {
      for (const alg of ALGS) {
        const [res, ms] = timed(() => packVectors(x.sizes, [x.capacity], { algorithm: alg, timeLimitMs: o.timeLimitMs }));
        runs[alg].push({ bins: res.binCount, ms, n: x.sizes.length });
      }
    }
    const algorithms: Record<string, AlgStats> = {};
    for (const alg of ALGS) algorithms[alg] = summarize(runs[alg], reference, alg === 'HYBRID' ? o.timeLimitMs : null);
    log(`${f.family}: HYBRID at reference ${algorithms.HYBRID.atBestKnown}/${f.instances.length}`);
    return {
      family: f.family,
      instances: f.instances.length,
      reference: f.reference,
      referenceTotal: reference.reduce((a, b) => a + b, 0),
      algorithms,
      timeRatio: round(algorithms.HYBRID.medianMsPer1000 / Math.max(1e-9, algorithms.FFD.medianMsPer1000), 1),
    };
  });
}

function runPutaway(): { units: number; locations: number; lines: number; runsMs: number[]; medianMs: number; cpuMs: number[]; unplaced: number } {
  const w = syntheticWarehouse({ locations: 100_000, lines: 1000, unitsPerLine: 10, seed: 20260101 });
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let unplaced = 0;
  for (let k = 0; k < 3; k++) {
    const cpu = process.cpuUsage();
    const [res, ms] = timed(() => optimizePutaway({ ...w, config: { algorithm: 'HYBRID' } }));
    const used = process.cpuUsage(cpu);
    runsMs.push(round(ms, 1));
    cpuMs.push(round((used.user + used.system) / 1000, 1));
    unplaced = res.stats.unitsUnplaceable;
  }
  return { units: 10_000, locations: 100_000, lines: 1000, runsMs, medianMs: median(runsMs), cpuMs, unplaced };
}

function markdown(report: ReturnType<typeof buildReport>): string {
  const out: string[] = [];
  out.push('# Packing benchmark', '');
  out.push(`Generated by \`npx tsx scripts/bench-packing.ts --json\`${report.quick ? ' (--quick: every 10th instance)' : ''} on ${report.generatedAt}.`);
  out.push(`HYBRID time limit ${report.timeLimitMs} ms per instance; Node ${process.version}; total run ${round(report.totalSeconds, 1)} s.`);
  out.push(`Load average (1, 5, 15 min) on this 2-core machine: ${report.loadAverage.before.join(', ')} at the start, ${report.loadAverage.after.join(', ')} at the end.`, '');
  out.push('## Per set and algorithm', '');
  out.push(`| set | algorithm | instances | at best known | bins above best known | gap % | median ms / 1,000 items | HYBRID / FFD time | runs above ${report.timeLimitMs} ms | max ms |`);
  out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of report.sets) {
    for (const alg of ALGS) {
      const a = s.algorithms[alg];
      const hybrid = alg === 'HYBRID';
      const ratio = hybrid ? `${round(a.medianMsPer1000 / Math.max(1e-9, s.algorithms.FFD.medianMsPer1000), 1)}x` : '';
      out.push(`| ${s.set} | ${alg} | ${a.instances} | ${a.atBestKnown} | ${a.binsAboveBestKnown} | ${a.gapPct} | ${a.medianMsPer1000} | ${ratio} | ${hybrid ? a.overTimeLimit : ''} | ${a.maxMs} |`);
    }
  }
  out.push('', 'For `vector2d` the reference is the proven optimum where known, else the L1 lower bound (so "at best known" there means "at the bound").', '');
  const falk = report.sets.find((s) => s.set === 'Falkenauer_U');
  if (falk?.byN) {
    out.push('## Falkenauer_U by size', '', '| n | instances | FFD at optimum | BFD at optimum | HYBRID at optimum |', '| ---: | ---: | ---: | ---: | ---: |');
    for (const [n, g] of Object.entries(falk.byN)) out.push(`| ${n} | ${g.instances} | ${g.FFD} | ${g.BFD} | ${g.HYBRID} |`);
    out.push('');
  }
  out.push('## Totals over all proven 1-D instances', '');
  out.push('| algorithm | at optimum | share |', '| --- | ---: | ---: |');
  for (const alg of ALGS) out.push(`| ${alg} | ${report.totals1d[alg].atOptimum} / ${report.totals1d.instances} | ${report.totals1d[alg].sharePct}% |`);
  out.push('');
  const v = report.sets.find((s) => s.set === 'vector2d');
  if (v) {
    out.push('## 2-D vector set', '', '| algorithm | total bins | at proven optimum |', '| --- | ---: | ---: |');
    for (const alg of ALGS) {
      const a = v.algorithms[alg] as AlgStats & { atProvenOptimum?: number; provenInstances?: number };
      out.push(`| ${alg} | ${a.totalBins} | ${a.atProvenOptimum ?? '-'} / ${a.provenInstances ?? '-'} |`);
    }
    out.push('');
  }
  out.push('## Peer: bin-packer 1.7 on the same 1-D arrays', '');
  out.push('Ratios are ours / bin-packer: bins (1.0 = identical counts) and total time.', '');
  out.push('Our times include input validation and the L2 lower bound, which bin-packer does not compute.', '');
  out.push('| set | algorithm | bin ratio | time ratio (total) | time ratio (median instance) | instances with a different count |', '| --- | --- | ---: | ---: | ---: | ---: |');
  for (const s of report.sets) for (const p of s.peer ?? []) out.push(`| ${s.set} | ${p.algorithm} | ${p.binRatio} | ${p.timeRatio} | ${p.medianTimeRatio} | ${p.instancesDiffering} |`);
  out.push('', '## HYBRID time vs FFD, and the time limit', '');
  out.push('Same harness for all three algorithms: one timed `packVectors` call per instance and algorithm, in turn, in one process.', '');
  out.push(`| set | HYBRID / FFD median ms per 1,000 items | HYBRID runs above ${report.timeLimitMs} ms | HYBRID max ms |`, '| --- | ---: | ---: | ---: |');
  for (const s of report.sets) {
    const h = s.algorithms.HYBRID;
    out.push(`| ${s.set} | ${round(h.medianMsPer1000 / Math.max(1e-9, s.algorithms.FFD.medianMsPer1000), 1)}x | ${h.overTimeLimit} | ${h.maxMs} |`);
  }
  for (const f of report.families) out.push(`| ${f.family} (generated) | ${f.timeRatio}x | ${f.algorithms.HYBRID.overTimeLimit} | ${f.algorithms.HYBRID.maxMs} |`);
  if (report.families.length > 0) {
    out.push('', '## Generated families (not in benchdata)', '');
    out.push('Seeded and deterministic (`scripts/lib/packing-families.ts`, 10 instances per row): Falkenauer-style triplets (capacity 1,000, items 250..500, every optimal bin holds exactly three items summing to 1,000, so the optimum is n/3); a Scholl set 3-like class (n = 200, capacity 100,000, sizes U[20,000, 35,000], reference L2 since the optimum is unknown); and planted pairs/triplets with items just above and below c/2 and c/3 (capacity 10,000, every planted bin exactly full, optimum = Σ/c).', '');
    out.push('| family | reference | algorithm | at reference | bins above | gap % | median ms / 1,000 items | max ms |', '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const f of report.families) {
      for (const alg of ALGS) {
        const a = f.algorithms[alg];
        out.push(`| ${f.family} | ${f.reference} | ${alg} | ${a.atBestKnown} / ${a.instances} | ${a.binsAboveBestKnown} | ${a.gapPct} | ${a.medianMsPer1000} | ${a.maxMs} |`);
      }
    }
  }
  if (report.putaway) {
    const p = report.putaway;
    out.push('', '## Putaway scale', '', `optimizePutaway, HYBRID, ${p.units.toLocaleString('en-US')} units (${p.lines} lines) into ${p.locations.toLocaleString('en-US')} candidate bins (seeded synthetic warehouse): runs ${p.runsMs.join(', ')} ms wall (median ${p.medianMs} ms), ${p.cpuMs.join(', ')} ms CPU (process, includes GC threads); ${p.unplaced} units unplaceable. Wall time depends on how busy the 2 cores are.`);
  }
  out.push('');
  return out.join('\n');
}

function buildReport(o: Options, sets: SetReport[], families: FamilyReport[], putaway: ReturnType<typeof runPutaway> | null, seconds: number, load: { before: number[]; after: number[] }) {
  const oneD = sets.filter((s) => s.dims === 1);
  const instances = oneD.reduce((s, r) => s + r.instances, 0);
  const totals1d: Record<string, { atOptimum: number; sharePct: number }> & { instances: number } = { instances } as never;
  for (const alg of ALGS) {
    const at = oneD.reduce((s, r) => s + r.algorithms[alg].atBestKnown, 0);
    totals1d[alg] = { atOptimum: at, sharePct: round(instances ? (100 * at) / instances : 0, 2) };
  }
  return { generatedAt: new Date().toISOString(), benchdata: o.dir, quick: o.quick, timeLimitMs: o.timeLimitMs, totalSeconds: round(seconds, 1), loadAverage: load, sets, families, totals1d, putaway };
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const loadBefore = os.loadavg().map((x) => round(x, 2));
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const available = [...bpplibSets(o.dir), 'vector2d', 'families', 'putaway'];
  const wanted = o.sets ?? available;
  for (const s of wanted) if (!available.includes(s)) fail(`unknown set ${s} (available: ${available.join(', ')})`);
  // warm up the JIT so the first set's timings are not dominated by compilation
  for (let k = 0; k < 20; k++) for (const alg of ALGS) packVectors([5, 4, 3, 3, 2, 7, 8, 1, 6], [10], { algorithm: alg, timeLimitMs: 5 });
  const sets: SetReport[] = [];
  for (const s of wanted) {
    if (s === 'vector2d') sets.push(runVectorSet(o, log));
    else if (s !== 'putaway' && s !== 'families') sets.push(runBpplibSet(o, s, log));
  }
  const families = wanted.includes('families') ? runFamilies(o, log) : [];
  const putaway = wanted.includes('putaway') ? runPutaway() : null;
  if (putaway) log(`putaway: median ${putaway.medianMs} ms`);
  const load = { before: loadBefore, after: os.loadavg().map((x) => round(x, 2)) };
  const report = buildReport(o, sets, families, putaway, (performance.now() - t0) / 1000, load);
  if (o.write) {
    const file = path.join(ROOT, 'docs', 'benchmarks', 'packing.md');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, markdown(report));
  }
  if (o.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else process.stdout.write(markdown(report));
}

main();

// `npm run -s bench:foreign -- [--seeds 1-12] [--json] [--write /tmp/plain] [--day0-stock as-is|slotted]`
// Runs binwise against first-fit-by-code and abc-class-based on plain warehouses that our
// generator did not write (lib/simulator/fixtures/plain-warehouse.ts), one seed each, and prints
// the reductions and band shares per scenario plus their medians. `--write DIR` also saves each
// scenario as JSON, so any row can be re-run with `npm run -s simulate -- DIR/plain-warehouse-N.json`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { plainWarehouse } from '../lib/simulator/fixtures/plain-warehouse';
import { DAY_ZERO_STOCK_MODES, isDayZeroStock } from '../lib/simulator/policies/names';
import { resolvePolicies } from '../lib/simulator/policies/registry';
import { runSimulation } from '../lib/simulator/run';
import { parseScenario } from '../lib/simulator/scenario';
import { median } from './lib/median';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function seedList(text: string): number[] {
  const match = /^(\d+)-(\d+)$/.exec(text);
  if (match) return Array.from({ length: Number(match[2]) - Number(match[1]) + 1 }, (_, index) => Number(match[1]) + index);
  const seeds = text.split(',').map(Number);
  if (seeds.some((seed) => !Number.isInteger(seed) || seed < 0)) throw new Error(`--seeds: expected "1-12" or "1,5,9", got "${text}"`);
  return seeds;
}

const round1 = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);

function main(): void {
  const seeds = seedList(option('seeds') ?? '1-12');
  const writeDir = option('write');
  const dayZeroStock = option('day0-stock') ?? 'as-is';
  if (!isDayZeroStock(dayZeroStock)) throw new Error(`--day0-stock: expected ${DAY_ZERO_STOCK_MODES.join(' or ')}, got "${dayZeroStock}"`);
  if (writeDir) mkdirSync(writeDir, { recursive: true });
  const rows = seeds.map((seed) => {
    const { scenario: raw, shape } = plainWarehouse(seed);
    if (writeDir) writeFileSync(path.join(writeDir, `plain-warehouse-${seed}.json`), JSON.stringify(raw));
    const result = runSimulation(parseScenario(raw), { policies: resolvePolicies(['binwise']), seed: 1, dayZeroStock });
    const by = (name: string) => result.policies.find((policy) => policy.policy === name);
    const binwise = by('binwise');
    const firstFit = by('first-fit-by-code');
    const abc = by('abc-class-based');
    return {
      seed,
      shape,
      locations: result.scenario.locations,
      orders: result.scenario.orders,
      vsFirstFit: round1(binwise?.reductionVsFirstFit),
      vsAbc: round1(binwise?.reductionVsAbc),
      secondHalfVsFirstFit: round1(binwise?.lateReductionVsFirstFit),
      secondHalfVsAbc: round1(binwise?.lateReductionVsAbc),
      abcVsFirstFit: round1(abc?.reductionVsFirstFit),
      bandAvg: { binwise: round1((binwise?.bandShareAvg ?? 0) * 100), firstFit: round1((firstFit?.bandShareAvg ?? 0) * 100), abc: round1((abc?.bandShareAvg ?? 0) * 100) },
      unitsNotPlaced: { binwise: binwise?.unitsNotPlaced ?? 0, firstFit: firstFit?.unitsNotPlaced ?? 0, abc: abc?.unitsNotPlaced ?? 0 },
      seconds: round1(result.totalMs / 1000),
    };
  });
  const column = (pick: (row: (typeof rows)[number]) => number | null) => rows.map(pick).filter((value): value is number => value !== null);
  const summary = {
    scenarios: rows.length,
    dayZeroStock,
    medianVsFirstFit: round1(median(column((row) => row.vsFirstFit))),
    medianVsAbc: round1(median(column((row) => row.vsAbc))),
    minVsFirstFit: Math.min(...column((row) => row.vsFirstFit)),
    minVsAbc: Math.min(...column((row) => row.vsAbc)),
    medianBandBinwise: round1(median(rows.map((row) => row.bandAvg.binwise ?? 0))),
    loadAverage: round1(loadavg()[0]),
  };
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ summary, rows }, null, 2)}\n`);
    return;
  }
  console.table(rows.map((row) => ({ seed: row.seed, dock: row.shape.dock, codes: row.shape.codes, families: row.shape.families, locations: row.locations, vsFirstFit: row.vsFirstFit, vsAbc: row.vsAbc, band: row.bandAvg.binwise, seconds: row.seconds })));
  console.log(summary);
}

main();

/**
 * Adds up every suite's tally and prints the ONE summary line CI greps for. Exits non-zero
 * when any unexpected 5xx or invariant violation was seen, or when a suite wrote no tally.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { config } from './lib/config';
import type { Tally } from './lib/counters';

const files = existsSync(config.resultsDir) ? readdirSync(config.resultsDir).filter((f) => f.endsWith('.json')) : [];
const total = { inputs: 0, races: 0, faults: 0, fiveXx: 0, violations: 0, requests: 0 };
const notes: string[] = [];
for (const file of files) {
  const tally = JSON.parse(readFileSync(path.join(config.resultsDir, file), 'utf8')) as Tally & { suite: string };
  for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += tally[key] ?? 0;
  notes.push(...tally.notes.map((n) => `[${tally.suite}] ${n}`));
}
const vitestFailed = process.argv.includes('--vitest-failed');
if (notes.length) {
  console.log('\nnotes:');
  for (const n of notes.slice(0, 60)) console.log(`  ${n}`);
  if (notes.length > 60) console.log(`  … and ${notes.length - 60} more`);
}
console.log(`(${files.length} suite files, ${total.requests} HTTP requests${vitestFailed ? ', some tests FAILED' : ''})`);
console.log(`reliability: inputs tried ${total.inputs}, races run ${total.races}, faults injected ${total.faults}, 5xx seen ${total.fiveXx}, invariant violations ${total.violations}`);
process.exit(total.fiveXx > 0 || total.violations > 0 || vitestFailed || files.length === 0 ? 1 : 0);

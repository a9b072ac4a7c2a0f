/**
 * The figures the summary line reports. Each test file counts into this process-local
 * tally and flushes it to its own JSON file; scripts/test-reliability.sh adds them up.
 *  - inputs: requests with a bad, foreign or unauthorized input (bad-input and bypass suites)
 *  - races: concurrent scenarios run (each scenario counts once, however many requests)
 *  - faults: faults injected (database restart, pool exhaustion, process kill, scheduler stop)
 *  - fiveXx: UNEXPECTED 5xx answers (a 503 inside a declared fault window is expected)
 *  - violations: invariant checks that failed
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from './config';

export type Tally = { inputs: number; races: number; faults: number; fiveXx: number; violations: number; requests: number; notes: string[] };

const tally: Tally = { inputs: 0, races: 0, faults: 0, fiveXx: 0, violations: 0, requests: 0, notes: [] };

export function count(key: Exclude<keyof Tally, 'notes'>, by = 1): void {
  tally[key] += by;
}

export function note(message: string): void {
  tally.notes.push(message);
}

export function currentTally(): Readonly<Tally> {
  return tally;
}

/** Writes this file's tally; called from afterAll of every suite. */
export function flushTally(suite: string): void {
  mkdirSync(config.resultsDir, { recursive: true });
  writeFileSync(path.join(config.resultsDir, `${suite}-${process.pid}.json`), JSON.stringify({ suite, ...tally }, null, 2));
}

import { describe, expect, it } from 'vitest';
import { resolvePolicies } from '@/lib/simulator/policies/registry';
import { runSimulation } from '@/lib/simulator/run';
import { parseScenario } from '@/lib/simulator/scenario';
import { tinyScenario } from '@/lib/simulator/test-fixtures';
import { downloadName, reportFile, resultsFile } from './download';

describe('simulation downloads', () => {
  const result = runSimulation(parseScenario({ ...tinyScenario(), name: 'Lager Süd (last 30 days)' }), { policies: resolvePolicies(['binwise']) });
  const date = new Date(2025, 2, 7, 23, 30);

  it('name the file after the scenario as a slug and the local date', () => {
    expect(downloadName('generated-seed-1', date, 'json')).toBe('simulation-generated-seed-1-2025-03-07.json');
    expect(downloadName('Acme Print (last 30 days)', date, 'md')).toBe('simulation-acme-print-last-30-days-2025-03-07.md');
    expect(downloadName('Lager Süd', date, 'md')).toBe('simulation-lager-sud-2025-03-07.md');
    expect(downloadName('倉庫', date, 'json')).toBe('simulation-scenario-2025-03-07.json');
  });

  it('give the result as the CLI --json prints it: pretty-printed with a final newline', () => {
    const file = resultsFile(result, date);
    expect(file.name).toBe('simulation-lager-sud-last-30-days-2025-03-07.json');
    expect(file.content).toBe(`${JSON.stringify(result, null, 2)}\n`);
    expect(JSON.parse(file.content)).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it('give the report as one file: the chart inside as a data URI and no relative link to the docs', () => {
    const file = reportFile(result, date);
    expect(file.name).toBe('simulation-lager-sud-last-30-days-2025-03-07.md');
    expect(file.content.startsWith('# Simulation: Lager Süd (last 30 days)\n')).toBe(true);
    expect(file.content).toContain('![Pick travel per day per policy](data:image/svg+xml;base64,');
    expect(file.content).toContain('docs/simulator.md in the Binwise repository');
    expect(file.content).not.toContain('](../simulator.md)');
    expect(file.content).not.toContain('Command:');
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, renderMetrics } from '@/lib/server/metrics';

const here = import.meta.dirname;
const alertsFile = path.join(here, 'prometheus/alerts.yml');
const alertTestsFile = path.join(here, 'prometheus/alerts.test.yml');
const dashboardFile = path.join(here, 'grafana/dashboards/bin-optimization.json');

const promtoolFound = spawnSync('promtool', ['--version'], { encoding: 'utf8' }).status === 0;
// In CI a missing promtool is a failure (apt-get install prometheus), never a silent skip.
const runPromtool = promtoolFound || Boolean(process.env.CI && process.env.CI !== 'false');

function promtool(...args: string[]) {
  const result = spawnSync('promtool', args, { encoding: 'utf8', cwd: here });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

/** The runbook's two alert tables: name → severity. */
const RUNBOOK_ALERTS = {
  BinUtilizationCacheStale: 'critical',
  MLModelAccuracyLow: 'critical',
  PutawayProcessingTimeCritical: 'critical',
  BinOptimizationErrorRateHigh: 'critical',
  BinUtilizationCacheDegraded: 'warning',
  MLModelAccuracyDegraded: 'warning',
  PutawayProcessingTimeSlow: 'warning',
  PutawayAcceptanceRateLow: 'warning',
} as const;

/** Every series name the app exposes, read from a rendered registry (histograms add suffixes). */
async function exportedSeriesNames(): Promise<Set<string>> {
  const { body } = await renderMetrics({ refreshFromDatabase: false });
  const names = new Set<string>();
  for (const match of body.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [, name, type] = match as unknown as [string, string, string];
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

const PROMQL_WORDS = new Set([
  'sum', 'min', 'max', 'avg', 'count', 'by', 'without', 'rate', 'irate', 'increase', 'histogram_quantile', 'and', 'or', 'unless',
  'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'clamp_min', 'clamp_max', 'abs', 'time', 'vector', 'scalar',
]);

/** Metric names in a PromQL expression: identifiers outside label matchers, ranges and grouping clauses. */
function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ')
    .replace(/"[^"]*"/g, ' ');
  return [...stripped.matchAll(/\b[a-zA-Z_:][a-zA-Z0-9_:]*\b/g)].map((m) => m[0]).filter((word) => !PROMQL_WORDS.has(word) && !/^\d/.test(word));
}

type Panel = { title: string; type: string; targets?: { expr: string }[] };

describe('Prometheus alert rules', () => {
  const alerts = readFileSync(alertsFile, 'utf8');

  it.runIf(runPromtool)('pass promtool check rules', () => {
    const result = promtool('check', 'rules', alertsFile);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  it.runIf(runPromtool)('fire and clear at their runbook thresholds in promtool unit tests', () => {
    const result = promtool('test', 'rules', alertTestsFile);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  it.runIf(runPromtool)('ship a Prometheus config that promtool accepts', () => {
    const result = promtool('check', 'config', '--syntax-only', path.join(here, 'prometheus/prometheus.yml'));
    expect(result.status).toBe(0);
  });

  it('define every alert of the runbook with its severity', () => {
    const found = Object.fromEntries(
      [...alerts.matchAll(/- alert: (\w+)[\s\S]*?severity: (\w+)/g)].map((m) => [m[1], m[2]]),
    );
    expect(found).toEqual(RUNBOOK_ALERTS);
  });

  it('only query metrics the app exports', async () => {
    const exported = await exportedSeriesNames();
    const exprs = [...alerts.matchAll(/expr: (.+)$/gm)].map((m) => m[1]!);
    expect(exprs).toHaveLength(8);
    for (const expr of exprs) for (const name of metricNamesIn(expr)) expect(exported, `${name} in ${expr}`).toContain(name);
  });
});

describe('Grafana dashboard', () => {
  const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8')) as { uid: string; panels: Panel[] };

  it('has the runbook panels plus latency, errors and utilization by zone', () => {
    const titles = dashboard.panels.map((panel) => panel.title);
    for (const title of ['Health status', 'Cache age', 'ML accuracy', 'Acceptance rate', 'Batch processing time p95 / p99', 'Batch error rate', 'Bin utilization by zone']) {
      expect(titles).toContain(title);
    }
  });

  it('queries in every panel name only metrics the app really exports', async () => {
    const exported = await exportedSeriesNames();
    let checked = 0;
    for (const panel of dashboard.panels) {
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) {
        const names = metricNamesIn(target.expr);
        expect(names.length, `${panel.title}: ${target.expr}`).toBeGreaterThan(0);
        for (const name of names) {
          expect(exported, `panel "${panel.title}" queries ${name}`).toContain(name);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('covers every runbook metric name', () => {
    const text = JSON.stringify(dashboard);
    for (const name of [METRIC_NAMES.cacheAgeSeconds, METRIC_NAMES.mlModelAccuracyPercentage, METRIC_NAMES.acceptanceRate, METRIC_NAMES.batchProcessingMs, METRIC_NAMES.utilizationPercentage]) {
      expect(text).toContain(name);
    }
  });

  it('finds metric names in PromQL, ignoring labels, ranges and grouping', () => {
    expect(metricNamesIn('histogram_quantile(0.95, sum by (le) (rate(batch_putaway_processing_time_ms_bucket{job="x"}[5m])))')).toEqual(['batch_putaway_processing_time_ms_bucket']);
    expect(metricNamesIn('max(bin_utilization_cache_age_seconds) / 60')).toEqual(['bin_utilization_cache_age_seconds']);
  });
});

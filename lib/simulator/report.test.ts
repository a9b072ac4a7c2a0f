import { describe, expect, it } from 'vitest';
import { resolvePolicies } from './policies/registry';
import { markdownReport, travelChartSvg } from './report';
import { runSimulation } from './run';
import { parseScenario } from './scenario';
import { tinyScenario } from './test-fixtures';

describe('report', () => {
  const result = runSimulation(parseScenario(tinyScenario()), { policies: resolvePolicies(['first-fit-by-code', 'abc-class-based', 'binwise', 'binwise-no-affinity']) });

  it('writes one table row per policy and links the chart', () => {
    const markdown = markdownReport(result, 'tiny.svg', 'npm run -s simulate -- tiny.json');
    for (const policy of ['first-fit-by-code', 'abc-class-based', 'binwise', 'binwise-no-affinity']) expect(markdown).toContain(`| ${policy} |`);
    expect(markdown).toContain('![Pick travel per day per policy](tiny.svg)');
    expect(markdown).toContain('## Ablation');
  });

  it('draws one line per policy in a standalone SVG', () => {
    const svg = travelChartSvg(result);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(4);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });
});

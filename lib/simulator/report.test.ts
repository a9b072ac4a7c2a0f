import { describe, expect, it } from 'vitest';
import { DEFAULT_FLAGS, resolvePolicies } from './policies/registry';
import { BAND_HIGH, BAND_LOW } from './band';
import { EVERY_UNIT_PLACED, MEASURED_BAND, capacitySentence, markdownReport, notPlacedLines, notPlacedSentence, svgDataUri, travelChartSvg } from './report';
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

  it('states the capacity rules binwise ran with, and says nothing of them when only baselines ran', () => {
    expect(markdownReport(result, 'tiny.svg')).toContain('Binwise fills bins to 60–85% first and never past 95%');
    const full = runSimulation(parseScenario(tinyScenario()), { policies: resolvePolicies(['binwise'], DEFAULT_FLAGS, { targetBandMin: 0.7, targetBandMax: 0.9, hardCap: 1 }) });
    expect(markdownReport(full, 'tiny.svg')).toContain('Binwise fills bins to 70–90% first and never past 100%');
    const baselines = runSimulation(parseScenario(tinyScenario()), { policies: resolvePolicies(['first-fit-by-code']) });
    expect(markdownReport(baselines, 'tiny.svg')).not.toContain('Binwise fills');
  });

  it('names the band the band share was measured against, and the band binwise aimed at when it differs', () => {
    expect(MEASURED_BAND).toBe(`${BAND_LOW * 100}–${BAND_HIGH * 100}%`);
    expect(capacitySentence(result)).toBe(`Binwise fills bins to 60–85% first and never past 95% (the baselines fill to 100%); the band share columns measure the same ${MEASURED_BAND}.`);
    const aimed = runSimulation(parseScenario(tinyScenario()), { policies: resolvePolicies(['binwise'], DEFAULT_FLAGS, { targetBandMin: 0.7, targetBandMax: 0.9, hardCap: 1 }) });
    expect(capacitySentence(aimed)).toBe(`Binwise fills bins to 70–90% first and never past 100% (the baselines fill to 100%); the band share columns measure the runbook's ${MEASURED_BAND}, not 70–90%.`);
    expect(markdownReport(aimed, 'tiny.svg')).toContain(`| bins in ${MEASURED_BAND} band (end) |`);
  });

  it('names each binwise policy with its own capacity rules when they differ', () => {
    const [standard] = resolvePolicies(['binwise']);
    const [dense] = resolvePolicies(['binwise-no-affinity'], DEFAULT_FLAGS, { targetBandMin: 0.8, targetBandMax: 1, hardCap: 1 });
    const mixed = runSimulation(parseScenario(tinyScenario()), { policies: [standard, dense] });
    expect(capacitySentence(mixed)).toBe(
      `Binwise fills bins to 60–85% first and never past 95% (binwise) and to 80–100% first and never past 100% (binwise-no-affinity); the baselines fill to 100%; the band share columns measure the runbook's ${MEASURED_BAND}, not 80–100%.`,
    );
  });

  it('says why units were not placed, per policy and in words, most units first', () => {
    expect(notPlacedSentence({ unitsNotPlaced: 26, notPlacedByReason: { NO_CAPACITY: 11, HEAVY_UNIT_RESTRICTED: 15 } })).toBe('26 not placed: 15 heavy-unit rule (over 150 lb; only hand-picked shelves above the floor would take it), 11 no room left');
    expect(notPlacedSentence({ unitsNotPlaced: 0, notPlacedByReason: {} })).toBeNull();
    // a result stored before the reasons were recorded
    expect(notPlacedSentence({ unitsNotPlaced: 3 } as Parameters<typeof notPlacedSentence>[0])).toBe('3 not placed (no reasons recorded)');
    const tooBig = tinyScenario();
    tooBig.materials.push({ sku: 'POLE', lengthIn: 60, widthIn: 4, heightIn: 4, weightLbs: 5 });
    tooBig.events.push({ day: 0, kind: 'receipt', sku: 'POLE', quantity: 2 });
    const withPole = runSimulation(parseScenario(tooBig), { policies: resolvePolicies(['binwise']) });
    expect(notPlacedLines(withPole)).toEqual(['first-fit-by-code — 2 not placed: 2 too big for every bin, even empty', 'abc-class-based — 2 not placed: 2 too big for every bin, even empty', 'binwise — 2 not placed: 2 too big for every bin, even empty']);
    expect(markdownReport(withPole, 'tiny.svg')).toContain('Units not placed, by reason:\n\n- first-fit-by-code — 2 not placed: 2 too big for every bin, even empty\n');
    expect(markdownReport(result, 'tiny.svg')).toContain(`\n${EVERY_UNIT_PLACED}\n`);
  });

  it('says where the day-0 stock started: where the scenario put it by default, slotted by each policy on request', () => {
    expect(result.scenario.dayZeroStock).toBe('as-is');
    expect(markdownReport(result, 'tiny.svg')).toContain('The day-0 stock was placed by no policy');
    const slotted = runSimulation(parseScenario(tinyScenario()), { policies: resolvePolicies(['binwise']), dayZeroStock: 'slotted' });
    expect(slotted.scenario.dayZeroStock).toBe('slotted');
    const markdown = markdownReport(slotted, 'tiny.svg');
    expect(markdown).toContain('Day-0 stock slotted by each policy');
    expect(markdown).not.toContain('placed by no policy');
  });

  it('links docs/simulator.md relative to docs/simulation/ by default, and names it as given when told where the travel model is documented', () => {
    expect(markdownReport(result, 'tiny.svg')).toContain('Travel model, policies and assumptions: [docs/simulator.md](../simulator.md). Reductions');
    const standalone = markdownReport(result, 'tiny.svg', undefined, { travelModelDocs: 'docs/simulator.md in the Binwise repository' });
    expect(standalone).toContain('Travel model, policies and assumptions: docs/simulator.md in the Binwise repository. Reductions');
    expect(standalone).not.toContain('](../simulator.md)');
  });

  it('embeds the travel chart in the report as a base64 data URI that decodes to the same SVG', () => {
    const svg = travelChartSvg(result);
    const uri = svgDataUri(svg);
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(uri.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8')).toBe(svg);
    expect(markdownReport(result, uri)).toContain(`![Pick travel per day per policy](${uri})`);
  });

  it('encodes non-Latin-1 text in a data URI as UTF-8 instead of throwing, however long the SVG', () => {
    // Long enough to be encoded in several chunks, with multi-byte characters across their edges.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><text>Lager Süd – 60–85% 倉庫 📦 ${'ü倉'.repeat(20_000)}</text></svg>`;
    const encoded = svgDataUri(svg).slice('data:image/svg+xml;base64,'.length);
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe(svg);
  });

  it('draws one line per policy in a standalone SVG', () => {
    const svg = travelChartSvg(result);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(4);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });
});

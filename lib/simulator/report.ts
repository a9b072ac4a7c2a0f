import { DEFAULT_OPTIMIZER_CONFIG } from '../optimizer/putaway/config';
import { formatPercent, fractionToPercent } from '../schemas/capacity';
import { BAND_HIGH, BAND_LOW } from './band';
import type { SimulationCapacity } from './policies/names';
import type { NotPlacedCode } from './policies/types';
import type { PolicyResult, SimulationResult } from './run';

const COLORS = ['#6b7280', '#a855f7', '#f59e0b', '#2563eb', '#10b981', '#ef4444', '#0ea5e9', '#84cc16'];

const feet = (value: number) => Math.round(value).toLocaleString('en-US');
const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);
const share = (value: number) => `${(value * 100).toFixed(1)}%`;

/** One sentence on where the day-0 stock started, when each policy slotted it itself. */
export function dayZeroSentence(result: SimulationResult): string | null {
  if (result.scenario.dayZeroStock !== 'slotted') return null;
  return "Day-0 stock slotted by each policy: the scenario's stock at day 0 was received on day 0 and put away by each policy itself, as in a warehouse that has run the policy from the start (its putaway travel and units received include it). With the default, the stock stays where the scenario puts it, the same for every policy.";
}

/** The band every policy's bins are measured against, as the reports write it ("60–85%"). */
export const MEASURED_BAND = `${fractionToPercent(BAND_LOW)}–${formatPercent(BAND_HIGH)}`;

const bandOf = (capacity: SimulationCapacity) => `${fractionToPercent(capacity.targetBandMin)}–${formatPercent(capacity.targetBandMax)}`;

/**
 * One sentence on the capacity rules each binwise policy ran with (the baselines always fill bins
 * to 100%) and the band the band share columns measure, which is {@link MEASURED_BAND} whatever band
 * binwise aims at.
 */
export function capacitySentence(result: SimulationResult): string | null {
  const ruled = result.policies.flatMap((policy) => (policy.capacity ? [{ name: policy.policy, capacity: policy.capacity }] : []));
  if (ruled.length === 0) return null;
  const policiesByRules = new Map<string, string[]>();
  for (const { name, capacity } of ruled) {
    const rules = `${bandOf(capacity)} first and never past ${formatPercent(capacity.hardCap)}`;
    policiesByRules.set(rules, [...(policiesByRules.get(rules) ?? []), name]);
  }
  // Policies of one result normally share their rules; name them only when they do not.
  const fills =
    policiesByRules.size === 1
      ? `${[...policiesByRules.keys()][0]} (the baselines fill to 100%)`
      : `${[...policiesByRules].map(([rules, names]) => `${rules} (${names.join(', ')})`).join(' and to ')}; the baselines fill to 100%`;
  const otherBands = [...new Set(ruled.map(({ capacity }) => bandOf(capacity)))].filter((band) => band !== MEASURED_BAND);
  const measured = otherBands.length === 0 ? `the same ${MEASURED_BAND}` : `the runbook's ${MEASURED_BAND}, not ${otherBands.join(' or ')}`;
  return `Binwise fills bins to ${fills}; the band share columns measure ${measured}.`;
}

/**
 * Each reason a unit is left without a bin (ReplayResult.notPlacedByReason), in a manager's words.
 * The engine names the furthest rule any bin reaches (lib/optimizer/putaway/candidates.ts,
 * explainUnplaced), so a paper roll whose rack positions are all full is NO_CAPACITY, and
 * DOES_NOT_FIT and TOO_HEAVY mean no bin would take it even empty, as in the replay's own
 * classification of the baselines' units.
 * The simulator's binwise runs the engine's own heavy-unit limit: the registry varies only the
 * capacity rules.
 */
export const NOT_PLACED_LABELS: Readonly<Record<NotPlacedCode, string>> = {
  NO_CAPACITY: 'no room left',
  HEAVY_UNIT_RESTRICTED: `heavy-unit rule (over ${DEFAULT_OPTIMIZER_CONFIG.heavyUnitLbs} lb; only hand-picked shelves above the floor would take it)`,
  DOES_NOT_FIT: 'too big for every bin, even empty',
  TOO_HEAVY: 'heavier than any bin may hold, even empty',
  MIXING_NOT_ALLOWED: 'the bins that would take it hold another SKU and allow no mixing',
  HAZARD_INCOMPATIBLE: 'no bin takes its hazard class',
  TEMPERATURE_INCOMPATIBLE: 'no bin of its temperature class',
  NO_ELIGIBLE_LOCATION: 'no storage bin to put it in',
  REPLAY_REFUSED: "the engine's bin had no room by the simulator's count",
};

const count = (value: number) => value.toLocaleString('en-US');

/**
 * "26 not placed: 15 heavy-unit rule (…), 11 no room left", most units first; null when every unit
 * received was placed. Results stored before the reasons were recorded say so.
 */
export function notPlacedSentence(policy: Pick<PolicyResult, 'unitsNotPlaced' | 'notPlacedByReason'>): string | null {
  if (policy.unitsNotPlaced === 0) return null;
  const total = `${count(policy.unitsNotPlaced)} not placed`;
  if (!policy.notPlacedByReason) return `${total} (no reasons recorded)`;
  const reasons = Object.entries(policy.notPlacedByReason)
    .flatMap(([code, units]) => (units ? [{ label: NOT_PLACED_LABELS[code as NotPlacedCode] ?? code, units }] : []))
    .sort((a, b) => b.units - a.units);
  return `${total}: ${reasons.map(({ label, units }) => `${count(units)} ${label}`).join(', ')}`;
}

/** What the report and the page say when no policy left a unit without a bin. */
export const EVERY_UNIT_PLACED = 'Every policy placed every unit it received.';

/** One line per policy that left units without a bin: "binwise — 26 not placed: …". */
export function notPlacedLines(result: { policies: readonly PolicyResult[] }): string[] {
  return result.policies.flatMap((policy) => {
    const sentence = notPlacedSentence(policy);
    return sentence ? [`${policy.policy} — ${sentence}`] : [];
  });
}

/** The result as JSON, as `simulate -- --json` prints it and the Simulation page downloads it: indented, with a final newline. */
export function resultJson(result: SimulationResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** A line chart (SVG) of pick travel per day, one line per policy. */
export function travelChartSvg(result: SimulationResult, width = 760, height = 320): string {
  const margin = { left: 70, right: 180, top: 20, bottom: 40 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const days = Math.max(1, ...result.policies.map((policy) => policy.days.length));
  const maxTravel = Math.max(1, ...result.policies.flatMap((policy) => policy.days.map((day) => day.pickTravel)));
  const xOf = (index: number) => margin.left + (days <= 1 ? 0 : (index / (days - 1)) * plotWidth);
  const yOf = (value: number) => margin.top + plotHeight - (value / maxTravel) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<line x1="${margin.left}" y1="${margin.top + plotHeight}" x2="${margin.left + plotWidth}" y2="${margin.top + plotHeight}" stroke="#9ca3af"/>`,
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${margin.top + plotHeight}" stroke="#9ca3af"/>`,
  ];
  for (let tick = 0; tick <= 4; tick += 1) {
    const value = (maxTravel * tick) / 4;
    parts.push(`<text x="${margin.left - 6}" y="${yOf(value) + 4}" text-anchor="end" fill="#374151">${feet(value)}</text>`);
    parts.push(`<line x1="${margin.left}" y1="${yOf(value)}" x2="${margin.left + plotWidth}" y2="${yOf(value)}" stroke="#e5e7eb"/>`);
  }
  for (let index = 0; index < days; index += Math.max(1, Math.ceil(days / 10))) parts.push(`<text x="${xOf(index)}" y="${margin.top + plotHeight + 16}" text-anchor="middle" fill="#374151">${index}</text>`);
  parts.push(`<text x="${margin.left + plotWidth / 2}" y="${height - 6}" text-anchor="middle" fill="#374151">day</text>`);
  parts.push(`<text x="14" y="${margin.top + plotHeight / 2}" transform="rotate(-90 14 ${margin.top + plotHeight / 2})" text-anchor="middle" fill="#374151">pick travel (ft)</text>`);
  result.policies.forEach((policy, index) => {
    const color = COLORS[index % COLORS.length];
    const points = policy.days.map((day, dayIndex) => `${xOf(dayIndex).toFixed(1)},${yOf(day.pickTravel).toFixed(1)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points}"/>`);
    const legendY = margin.top + 14 * index + 6;
    parts.push(`<line x1="${width - margin.right + 12}" y1="${legendY}" x2="${width - margin.right + 30}" y2="${legendY}" stroke="${color}" stroke-width="3"/>`);
    parts.push(`<text x="${width - margin.right + 36}" y="${legendY + 4}" fill="#111827">${policy.policy}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/**
 * An SVG as a `data:image/svg+xml;base64,…` URI, so a report can carry its chart inside one file.
 * The text is encoded as UTF-8 before base64 (`btoa` alone takes only Latin-1 and would throw on
 * a scenario or policy name outside it); TextEncoder and btoa exist in browsers and Node alike.
 */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  // In chunks: spreading a whole large chart into String.fromCharCode would overflow the call stack.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Results stored before the field existed have no day-0 pick share. */
const startShare = (policy: PolicyResult) => (policy.startStockPickShare ? `${share(policy.startStockPickShare.firstHalf)} / ${share(policy.startStockPickShare.secondHalf)}` : '—');

/** Results stored before the field existed have no one-unit share. */
const oneUnit = (policy: PolicyResult) => (policy.oneUnitBelowBandAvg === undefined ? '—' : share(policy.oneUnitBelowBandAvg));

function row(policy: PolicyResult): string {
  return `| ${policy.policy} | ${feet(policy.pickTravel)} | ${feet(policy.pickTravelPerOrder)} | ${percent(policy.reductionVsFirstFit)} | ${percent(policy.reductionVsAbc)} | ${percent(policy.lateReductionVsFirstFit)} / ${percent(policy.lateReductionVsAbc)} | ${share(policy.bandShareEnd)} | ${share(policy.bandShareAvg)} | ${share(policy.bandShareAfterPutaway)} | ${oneUnit(policy)} | ${startShare(policy)} | ${policy.binsUsedEnd} | ${policy.unitsNotPlaced} | ${policy.unitsShort} | ${policy.crossDockHits} | ${feet(policy.putawayTravel)} |`;
}

/** The link the CLI's reports carry: they are written to docs/simulation/, beside docs/simulator.md. */
const TRAVEL_MODEL_LINK = '[docs/simulator.md](../simulator.md)';

export type ReportOptions = {
  /**
   * Where the report says the travel model is documented, as Markdown. Defaults to a link relative
   * to docs/simulation/; a report read away from the repository (a download) would carry a dead
   * link there, so it names the file in plain text instead.
   */
  travelModelDocs?: string;
};

/**
 * The markdown report. `chartFile` is the travel chart's address: the SVG's file name, written next
 * to the report by the CLI, or a data URI ({@link svgDataUri}) for a report that travels alone.
 */
export function markdownReport(result: SimulationResult, chartFile: string, command?: string, options: ReportOptions = {}): string {
  const { scenario } = result;
  const travelModelDocs = options.travelModelDocs ?? TRAVEL_MODEL_LINK;
  const notPlaced = notPlacedLines(result);
  const lines = [
    `# Simulation: ${scenario.name}`,
    '',
    `${scenario.locations} locations (${scenario.storageBins} storage bins), ${scenario.skus} SKUs, ${scenario.days} days, ${scenario.orders} orders, ${scenario.receipts} receipt lines. Simulated in ${(result.totalMs / 1000).toFixed(1)} s.`,
    command ? `\nCommand: \`${command}\`` : '',
    '',
    capacitySentence(result) ?? '',
    '',
    dayZeroSentence(result) ?? '',
    '',
    `Travel model, policies and assumptions: ${travelModelDocs}. Reductions are of total pick travel (positive = less walking). ${result.scenario.dayZeroStock === 'slotted' ? '' : 'The day-0 stock was placed by no policy and is picked first (FIFO), so the second-half columns show the policies once their own placements dominate. '}"Below band holding one unit" counts occupied bins under ${formatPercent(BAND_LOW)} that hold a single unit (a paper roll alone on a pallet position): only more units sharing the bin bring it into the band by volume.`,
    '',
    `| policy | pick travel (ft) | per order (ft) | vs first-fit-by-code | vs abc-class-based | second half: vs first-fit / vs abc | bins in ${MEASURED_BAND} band (end) | band (avg over days) | band right after putaway | below band holding one unit (avg) | picked from day-0 stock: first / second half | bins used (end) | units not placed | units short at pick | cross-dock hits | putaway travel (ft) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.policies.map(row),
    '',
    ...(notPlaced.length > 0 ? ['Units not placed, by reason:', '', ...notPlaced.map((line) => `- ${line}`)] : [EVERY_UNIT_PLACED]),
    '',
    `![Pick travel per day per policy](${chartFile})`,
    '',
  ];
  const full = result.policies.find((policy) => policy.policy === 'binwise');
  const ablation = result.policies.filter((policy) => policy.policy.startsWith('binwise-no-'));
  if (full && ablation.length > 0) {
    lines.push('## Ablation', '', 'What each feature contributes: the extra pick travel when it is switched off (positive = the feature saves travel).', '', '| variant | pick travel (ft) | change vs full binwise | cross-dock hits | band (avg) |', '| --- | ---: | ---: | ---: | ---: |');
    for (const variant of ablation) {
      const change = full.pickTravel > 0 ? (100 * (variant.pickTravel - full.pickTravel)) / full.pickTravel : 0;
      lines.push(`| ${variant.policy} | ${feet(variant.pickTravel)} | ${change >= 0 ? '+' : ''}${change.toFixed(1)}% | ${variant.crossDockHits} | ${share(variant.bandShareAvg)} |`);
    }
    lines.push('');
  }
  return lines.filter((line, index, all) => !(line === '' && all[index - 1] === '')).join('\n');
}

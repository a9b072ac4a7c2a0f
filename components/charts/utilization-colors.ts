// Colors for bin utilization, shared by the heatmap, its legend and the side charts.
// Three hues so the runbook's 60–85% target band reads at a glance: blue under, green in
// the band, orange-red over; slate with a cross for bins whose capacity is invalid.

export const BAND_LOW = 60;
export const BAND_HIGH = 85;

export const STATUS_COLORS = { UNDER: '#60a5fa', OPTIMAL: '#16a34a', OVER: '#dc2626', INVALID: '#334155' } as const;
export const EMPTY_COLOR = '#eef2f7';
export const FADED_COLOR = '#f8fafc';

type Rgb = [number, number, number];
const hex = (value: string): Rgb => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)) as Rgb;
const mix = (a: Rgb, b: Rgb, t: number) => {
  const k = Math.min(1, Math.max(0, t));
  return `rgb(${a.map((v, i) => Math.round(v + (b[i]! - v) * k)).join(',')})`;
};

const UNDER_FROM = hex('#dbeafe');
const UNDER_TO = hex('#3b82f6');
const BAND_FROM = hex('#86efac');
const BAND_TO = hex('#15803d');
const OVER_FROM = hex('#fdba74');
const OVER_TO = hex('#b91c1c');

/** Fill color for a utilization percentage (0–100+); null = invalid capacity. */
export function fillColor(pct: number | null): string {
  if (pct === null) return STATUS_COLORS.INVALID;
  if (pct <= 0) return EMPTY_COLOR;
  if (pct < BAND_LOW) return mix(UNDER_FROM, UNDER_TO, pct / BAND_LOW);
  if (pct <= BAND_HIGH) return mix(BAND_FROM, BAND_TO, (pct - BAND_LOW) / (BAND_HIGH - BAND_LOW));
  return mix(OVER_FROM, OVER_TO, (pct - BAND_HIGH) / 30);
}

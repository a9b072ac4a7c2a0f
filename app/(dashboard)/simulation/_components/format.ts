export const feet = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A percentage with one decimal (never "-0.0%"), or a dash when there is nothing to compare against. */
export function pct(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 10) / 10;
  return `${(rounded === 0 ? 0 : rounded).toFixed(1)}%`;
}

export const feet = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A percentage with one decimal (never "-0.0%"), or a dash when there is nothing to compare against. */
export function pct(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 10) / 10;
  return `${(rounded === 0 ? 0 : rounded).toFixed(1)}%`;
}

/**
 * The tail of the band card's hint: how many occupied bins sit below the band holding a single
 * unit (only more units sharing the bin lift it into the band); empty for results stored before it was measured.
 */
export function oneUnitHint(share: number | undefined): string {
  return share === undefined ? '' : `; ${pct(share * 100)} of bins hold one unit below it`;
}

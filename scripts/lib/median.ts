/**
 * The median of a list of measurements (the mean of the two middle values when the count is
 * even); null for an empty list. The bench scripts quote medians because the machine is shared
 * and a single slow run must not move the figure.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** {@link median} for a list the caller knows is not empty. */
export function medianOf(values: readonly number[]): number {
  const value = median(values);
  if (value === null) throw new Error('median of an empty list');
  return value;
}

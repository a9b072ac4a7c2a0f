/**
 * Time-ordered train/test split: the model is trained on the oldest decisions and scored
 * on the newest, exactly as it will be used (trained on the past, judged on the future).
 * A random split would let tomorrow's decisions inform a prediction about today's.
 */
export type Timestamped = { createdAt: Date };

export type TimeSplit<T> = { train: T[]; test: T[]; boundary: Date };

export function sortByTime<T extends Timestamped>(rows: readonly T[]): T[] {
  // Stable: rows with the same timestamp keep their input order.
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime() || a.index - b.index)
    .map(({ row }) => row);
}

/**
 * @param testFraction share of the newest rows held out, in (0, 1)
 * Every training row is no newer than every test row.
 */
export function timeOrderedSplit<T extends Timestamped>(rows: readonly T[], testFraction = 0.2): TimeSplit<T> {
  if (!(testFraction > 0 && testFraction < 1)) throw new Error(`testFraction must be in (0, 1), got ${testFraction}.`);
  if (rows.length < 2) throw new Error('A split needs at least two rows.');
  const sorted = sortByTime(rows);
  const testCount = Math.min(sorted.length - 1, Math.max(1, Math.round(sorted.length * testFraction)));
  const cut = sorted.length - testCount;
  return { train: sorted.slice(0, cut), test: sorted.slice(cut), boundary: sorted[cut].createdAt };
}

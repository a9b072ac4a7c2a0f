/**
 * Column means and standard deviations of a row-major matrix (n rows × d columns), and
 * the in-place z-scoring that uses them. Fitted on the TRAINING rows only, so nothing
 * about the held-out period leaks into the model.
 */
export type Standardization = { means: number[]; stds: number[] };

export function fitStandardization(matrix: Float64Array, rows: number, columns: number): Standardization {
  if (rows < 1) throw new Error('fitStandardization needs at least one row.');
  const means = new Array<number>(columns).fill(0);
  const stds = new Array<number>(columns).fill(0);
  for (let r = 0; r < rows; r++) {
    const offset = r * columns;
    for (let c = 0; c < columns; c++) means[c] += matrix[offset + c];
  }
  for (let c = 0; c < columns; c++) means[c] /= rows;
  for (let r = 0; r < rows; r++) {
    const offset = r * columns;
    for (let c = 0; c < columns; c++) {
      const delta = matrix[offset + c] - means[c];
      stds[c] += delta * delta;
    }
  }
  // Population standard deviation; a constant column gets 0 and is ignored by the model.
  for (let c = 0; c < columns; c++) {
    const std = Math.sqrt(stds[c] / rows);
    stds[c] = std > 1e-12 ? std : 0;
  }
  return { means, stds };
}

/** Replaces x by (x − mean) / std; a column with std 0 becomes 0 everywhere. */
export function applyStandardization(matrix: Float64Array, rows: number, columns: number, standardization: Standardization): void {
  const { means, stds } = standardization;
  for (let r = 0; r < rows; r++) {
    const offset = r * columns;
    for (let c = 0; c < columns; c++) {
      matrix[offset + c] = stds[c] > 0 ? (matrix[offset + c] - means[c]) / stds[c] : 0;
    }
  }
}

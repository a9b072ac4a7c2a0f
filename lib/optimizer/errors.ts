/**
 * The one error type thrown for bad optimizer input.
 *
 * `field` is a path into the input (for example `items[3].quantity` or
 * `capacity[1]`) and `value` is the offending value, so callers can show
 * the user exactly what to fix.
 */
export class OptimizerInputError extends Error {
  readonly field: string;
  readonly value: unknown;

  constructor(field: string, value: unknown, problem: string) {
    super(`${field} ${problem} (got ${describeValue(value)})`);
    this.name = 'OptimizerInputError';
    this.field = field;
    this.value = value;
  }
}

/** Short printable form of any value, for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `typed array of length ${(value as unknown as ArrayLike<number>).length}`;
  return typeof value;
}

/**
 * Turns whatever feature object the optimizer stored (numbers, booleans, category
 * strings, nested score breakdowns) into flat numeric columns, named so the same input
 * always produces the same names:
 *
 *   { fillAfter: 0.8, crossDock: true, zone: 'A', score: { fit: 0.3 } }
 *   → { fillAfter: 0.8, crossDock: 1, 'zone=A': 1, 'score.fit': 0.3 }
 *
 * Category strings become one-hot columns, so a category unseen in training simply
 * contributes nothing.
 */
export type FlatFeatures = Record<string, number>;

export function flattenFeatures(input: unknown, prefix = '', into: FlatFeatures = {}): FlatFeatures {
  if (input === null || input === undefined || typeof input !== 'object' || Array.isArray(input)) return into;
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) into[name] = value;
    } else if (typeof value === 'boolean') {
      into[name] = value ? 1 : 0;
    } else if (typeof value === 'string') {
      into[`${name}=${value}`] = 1;
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      flattenFeatures(value, name, into);
    }
  }
  return into;
}

/** True when the value is a one-hot category column (`name=value`). */
export function isCategoryColumn(name: string): boolean {
  return name.includes('=');
}

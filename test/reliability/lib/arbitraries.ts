/** Hostile values for fuzzing: the numbers, strings and keys that break naive handlers. */
import fc from 'fast-check';

export const nastyNumber = fc.constantFrom(NaN, Infinity, -Infinity, -0, -1, 0, 1e308, -1e308, 1e12, 2 ** 53 + 1, 0.1 + 0.2, 1.5, 2 ** 31);
export const nastyString = fc.oneof(
  fc.constantFrom('', ' ', 'x'.repeat(70_000), "' OR 1=1 --", '"; DROP TABLE lots; --', '\u0000', '../../etc/passwd', '%00', '$1', '$@0', '${7*7}', '{{7*7}}',
    '<script>alert(1)</script>', '\u202e', '\u{1F4A9}', 'NaN', 'Infinity', '-1', '1e308', '00000000-0000-0000-0000-000000000000', 'not-a-uuid', 'ADMIN', 'true', '[]', '{}'),
  fc.string({ maxLength: 40 }),
);
export const nastyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'tenantId', 'tenant_id', 'role', 'userId', 'isAdmin', '$$typeof', 'then', 'toString');

/** Any JSON-ish value built from the above, with hostile keys mixed into objects. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyNumber,
    nastyString,
    fc.constantFrom(null, true, false, undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyKey, fc.constantFrom('items', 'sku', 'quantity', 'recommendationId', 'batchId', 'reason', 'value', 'flagKey', 'locationCode', 'name', 'limit')), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** An object input where each known field may be replaced by a hostile value. */
export function mutatedInput(base: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(base);
  if (!keys.length) return fc.dictionary(nastyKey, nastyValue, { maxKeys: 3 });
  return fc.tuple(fc.subarray(keys, { minLength: 1 }), fc.array(nastyValue, { minLength: keys.length, maxLength: keys.length })).map(([chosen, values]) => {
    const out: Record<string, unknown> = { ...base };
    chosen.forEach((key, i) => {
      out[key] = values[i];
    });
    return out;
  });
}

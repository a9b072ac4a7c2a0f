import { z } from 'zod';
import { multiLineText, singleLineText } from './text';

/**
 * The runbook's rollback toggles. Defaults come from the environment (the ConfigMap
 * `bin-optimization-config`); a tenant may override each one in `feature_flags`.
 * Shared by the server (parsing, actions) and the flags page.
 */
export const ALGORITHMS = ['FFD', 'BFD', 'HYBRID'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export const BOOLEAN_FLAG_KEYS = ['SKU_AFFINITY_ENABLED', 'CROSS_DOCK_ENABLED', 'CONGESTION_AVOIDANCE_ENABLED', 'ML_MODEL_ENABLED'] as const;
export type BooleanFlagKey = (typeof BOOLEAN_FLAG_KEYS)[number];

export const FLAG_KEYS = ['BIN_OPTIMIZATION_ALGORITHM', ...BOOLEAN_FLAG_KEYS] as const;
export type FlagKey = (typeof FLAG_KEYS)[number];

export type FlagSource = 'env' | 'tenant' | 'fallback';

/** The values a flag takes when its configuration is missing or invalid: never fail open. */
export const SAFE_FLAG_VALUES: Readonly<Record<FlagKey, string>> = {
  BIN_OPTIMIZATION_ALGORITHM: 'FFD',
  SKU_AFFINITY_ENABLED: 'false',
  CROSS_DOCK_ENABLED: 'false',
  CONGESTION_AVOIDANCE_ENABLED: 'false',
  ML_MODEL_ENABLED: 'false',
};

export const FLAG_LABELS: Readonly<Record<FlagKey, string>> = {
  BIN_OPTIMIZATION_ALGORITHM: 'Packing algorithm',
  SKU_AFFINITY_ENABLED: 'SKU affinity scoring',
  CROSS_DOCK_ENABLED: 'Cross-dock detection',
  CONGESTION_AVOIDANCE_ENABLED: 'Congestion avoidance',
  ML_MODEL_ENABLED: 'ML confidence model',
};

export const ZFlagKey = z.enum(FLAG_KEYS);
export const ZAlgorithm = z.enum(ALGORITHMS);
export const ZFlagReason = multiLineText('The reason must not contain control characters.').min(5, 'Give a reason of at least 5 characters.').max(500, 'Keep the reason under 500 characters.');

export type FlagValue<K extends FlagKey> = K extends 'BIN_OPTIMIZATION_ALGORITHM' ? Algorithm : boolean;

/**
 * Parses a stored or environment value. Case and surrounding spaces are forgiven
 * ("hybrid", " TRUE "); anything else is invalid (undefined), so the caller falls back.
 */
export function parseFlagValue(key: 'BIN_OPTIMIZATION_ALGORITHM', raw: string | null | undefined): Algorithm | undefined;
export function parseFlagValue(key: BooleanFlagKey, raw: string | null | undefined): boolean | undefined;
export function parseFlagValue(key: FlagKey, raw: string | null | undefined): Algorithm | boolean | undefined;
export function parseFlagValue(key: FlagKey, raw: string | null | undefined): Algorithm | boolean | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = raw.trim();
  if (key === 'BIN_OPTIMIZATION_ALGORITHM') {
    const parsed = ZAlgorithm.safeParse(text.toUpperCase());
    return parsed.success ? parsed.data : undefined;
  }
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
}

/** The canonical text stored in feature_flags and the audit log. */
export function formatFlagValue(value: Algorithm | boolean): string {
  return typeof value === 'boolean' ? String(value) : value;
}

/** One flag change from the page: the new value must be valid for its flag. */
export const ZSetFlagInput = z
  .object({ flagKey: ZFlagKey, value: singleLineText('The value must not contain control characters.').min(1, 'Choose a value.'), reason: ZFlagReason })
  .superRefine((input, ctx) => {
    if (parseFlagValue(input.flagKey, input.value) === undefined) {
      const expected = input.flagKey === 'BIN_OPTIMIZATION_ALGORITHM' ? ALGORITHMS.join(', ') : 'true or false';
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${input.flagKey} must be ${expected}.` });
    }
  });
export type TSetFlagInput = z.infer<typeof ZSetFlagInput>;

export const ZRollbackFlagsInput = z.object({ reason: ZFlagReason });
export type TRollbackFlagsInput = z.infer<typeof ZRollbackFlagsInput>;

export const ZFlagAuditQuery = z.object({ limit: z.number().int().min(1).max(500).default(50) });

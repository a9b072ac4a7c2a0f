import 'server-only';
import { FLAG_KEYS, SAFE_FLAG_VALUES, formatFlagValue, parseFlagValue, type Algorithm, type FlagKey, type FlagSource } from '@/lib/schemas/flags';

/** The flags a batch runs under, with where each value came from and what was wrong. */
export type EffectiveFlags = {
  algorithm: Algorithm;
  SKU_AFFINITY_ENABLED: boolean;
  CROSS_DOCK_ENABLED: boolean;
  CONGESTION_AVOIDANCE_ENABLED: boolean;
  ML_MODEL_ENABLED: boolean;
  /** Human-readable: every missing or invalid value, and the safe value used instead. */
  problems: string[];
  sources: Record<FlagKey, FlagSource>;
};

export type FlagIssue = { key: FlagKey; origin: 'env' | 'tenant'; kind: 'missing' | 'invalid'; message: string };

export type RawFlagValues = Partial<Record<FlagKey, string | undefined>>;
export type FlagOverrideRow = { flag_key: string; value: string };

export type ResolvedFlags = { flags: EffectiveFlags; issues: FlagIssue[] };

const isFlagKey = (key: string): key is FlagKey => (FLAG_KEYS as readonly string[]).includes(key);

/**
 * Resolves each flag: a valid tenant override wins, else a valid environment default, else
 * the safe value (FFD, feature off). An invalid value never falls through to a more
 * permissive one: an invalid override means the safe value, not the environment default.
 */
export function resolveFlags(environment: RawFlagValues, overrides: readonly FlagOverrideRow[]): ResolvedFlags {
  const overrideByKey = new Map<FlagKey, string>();
  for (const row of overrides) if (isFlagKey(row.flag_key)) overrideByKey.set(row.flag_key, row.value);

  const issues: FlagIssue[] = [];
  const values = {} as Record<FlagKey, Algorithm | boolean>;
  const sources = {} as Record<FlagKey, FlagSource>;

  for (const key of FLAG_KEYS) {
    const safe = SAFE_FLAG_VALUES[key];
    const safeValue = parseFlagValue(key, safe) as Algorithm | boolean;
    const override = overrideByKey.get(key);
    if (override !== undefined) {
      const parsed = parseFlagValue(key, override);
      if (parsed !== undefined) {
        values[key] = parsed;
        sources[key] = 'tenant';
      } else {
        values[key] = safeValue;
        sources[key] = 'fallback';
        issues.push({ key, origin: 'tenant', kind: 'invalid', message: `The tenant override ${key}="${override}" is invalid; using the safe value ${safe}.` });
      }
      continue;
    }
    const raw = environment[key];
    const parsed = parseFlagValue(key, raw);
    if (parsed !== undefined) {
      values[key] = parsed;
      sources[key] = 'env';
      continue;
    }
    values[key] = safeValue;
    sources[key] = 'fallback';
    issues.push(
      raw === undefined || raw.trim() === ''
        ? { key, origin: 'env', kind: 'missing', message: `${key} is not set in the environment; using the safe value ${safe}.` }
        : { key, origin: 'env', kind: 'invalid', message: `${key}="${raw}" in the environment is invalid; using the safe value ${safe}.` },
    );
  }

  return {
    flags: {
      algorithm: values.BIN_OPTIMIZATION_ALGORITHM as Algorithm,
      SKU_AFFINITY_ENABLED: values.SKU_AFFINITY_ENABLED as boolean,
      CROSS_DOCK_ENABLED: values.CROSS_DOCK_ENABLED as boolean,
      CONGESTION_AVOIDANCE_ENABLED: values.CONGESTION_AVOIDANCE_ENABLED as boolean,
      ML_MODEL_ENABLED: values.ML_MODEL_ENABLED as boolean,
      problems: issues.map((issue) => issue.message),
      sources,
    },
    issues,
  };
}

/** The value of one flag in EffectiveFlags, as the text stored in the database. */
export function flagText(flags: EffectiveFlags, key: FlagKey): string {
  return formatFlagValue(key === 'BIN_OPTIMIZATION_ALGORITHM' ? flags.algorithm : flags[key]);
}

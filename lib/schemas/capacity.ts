import { z } from 'zod';
import { DEFAULT_OPTIMIZER_CONFIG } from '@/lib/optimizer/putaway/config';
import type { OptimizerConfig } from '@/lib/optimizer/putaway/types';
import { ZFlagReason } from './flags';

/**
 * A tenant's fill rules for the putaway engine, as fractions of a bin (0 to 1):
 * the engine aims for the target band and never fills a bin's volume or weight past the hard
 * cap, and the accept/override path re-checks the same hard cap. Shared by the server and the
 * Feature flags page.
 */
export type CapacityRules = { targetBandMin: number; targetBandMax: number; hardCap: number };

export const CAPACITY_FIELDS = ['targetBandMin', 'targetBandMax', 'hardCap'] as const;
export type CapacityField = (typeof CAPACITY_FIELDS)[number];

/** The engine's config fields that hold the capacity rules. */
export type CapacityConfig = Pick<OptimizerConfig, 'targetBand' | 'hardCap'>;

/** The rules as the engine's config takes them (`config.targetBand`, `config.hardCap`). */
export function capacityConfig(rules: CapacityRules): CapacityConfig {
  return { targetBand: { min: rules.targetBandMin, max: rules.targetBandMax }, hardCap: rules.hardCap };
}

/** The rules an engine config runs with (inverse of {@link capacityConfig}). */
export function capacityOfConfig(config: CapacityConfig): CapacityRules {
  return { targetBandMin: config.targetBand.min, targetBandMax: config.targetBand.max, hardCap: config.hardCap };
}

/** No row for the tenant means the engine's own defaults: band 60–85 %, hard cap 95 %. */
export const CAPACITY_DEFAULTS: Readonly<CapacityRules> = Object.freeze(capacityOfConfig(DEFAULT_OPTIMIZER_CONFIG));

/**
 * The allowed range. Below a 30 % band the engine would prefer nearly empty bins; below a 50 %
 * cap half of every bin stands idle. Above 100 % a bin would be overfilled, never allowed.
 * The migration's CHECK constraint repeats these numbers.
 */
export const CAPACITY_LIMITS = Object.freeze({ bandMinFloor: 0.3, hardCapFloor: 0.5, ceiling: 1 });

/** The lowest value each field may take (the highest is {@link CAPACITY_LIMITS}.ceiling for all three). */
export const CAPACITY_FLOORS: Readonly<Record<CapacityField, number>> = Object.freeze({
  targetBandMin: CAPACITY_LIMITS.bandMinFloor,
  targetBandMax: CAPACITY_LIMITS.bandMinFloor,
  hardCap: CAPACITY_LIMITS.hardCapFloor,
});

export const CAPACITY_LABELS: Readonly<Record<CapacityField, string>> = {
  targetBandMin: 'Target band minimum',
  targetBandMax: 'Target band maximum',
  hardCap: 'Hard cap',
};

/** The flag_key of each value's rows in feature_flag_audit_log, beside the flags' own rows. */
export const CAPACITY_AUDIT_KEYS: Readonly<Record<CapacityField, string>> = {
  targetBandMin: 'CAPACITY_TARGET_BAND_MIN',
  targetBandMax: 'CAPACITY_TARGET_BAND_MAX',
  hardCap: 'CAPACITY_HARD_CAP',
};

/** 0.95 → 95, 0.975 → 97.5: the percent a page edits, one decimal at most (inverse of {@link percentToFraction}). */
export function fractionToPercent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

/** 0.95 → "95%", 0.975 → "97.5%": one decimal at most, as the page edits them. */
export function formatPercent(fraction: number): string {
  return `${fractionToPercent(fraction)}%`;
}

/** 97.5 → 0.975, rounded to a tenth of a percent so 0.1 + 0.2-style noise never reaches the rules. */
export function percentToFraction(percent: number): number {
  return Math.round(percent * 10) / 1000;
}

function fraction(field: CapacityField) {
  const label = CAPACITY_LABELS[field];
  const floor = CAPACITY_FLOORS[field];
  return z
    .number({ error: `${label} must be a number.` })
    .min(floor, `${label} must be at least ${formatPercent(floor)}.`)
    .max(CAPACITY_LIMITS.ceiling, `${label} must be at most ${formatPercent(CAPACITY_LIMITS.ceiling)}.`);
}

const capacityShape = {
  targetBandMin: fraction('targetBandMin'),
  targetBandMax: fraction('targetBandMax'),
  hardCap: fraction('hardCap'),
};

const inRange = (rules: CapacityRules, field: CapacityField) => rules[field] >= CAPACITY_FLOORS[field] && rules[field] <= CAPACITY_LIMITS.ceiling;

/**
 * The order of the three: each refusal goes on the field to change, with both numbers in the
 * message. A value already refused for its own range is not compared again (a 40 % cap gets
 * one message, "at least 50%", not a second one under the band maximum).
 */
function checkOrder(rules: CapacityRules, ctx: z.RefinementCtx): void {
  const band = inRange(rules, 'targetBandMin') && inRange(rules, 'targetBandMax');
  const cap = inRange(rules, 'hardCap');
  if (band && rules.targetBandMin > rules.targetBandMax) {
    ctx.addIssue({
      code: 'custom',
      path: ['targetBandMin'],
      message: `Target band minimum (${formatPercent(rules.targetBandMin)}) must not be above the target band maximum (${formatPercent(rules.targetBandMax)}).`,
    });
  }
  if (band && cap && rules.targetBandMax > rules.hardCap) {
    ctx.addIssue({
      code: 'custom',
      path: ['targetBandMax'],
      message: `Target band maximum (${formatPercent(rules.targetBandMax)}) must not be above the hard cap (${formatPercent(rules.hardCap)}).`,
    });
  }
}

/** 0.3 <= targetBandMin <= targetBandMax <= hardCap <= 1.0 and hardCap >= 0.5. */
export const ZCapacityRules = z.object(capacityShape).superRefine(checkOrder);

/** A change from the page: the three values and why (the reason goes to the audit log). */
export const ZSetCapacitySettingsInput = z.object({ ...capacityShape, reason: ZFlagReason }).superRefine(checkOrder);
export type TSetCapacitySettingsInput = z.infer<typeof ZSetCapacitySettingsInput>;

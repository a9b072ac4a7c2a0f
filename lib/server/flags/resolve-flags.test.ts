import { describe, expect, it } from 'vitest';
import { parseFlagValue } from '@/lib/schemas/flags';
import { resolveFlags } from './resolve-flags';

const FULL_ENV = {
  BIN_OPTIMIZATION_ALGORITHM: 'HYBRID',
  SKU_AFFINITY_ENABLED: 'true',
  CROSS_DOCK_ENABLED: 'true',
  CONGESTION_AVOIDANCE_ENABLED: 'true',
  ML_MODEL_ENABLED: 'true',
};

describe('resolveFlags', () => {
  it('takes valid environment defaults with source env and reports no problem', () => {
    const { flags } = resolveFlags(FULL_ENV, []);
    expect(flags).toMatchObject({ algorithm: 'HYBRID', SKU_AFFINITY_ENABLED: true, ML_MODEL_ENABLED: true, problems: [] });
    expect(Object.values(flags.sources)).toEqual(['env', 'env', 'env', 'env', 'env']);
  });

  it('lets a valid tenant override win over the environment', () => {
    const { flags } = resolveFlags(FULL_ENV, [{ flag_key: 'ML_MODEL_ENABLED', value: 'false' }, { flag_key: 'BIN_OPTIMIZATION_ALGORITHM', value: 'BFD' }]);
    expect(flags.ML_MODEL_ENABLED).toBe(false);
    expect(flags.algorithm).toBe('BFD');
    expect(flags.sources.ML_MODEL_ENABLED).toBe('tenant');
    expect(flags.sources.SKU_AFFINITY_ENABLED).toBe('env');
  });

  it('falls back to FFD with every feature off when nothing is configured, and lists each missing value', () => {
    const { flags, issues } = resolveFlags({}, []);
    expect(flags).toMatchObject({ algorithm: 'FFD', SKU_AFFINITY_ENABLED: false, CROSS_DOCK_ENABLED: false, CONGESTION_AVOIDANCE_ENABLED: false, ML_MODEL_ENABLED: false });
    expect(flags.problems).toHaveLength(5);
    expect(issues.every((issue) => issue.kind === 'missing' && issue.origin === 'env')).toBe(true);
    expect(Object.values(flags.sources).every((source) => source === 'fallback')).toBe(true);
  });

  it('never fails open: an invalid environment value means the safe value, reported as invalid', () => {
    const { flags, issues } = resolveFlags({ ...FULL_ENV, BIN_OPTIMIZATION_ALGORITHM: 'QUANTUM', ML_MODEL_ENABLED: 'yes please' }, []);
    expect(flags.algorithm).toBe('FFD');
    expect(flags.ML_MODEL_ENABLED).toBe(false);
    expect(issues.map((issue) => [issue.key, issue.kind])).toEqual([['BIN_OPTIMIZATION_ALGORITHM', 'invalid'], ['ML_MODEL_ENABLED', 'invalid']]);
    expect(flags.problems[0]).toContain('"QUANTUM"');
  });

  it('never falls through from an invalid tenant override to a more permissive environment default', () => {
    const { flags, issues } = resolveFlags(FULL_ENV, [{ flag_key: 'CROSS_DOCK_ENABLED', value: 'maybe' }]);
    expect(flags.CROSS_DOCK_ENABLED).toBe(false);
    expect(flags.sources.CROSS_DOCK_ENABLED).toBe('fallback');
    expect(issues[0]).toMatchObject({ key: 'CROSS_DOCK_ENABLED', origin: 'tenant', kind: 'invalid' });
  });

  it('ignores overrides of unknown flag keys', () => {
    const { flags } = resolveFlags(FULL_ENV, [{ flag_key: 'TURBO_MODE', value: 'true' }]);
    expect(flags.problems).toEqual([]);
  });
});

describe('parseFlagValue', () => {
  it('forgives case and surrounding spaces but nothing else', () => {
    expect(parseFlagValue('BIN_OPTIMIZATION_ALGORITHM', ' hybrid ')).toBe('HYBRID');
    expect(parseFlagValue('SKU_AFFINITY_ENABLED', 'TRUE')).toBe(true);
    expect(parseFlagValue('SKU_AFFINITY_ENABLED', '1')).toBeUndefined();
    expect(parseFlagValue('BIN_OPTIMIZATION_ALGORITHM', 'FFD2')).toBeUndefined();
    expect(parseFlagValue('ML_MODEL_ENABLED', undefined)).toBeUndefined();
  });
});

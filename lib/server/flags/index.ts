import 'server-only';
export { getEffectiveFlags, type EffectiveFlags } from './get-effective-flags';
export { resolveFlags, flagText, type FlagIssue, type ResolvedFlags } from './resolve-flags';
export { environmentFlagDefaults } from './environment-defaults';
export { getFlagSettings, type FlagSetting, type FlagSettings } from './get-flag-settings';
export { findFlagAudit, type FlagAuditEntry } from './find-flag-audit';
export { setFeatureFlag, type FlagUpdateResult } from './set-feature-flag';
export { rollbackFlagsToSafeDefaults } from './rollback-flags-to-safe-defaults';
export type { FlagChange } from './write-flag-overrides';

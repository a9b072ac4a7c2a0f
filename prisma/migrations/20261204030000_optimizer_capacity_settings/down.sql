-- Reverts 20261204030000_optimizer_capacity_settings: every tenant is back on the engine's
-- default band and cap. Their audit rows stay in feature_flag_audit_log.
DROP TABLE IF EXISTS "optimizer_capacity_settings";

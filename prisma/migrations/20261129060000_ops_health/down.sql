-- Reverts 20261129060000_ops_health. The binwise_ops role is cluster-wide (other databases
-- on the server may use it), so only this database's functions and grants are removed.
DROP FUNCTION IF EXISTS binwise_ops_flag_values();
DROP FUNCTION IF EXISTS binwise_ops_utilization_by_zone();
DROP FUNCTION IF EXISTS binwise_ops_cache_status(text);
DROP FUNCTION IF EXISTS binwise_ops_ml_accuracy(integer, integer);
DROP FUNCTION IF EXISTS binwise_ops_decision_stats(integer);
DROP FUNCTION IF EXISTS binwise_ops_batch_stats(integer);
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM binwise_ops;
REVOKE SELECT ON ALL TABLES IN SCHEMA public FROM binwise_ops;
REVOKE USAGE ON SCHEMA public FROM binwise_ops;

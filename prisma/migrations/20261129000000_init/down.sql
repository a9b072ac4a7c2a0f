-- Reverts 20261129000000_init. Drops every table of the initial schema and its types.
DROP FUNCTION IF EXISTS binwise_auth_lookup_api_token(text);
DROP FUNCTION IF EXISTS binwise_auth_lookup_user(text);
DROP TABLE IF EXISTS "scheduler_heartbeats", "auth_throttle", "background_jobs", "idempotency_keys", "api_tokens",
  "audit_events", "feature_flag_audit_log", "feature_flags", "ml_model_weights", "ml_feedback_training_data",
  "putaway_recommendations", "putaway_batches", "sku_affinity", "pick_tasks", "sales_order_lines", "sales_orders",
  "inventory_transactions", "lots", "materials", "inventory_locations", "zones", "facilities", "users", "tenants" CASCADE;
DROP FUNCTION IF EXISTS binwise_current_tenant();
DROP TYPE IF EXISTS "job_status", "batch_status", "recommendation_status", "pick_task_status", "sales_order_status",
  "transaction_type", "location_type", "user_role";

-- Binwise initial schema: every table of prisma/schema.prisma except the utilization cache
-- (created by 20261129050000_bin_utilization_cache), plus row-level security.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('SUPERVISOR', 'OPS', 'MANAGER', 'ADMIN');
CREATE TYPE "location_type" AS ENUM ('PICK_FACE', 'RESERVE', 'BULK', 'STAGING', 'DOCK');
CREATE TYPE "transaction_type" AS ENUM ('RECEIPT', 'PICK', 'MOVE', 'ADJUST');
CREATE TYPE "sales_order_status" AS ENUM ('OPEN', 'PICKING', 'SHIPPED', 'CANCELLED');
CREATE TYPE "pick_task_status" AS ENUM ('OPEN', 'DONE');
CREATE TYPE "recommendation_status" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'OVERRIDDEN');
CREATE TYPE "batch_status" AS ENUM ('OPEN', 'COMPLETED', 'FAILED');
CREATE TYPE "job_status" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "tenants" (
    "tenant_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenants_pkey" PRIMARY KEY ("tenant_id")
);

CREATE TABLE "users" (
    "user_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "user_role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("user_id")
);

CREATE TABLE "facilities" (
    "facility_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dock_x_feet" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "dock_y_feet" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "facilities_pkey" PRIMARY KEY ("facility_id")
);

CREATE TABLE "zones" (
    "zone_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "facility_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "hazard_allowed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "zones_pkey" PRIMARY KEY ("zone_id")
);

CREATE TABLE "inventory_locations" (
    "location_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "facility_id" UUID NOT NULL,
    "zone_id" UUID NOT NULL,
    "location_code" TEXT NOT NULL,
    "aisle" TEXT NOT NULL,
    "bay" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "x_feet" DOUBLE PRECISION NOT NULL,
    "y_feet" DOUBLE PRECISION NOT NULL,
    "location_type" "location_type" NOT NULL,
    "cubic_feet" DOUBLE PRECISION NOT NULL,
    "max_weight_lbs" DOUBLE PRECISION NOT NULL,
    "inside_length_inches" DOUBLE PRECISION NOT NULL,
    "inside_width_inches" DOUBLE PRECISION NOT NULL,
    "inside_height_inches" DOUBLE PRECISION NOT NULL,
    "allow_mixing" BOOLEAN NOT NULL DEFAULT true,
    "temperature_class" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "inventory_locations_pkey" PRIMARY KEY ("location_id")
);

CREATE TABLE "materials" (
    "material_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "width_inches" DOUBLE PRECISION,
    "height_inches" DOUBLE PRECISION,
    "length_inches" DOUBLE PRECISION,
    "weight_lbs" DOUBLE PRECISION,
    "abc_classification" TEXT,
    "hazard_class" TEXT,
    "temperature_class" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "materials_pkey" PRIMARY KEY ("material_id")
);

CREATE TABLE "lots" (
    "lot_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "lot_number" TEXT NOT NULL,
    "material_id" UUID NOT NULL,
    "location_id" UUID,
    "quantity_on_hand" INTEGER NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lots_pkey" PRIMARY KEY ("lot_id")
);

CREATE TABLE "inventory_transactions" (
    "transaction_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "transaction_type" "transaction_type" NOT NULL,
    "material_id" UUID NOT NULL,
    "lot_id" UUID,
    "quantity" INTEGER NOT NULL,
    "from_location_id" UUID,
    "to_location_id" UUID,
    "reference" TEXT,
    "recommendation_id" UUID,
    "performed_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "inventory_transactions_pkey" PRIMARY KEY ("transaction_id")
);

CREATE TABLE "sales_orders" (
    "sales_order_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "order_number" TEXT NOT NULL,
    "customer" TEXT NOT NULL,
    "status" "sales_order_status" NOT NULL DEFAULT 'OPEN',
    "due_at" TIMESTAMPTZ(6) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "shipped_at" TIMESTAMPTZ(6),
    CONSTRAINT "sales_orders_pkey" PRIMARY KEY ("sales_order_id")
);

CREATE TABLE "sales_order_lines" (
    "line_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "sales_order_id" UUID NOT NULL,
    "material_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "quantity_picked" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "sales_order_lines_pkey" PRIMARY KEY ("line_id")
);

CREATE TABLE "pick_tasks" (
    "pick_task_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "material_id" UUID NOT NULL,
    "sales_order_line_id" UUID,
    "quantity" INTEGER NOT NULL,
    "status" "pick_task_status" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(6),
    CONSTRAINT "pick_tasks_pkey" PRIMARY KEY ("pick_task_id")
);

CREATE TABLE "sku_affinity" (
    "tenant_id" UUID NOT NULL,
    "material_a_id" UUID NOT NULL,
    "material_b_id" UUID NOT NULL,
    "co_pick_count" INTEGER NOT NULL,
    "lift" DOUBLE PRECISION NOT NULL,
    "computed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sku_affinity_pkey" PRIMARY KEY ("tenant_id","material_a_id","material_b_id")
);

CREATE TABLE "putaway_batches" (
    "batch_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "status" "batch_status" NOT NULL DEFAULT 'OPEN',
    "algorithm" TEXT NOT NULL,
    "flags" JSONB NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'UI',
    "item_count" INTEGER NOT NULL,
    "unplaceable" JSONB NOT NULL DEFAULT '[]',
    "processing_ms" DOUBLE PRECISION NOT NULL,
    "error_message" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "putaway_batches_pkey" PRIMARY KEY ("batch_id")
);

CREATE TABLE "putaway_recommendations" (
    "recommendation_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "material_id" UUID NOT NULL,
    "lot_number" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "location_id" UUID NOT NULL,
    "final_location_id" UUID,
    "status" "recommendation_status" NOT NULL DEFAULT 'PENDING',
    "algorithm" TEXT NOT NULL,
    "confidence_score" DOUBLE PRECISION NOT NULL,
    "confidence_source" TEXT NOT NULL,
    "score_total" DOUBLE PRECISION NOT NULL,
    "score_breakdown" JSONB NOT NULL,
    "alternatives" JSONB NOT NULL DEFAULT '[]',
    "features" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL,
    "fill_before" DOUBLE PRECISION NOT NULL,
    "fill_after" DOUBLE PRECISION NOT NULL,
    "cross_dock_order_ref" TEXT,
    "decision_reason_code" TEXT,
    "decision_note" TEXT,
    "decided_by" UUID,
    "decided_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "putaway_recommendations_pkey" PRIMARY KEY ("recommendation_id")
);

CREATE TABLE "ml_feedback_training_data" (
    "feedback_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "recommendation_id" UUID,
    "features" JSONB NOT NULL,
    "accepted" BOOLEAN NOT NULL,
    "decision" TEXT NOT NULL,
    "reason_code" TEXT,
    "model_version" INTEGER,
    "confidence_score" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ml_feedback_training_data_pkey" PRIMARY KEY ("feedback_id")
);

CREATE TABLE "ml_model_weights" (
    "model_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "feature_names" TEXT[],
    "weights" DOUBLE PRECISION[],
    "intercept" DOUBLE PRECISION NOT NULL,
    "feature_means" DOUBLE PRECISION[],
    "feature_stds" DOUBLE PRECISION[],
    "is_active" BOOLEAN NOT NULL DEFAULT false,
    "metrics" JSONB NOT NULL,
    "training_window_start" TIMESTAMPTZ(6),
    "training_window_end" TIMESTAMPTZ(6),
    "sample_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ml_model_weights_pkey" PRIMARY KEY ("model_id")
);

CREATE TABLE "feature_flags" (
    "tenant_id" UUID NOT NULL,
    "flag_key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "feature_flags_pkey" PRIMARY KEY ("tenant_id","flag_key")
);

CREATE TABLE "feature_flag_audit_log" (
    "audit_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "flag_key" TEXT NOT NULL,
    "old_value" TEXT,
    "new_value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changed_by" UUID,
    "changed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "feature_flag_audit_log_pkey" PRIMARY KEY ("audit_id")
);

CREATE TABLE "audit_events" (
    "audit_event_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("audit_event_id")
);

CREATE TABLE "api_tokens" (
    "token_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "role" "user_role" NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(6),
    "expires_at" TIMESTAMPTZ(6),
    "revoked_at" TIMESTAMPTZ(6),
    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("token_id")
);

CREATE TABLE "idempotency_keys" (
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("tenant_id","key")
);

CREATE TABLE "background_jobs" (
    "job_id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "job_status" NOT NULL DEFAULT 'QUEUED',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "params" JSONB NOT NULL DEFAULT '{}',
    "result" JSONB,
    "error" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),
    CONSTRAINT "background_jobs_pkey" PRIMARY KEY ("job_id")
);

CREATE TABLE "auth_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(6),
    CONSTRAINT "auth_throttle_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "scheduler_heartbeats" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "heartbeat_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "details" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "scheduler_heartbeats_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenants_code_key" ON "tenants"("code");
CREATE UNIQUE INDEX "users_tenant_id_email_key" ON "users"("tenant_id", "email");
CREATE INDEX "users_email_idx" ON "users"("email");
CREATE UNIQUE INDEX "facilities_tenant_id_code_key" ON "facilities"("tenant_id", "code");
CREATE UNIQUE INDEX "zones_tenant_id_facility_id_code_key" ON "zones"("tenant_id", "facility_id", "code");
CREATE UNIQUE INDEX "inventory_locations_tenant_id_location_code_key" ON "inventory_locations"("tenant_id", "location_code");
CREATE INDEX "inventory_locations_tenant_id_zone_id_aisle_idx" ON "inventory_locations"("tenant_id", "zone_id", "aisle");
CREATE UNIQUE INDEX "materials_tenant_id_sku_key" ON "materials"("tenant_id", "sku");
CREATE UNIQUE INDEX "lots_tenant_id_lot_number_location_id_key" ON "lots"("tenant_id", "lot_number", "location_id");
CREATE INDEX "lots_tenant_id_location_id_idx" ON "lots"("tenant_id", "location_id");
CREATE INDEX "lots_tenant_id_material_id_idx" ON "lots"("tenant_id", "material_id");
CREATE INDEX "inventory_transactions_tenant_id_created_at_idx" ON "inventory_transactions"("tenant_id", "created_at");
CREATE INDEX "inventory_transactions_tenant_id_lot_id_idx" ON "inventory_transactions"("tenant_id", "lot_id");
CREATE INDEX "inventory_transactions_tenant_id_to_location_id_idx" ON "inventory_transactions"("tenant_id", "to_location_id");
CREATE UNIQUE INDEX "sales_orders_tenant_id_order_number_key" ON "sales_orders"("tenant_id", "order_number");
CREATE INDEX "sales_orders_tenant_id_status_due_at_idx" ON "sales_orders"("tenant_id", "status", "due_at");
CREATE INDEX "sales_order_lines_tenant_id_sales_order_id_idx" ON "sales_order_lines"("tenant_id", "sales_order_id");
CREATE INDEX "sales_order_lines_tenant_id_material_id_idx" ON "sales_order_lines"("tenant_id", "material_id");
CREATE INDEX "pick_tasks_tenant_id_status_idx" ON "pick_tasks"("tenant_id", "status");
CREATE INDEX "putaway_batches_tenant_id_created_at_idx" ON "putaway_batches"("tenant_id", "created_at");
CREATE INDEX "putaway_recommendations_tenant_id_batch_id_idx" ON "putaway_recommendations"("tenant_id", "batch_id");
CREATE INDEX "putaway_recommendations_tenant_id_status_idx" ON "putaway_recommendations"("tenant_id", "status");
CREATE INDEX "ml_feedback_training_data_tenant_id_created_at_idx" ON "ml_feedback_training_data"("tenant_id", "created_at");
CREATE UNIQUE INDEX "ml_model_weights_tenant_id_version_key" ON "ml_model_weights"("tenant_id", "version");
CREATE INDEX "feature_flag_audit_log_tenant_id_changed_at_idx" ON "feature_flag_audit_log"("tenant_id", "changed_at");
CREATE INDEX "audit_events_tenant_id_created_at_idx" ON "audit_events"("tenant_id", "created_at");
CREATE UNIQUE INDEX "api_tokens_tenant_id_token_hash_key" ON "api_tokens"("tenant_id", "token_hash");
CREATE INDEX "background_jobs_tenant_id_kind_created_at_idx" ON "background_jobs"("tenant_id", "kind", "created_at");
CREATE INDEX "background_jobs_status_idx" ON "background_jobs"("status");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("tenant_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("tenant_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "zones" ADD CONSTRAINT "zones_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facilities"("facility_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "inventory_locations" ADD CONSTRAINT "inventory_locations_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facilities"("facility_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "inventory_locations" ADD CONSTRAINT "inventory_locations_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zones"("zone_id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "lots" ADD CONSTRAINT "lots_material_id_fkey" FOREIGN KEY ("material_id") REFERENCES "materials"("material_id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "lots" ADD CONSTRAINT "lots_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "inventory_locations"("location_id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "sales_order_lines" ADD CONSTRAINT "sales_order_lines_sales_order_id_fkey" FOREIGN KEY ("sales_order_id") REFERENCES "sales_orders"("sales_order_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "pick_tasks" ADD CONSTRAINT "pick_tasks_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "inventory_locations"("location_id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "putaway_recommendations" ADD CONSTRAINT "putaway_recommendations_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "putaway_batches"("batch_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Row-level security: the backstop for tenant isolation. The application runs every
-- tenant query as binwise_app (neither superuser nor BYPASSRLS) after setting
-- app.current_tenant for the transaction; see lib/server/db.ts.
-- ---------------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'binwise_app') THEN
    CREATE ROLE binwise_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION binwise_current_tenant() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('app.current_tenant', true), '')::uuid
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'users','facilities','zones','inventory_locations','materials','lots','inventory_transactions',
    'sales_orders','sales_order_lines','pick_tasks','sku_affinity','putaway_batches',
    'putaway_recommendations','ml_feedback_training_data','ml_model_weights','feature_flags',
    'feature_flag_audit_log','audit_events','api_tokens','idempotency_keys','background_jobs'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = binwise_current_tenant()) WITH CHECK (tenant_id = binwise_current_tenant())', t);
  END LOOP;
END
$$;

ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenants" USING (tenant_id = binwise_current_tenant());

GRANT USAGE ON SCHEMA public TO binwise_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO binwise_app;
GRANT EXECUTE ON FUNCTION binwise_current_tenant() TO binwise_app;
-- Tables created by later migrations are usable by the app role without repeating grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO binwise_app;

-- Sign-in and API-token lookups must find a user before any tenant is known, so they go
-- through these narrow SECURITY DEFINER functions instead of loosening the policies.
CREATE OR REPLACE FUNCTION binwise_auth_lookup_user(p_email text)
RETURNS TABLE (user_id uuid, tenant_id uuid, email text, name text, role user_role, password_hash text, is_active boolean, tenant_code text, tenant_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.user_id, u.tenant_id, u.email, u.name, u.role, u.password_hash, u.is_active, t.code, t.name
  FROM users u JOIN tenants t ON t.tenant_id = u.tenant_id
  WHERE lower(u.email) = lower(p_email)
$$;

CREATE OR REPLACE FUNCTION binwise_auth_lookup_api_token(p_token_hash text)
RETURNS TABLE (token_id uuid, tenant_id uuid, role user_role, name text, expires_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT k.token_id, k.tenant_id, k.role, k.name, k.expires_at, k.revoked_at
  FROM api_tokens k WHERE k.token_hash = p_token_hash
$$;

REVOKE ALL ON FUNCTION binwise_auth_lookup_user(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION binwise_auth_lookup_api_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION binwise_auth_lookup_user(text) TO binwise_app;
GRANT EXECUTE ON FUNCTION binwise_auth_lookup_api_token(text) TO binwise_app;

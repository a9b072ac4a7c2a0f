-- Per-tenant fill rules for the putaway engine: the target band it aims for and the hard cap
-- it never fills a bin past (volume and weight), which the accept/override path re-checks.
-- No row means the engine's defaults (band 0.60-0.85, cap 0.95). Values are fractions of a
-- bin. The CHECK repeats the rules of lib/schemas/capacity.ts, so no writer, not even a
-- hand-typed UPDATE, can store a band above the cap or a cap above 100 %.
CREATE TABLE "optimizer_capacity_settings" (
    "tenant_id" UUID NOT NULL,
    "target_band_min" DOUBLE PRECISION NOT NULL,
    "target_band_max" DOUBLE PRECISION NOT NULL,
    "hard_cap" DOUBLE PRECISION NOT NULL,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "optimizer_capacity_settings_pkey" PRIMARY KEY ("tenant_id"),
    CONSTRAINT "optimizer_capacity_settings_order_check" CHECK (
      "target_band_min" >= 0.3 AND "target_band_min" <= "target_band_max"
      AND "target_band_max" <= "hard_cap" AND "hard_cap" >= 0.5 AND "hard_cap" <= 1)
);

-- Tenant isolation like every tenant-owned table (the per-statement form of 20261203190000).
ALTER TABLE "optimizer_capacity_settings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "optimizer_capacity_settings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "optimizer_capacity_settings"
  USING (tenant_id = (SELECT binwise_current_tenant())) WITH CHECK (tenant_id = (SELECT binwise_current_tenant()));

-- Explicit: the init migration's default privileges cover only tables created by the role
-- that ran it, and a later migration may run as another owner.
GRANT SELECT, INSERT, UPDATE, DELETE ON "optimizer_capacity_settings" TO binwise_app;

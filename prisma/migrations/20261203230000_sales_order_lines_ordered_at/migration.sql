-- Putaway reads, on every batch, the most recent orders holding each material of the batch
-- (loadRecentOrders). Lines had no date, so that read every line ever written for a material
-- and looked its order up to sort by time: ~100 ms for the 50 best-selling SKUs of the
-- 28,000-order demo, and growing with years of history. The order's time copied onto its
-- lines makes it a range scan of one index that stops after the newest few orders.
ALTER TABLE "sales_order_lines" ADD COLUMN "ordered_at" TIMESTAMPTZ(6);

UPDATE "sales_order_lines" l SET "ordered_at" = o."created_at"
FROM "sales_orders" o WHERE o."tenant_id" = l."tenant_id" AND o."sales_order_id" = l."sales_order_id";

-- A line's ordered_at is always its order's created_at, whatever the writer sent, so no
-- insert path (app, seed, demo data, tests) has to know about the column and the copy can
-- never drift. SECURITY INVOKER on purpose: a line belongs to its order's tenant, so under
-- row-level security the writer sees the order whenever the line itself passes the policy.
-- An order it cannot see is reported like the foreign key would report a missing one.
-- Both functions look rows up by tenant and id, so each stays on one tenant's shard if the
-- tables are ever distributed by tenant_id (Citus).
CREATE OR REPLACE FUNCTION binwise_sales_order_line_ordered_at()
RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  NEW.ordered_at := (SELECT o.created_at FROM sales_orders o WHERE o.tenant_id = NEW.tenant_id AND o.sales_order_id = NEW.sales_order_id);
  IF NEW.ordered_at IS NULL THEN
    RAISE EXCEPTION 'sales order % of sales order line % is not visible', NEW.sales_order_id, NEW.line_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END
$$;

-- Keeps the lines' copy right when an order's created_at is corrected. Same tenant as the
-- order, so the invoking role can update them under row-level security.
CREATE OR REPLACE FUNCTION binwise_sales_order_created_at_to_lines()
RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  UPDATE sales_order_lines SET ordered_at = NEW.created_at WHERE tenant_id = NEW.tenant_id AND sales_order_id = NEW.sales_order_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER sales_order_lines_ordered_at BEFORE INSERT OR UPDATE OF sales_order_id, ordered_at ON sales_order_lines
  FOR EACH ROW EXECUTE FUNCTION binwise_sales_order_line_ordered_at();
CREATE TRIGGER sales_orders_created_at_to_lines AFTER UPDATE OF created_at ON sales_orders
  FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at) EXECUTE FUNCTION binwise_sales_order_created_at_to_lines();
-- The seed's bulk writer runs with session_replication_role = replica so that the
-- utilization cache's triggers stay quiet; these two must fire there too, or its lines would
-- have no time (orders are written before their lines, in the same transaction).
ALTER TABLE sales_order_lines ENABLE ALWAYS TRIGGER sales_order_lines_ordered_at;
ALTER TABLE sales_orders ENABLE ALWAYS TRIGGER sales_orders_created_at_to_lines;

-- Every line now has one (the backfill, then the trigger on every write).
ALTER TABLE "sales_order_lines" ALTER COLUMN "ordered_at" SET NOT NULL;

-- A material's lines newest first; sales_order_id as the last key orders ties (orders
-- created in one transaction share created_at) and puts an order's lines of one material
-- side by side, so "the N newest distinct orders" is read straight off the index.
CREATE INDEX "sales_order_lines_tenant_id_material_id_ordered_at_idx" ON "sales_order_lines"("tenant_id", "material_id", "ordered_at" DESC, "sales_order_id" DESC);

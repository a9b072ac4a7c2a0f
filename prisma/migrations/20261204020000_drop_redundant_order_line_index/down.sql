-- Reverts 20261204020000_drop_redundant_order_line_index.
CREATE INDEX IF NOT EXISTS "sales_order_lines_tenant_id_material_id_idx" ON "sales_order_lines"("tenant_id", "material_id");

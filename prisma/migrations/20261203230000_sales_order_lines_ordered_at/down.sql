-- Reverts 20261203230000_sales_order_lines_ordered_at.
DROP INDEX IF EXISTS "sales_order_lines_tenant_id_material_id_ordered_at_idx";
DROP TRIGGER IF EXISTS sales_orders_created_at_to_lines ON sales_orders;
DROP TRIGGER IF EXISTS sales_order_lines_ordered_at ON sales_order_lines;
DROP FUNCTION IF EXISTS binwise_sales_order_created_at_to_lines();
DROP FUNCTION IF EXISTS binwise_sales_order_line_ordered_at();
ALTER TABLE "sales_order_lines" DROP COLUMN IF EXISTS "ordered_at";

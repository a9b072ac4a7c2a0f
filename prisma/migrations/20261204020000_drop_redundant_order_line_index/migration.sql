-- sales_order_lines (tenant_id, material_id) is a prefix of the index added by
-- 20261203230000_sales_order_lines_ordered_at (tenant_id, material_id, ordered_at DESC,
-- sales_order_id DESC), which serves every lookup it served; keeping both only costs a second
-- index write on every order line inserted.
DROP INDEX IF EXISTS "sales_order_lines_tenant_id_material_id_idx";

-- Back to the per-row form of every tenant_isolation policy this migration rewrote.
DO $$
DECLARE
  p record;
BEGIN
  FOR p IN
    SELECT schemaname, tablename, with_check IS NOT NULL AS has_check FROM pg_policies
    WHERE policyname = 'tenant_isolation' AND qual LIKE '%SELECT binwise_current_tenant()%'
  LOOP
    IF p.has_check THEN
      EXECUTE format('ALTER POLICY tenant_isolation ON %I.%I USING (tenant_id = binwise_current_tenant()) WITH CHECK (tenant_id = binwise_current_tenant())', p.schemaname, p.tablename);
    ELSE
      EXECUTE format('ALTER POLICY tenant_isolation ON %I.%I USING (tenant_id = binwise_current_tenant())', p.schemaname, p.tablename);
    END IF;
  END LOOP;
END
$$;

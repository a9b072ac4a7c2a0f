-- Background tasks (nightly affinity mining, daily ML training) run for every tenant, so they
-- must list tenants before any tenant is set. Row-level security hides every tenant from the
-- app role at that point; this narrow SECURITY DEFINER function returns ids and codes only.
CREATE OR REPLACE FUNCTION binwise_list_tenants()
RETURNS TABLE (tenant_id uuid, code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT t.tenant_id, t.code FROM tenants t ORDER BY t.code
$$;

REVOKE ALL ON FUNCTION binwise_list_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION binwise_list_tenants() TO binwise_app;

DROP FUNCTION IF EXISTS binwise_list_tenants();

/**
 * Bulk writer: multi-row INSERT ... SELECT FROM unnest($1::uuid[], $2::text[], ...) in
 * batches, straight through `pg` (no Prisma), all in one transaction with
 * session_replication_role = replica so row triggers (the utilization cache) and FK checks
 * do not fire per row. Requires a superuser connection (the seed runs as postgres).
 */
import type { ClientBase } from 'pg';
import type { TenantData } from './generate';
import type { LocationRow, LotRow, MaterialRow, PickTaskRow, SalesOrderLineRow, SalesOrderRow, TransactionRow, ZoneRow } from './types';
import type { DemoUser } from './demo-users';
import { Rng } from './random';

type Column<T> = [name: string, pgType: string, value: (row: T) => unknown];

const BATCH_ROWS = 5000;
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Optional per-table timing sink (the CLI prints it). */
export type InsertLog = (message: string) => void;

export async function bulkInsert<T>(client: ClientBase, table: string, columns: Column<T>[], rows: readonly T[], log?: InsertLog): Promise<void> {
  const started = performance.now();
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${params})`;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    await client.query(sql, columns.map(([, , value]) => batch.map(value)));
  }
  log?.(`  ${table}: ${rows.length} rows in ${Math.round(performance.now() - started)} ms`);
}

export type UserRow = DemoUser & { userId: string };

export function userRows(seed: number, tenantCode: string, users: readonly DemoUser[]): UserRow[] {
  const rng = Rng.derive(seed, `${tenantCode}/users`);
  return users.filter((u) => u.tenantCode === tenantCode).map((u) => ({ ...u, userId: rng.uuid() }));
}

/** Writes one tenant. `createdAt` stamps the master data so two runs with the same --now are byte-identical (bar the bcrypt salt). */
export async function insertTenant(client: ClientBase, t: TenantData, users: UserRow[], passwordHash: string, now: Date, log?: InsertLog): Promise<void> {
  const tid = () => t.tenantId;
  const created = new Date(now.getTime() - 400 * 86_400_000).toISOString();
  const at = () => created;
  await client.query(`INSERT INTO tenants (tenant_id, code, name, created_at) VALUES ($1, $2, $3, $4)`, [t.tenantId, t.code, t.name, created]);
  await bulkInsert<UserRow>(client, 'users', [
    ['user_id', 'uuid', (u) => u.userId], ['tenant_id', 'uuid', tid], ['email', 'text', (u) => u.email], ['name', 'text', (u) => u.name],
    ['role', 'user_role', (u) => u.role], ['password_hash', 'text', () => passwordHash], ['created_at', 'timestamptz', at],
  ], users, log);
  await client.query(`INSERT INTO facilities (facility_id, tenant_id, code, name, dock_x_feet, dock_y_feet, created_at) VALUES ($1, $2, $3, $4, 0, 0, $5)`,
    [t.facility.facilityId, t.tenantId, t.facility.code, t.facility.name, created]);
  await bulkInsert<ZoneRow>(client, 'zones', [
    ['zone_id', 'uuid', (z) => z.zoneId], ['tenant_id', 'uuid', tid], ['facility_id', 'uuid', () => t.facility.facilityId], ['code', 'text', (z) => z.code],
    ['name', 'text', (z) => z.name], ['purpose', 'text', (z) => z.purpose], ['hazard_allowed', 'boolean', (z) => z.hazardAllowed], ['created_at', 'timestamptz', at],
  ], t.zones, log);
  await bulkInsert<LocationRow>(client, 'inventory_locations', [
    ['location_id', 'uuid', (l) => l.locationId], ['tenant_id', 'uuid', tid], ['facility_id', 'uuid', () => t.facility.facilityId], ['zone_id', 'uuid', (l) => l.zoneId],
    ['location_code', 'text', (l) => l.code], ['aisle', 'text', (l) => l.aisle], ['bay', 'int4', (l) => l.bay], ['level', 'int4', (l) => l.level],
    ['x_feet', 'float8', (l) => l.x], ['y_feet', 'float8', (l) => l.y], ['location_type', 'location_type', (l) => l.type],
    ['cubic_feet', 'float8', (l) => l.cubicFeet], ['max_weight_lbs', 'float8', (l) => l.maxWeightLbs], ['inside_length_inches', 'float8', (l) => l.lengthIn],
    ['inside_width_inches', 'float8', (l) => l.widthIn], ['inside_height_inches', 'float8', (l) => l.heightIn], ['is_active', 'boolean', (l) => l.isActive],
    ['created_at', 'timestamptz', at],
  ], t.locations, log);
  await bulkInsert<MaterialRow>(client, 'materials', [
    ['material_id', 'uuid', (m) => m.materialId], ['tenant_id', 'uuid', tid], ['sku', 'text', (m) => m.sku], ['description', 'text', (m) => m.description],
    ['category', 'text', (m) => m.category], ['width_inches', 'float8', (m) => m.widthIn], ['height_inches', 'float8', (m) => m.heightIn],
    ['length_inches', 'float8', (m) => m.lengthIn], ['weight_lbs', 'float8', (m) => m.weightLbs], ['abc_classification', 'text', (m) => m.abc],
    ['hazard_class', 'text', (m) => m.hazardClass], ['temperature_class', 'text', (m) => m.temperatureClass], ['created_at', 'timestamptz', at],
  ], t.materials, log);
  const nowIso = now.toISOString();
  await bulkInsert<LotRow>(client, 'lots', [
    ['lot_id', 'uuid', (l) => l.lotId], ['tenant_id', 'uuid', tid], ['lot_number', 'text', (l) => l.lotNumber], ['material_id', 'uuid', (l) => l.materialId],
    ['location_id', 'uuid', (l) => l.locationId], ['quantity_on_hand', 'int4', (l) => l.quantityOnHand], ['received_at', 'timestamptz', (l) => iso(l.receivedAt)],
    ['updated_at', 'timestamptz', () => nowIso],
  ], t.lots, log);
  await bulkInsert<TransactionRow>(client, 'inventory_transactions', [
    ['transaction_id', 'uuid', (x) => x.transactionId], ['tenant_id', 'uuid', tid], ['transaction_type', 'transaction_type', (x) => x.type],
    ['material_id', 'uuid', (x) => x.materialId], ['lot_id', 'uuid', (x) => x.lotId], ['quantity', 'int4', (x) => x.quantity],
    ['from_location_id', 'uuid', (x) => x.fromLocationId], ['to_location_id', 'uuid', (x) => x.toLocationId], ['reference', 'text', (x) => x.reference],
    ['created_at', 'timestamptz', (x) => iso(x.createdAt)],
  ], t.transactions, log);
  await bulkInsert<SalesOrderRow>(client, 'sales_orders', [
    ['sales_order_id', 'uuid', (o) => o.salesOrderId], ['tenant_id', 'uuid', tid], ['order_number', 'text', (o) => o.orderNumber], ['customer', 'text', (o) => o.customer],
    ['status', 'sales_order_status', (o) => o.status], ['due_at', 'timestamptz', (o) => iso(o.dueAt)], ['created_at', 'timestamptz', (o) => iso(o.createdAt)],
    ['shipped_at', 'timestamptz', (o) => iso(o.shippedAt)],
  ], t.orders, log);
  await bulkInsert<SalesOrderLineRow>(client, 'sales_order_lines', [
    ['line_id', 'uuid', (l) => l.lineId], ['tenant_id', 'uuid', tid], ['sales_order_id', 'uuid', (l) => l.salesOrderId], ['material_id', 'uuid', (l) => l.materialId],
    ['quantity', 'int4', (l) => l.quantity], ['quantity_picked', 'int4', (l) => l.quantityPicked],
  ], t.lines, log);
  await bulkInsert<PickTaskRow>(client, 'pick_tasks', [
    ['pick_task_id', 'uuid', (p) => p.pickTaskId], ['tenant_id', 'uuid', tid], ['location_id', 'uuid', (p) => p.locationId], ['material_id', 'uuid', (p) => p.materialId],
    ['sales_order_line_id', 'uuid', (p) => p.lineId], ['quantity', 'int4', (p) => p.quantity], ['status', 'pick_task_status', (p) => p.status],
    ['created_at', 'timestamptz', (p) => iso(p.createdAt)], ['completed_at', 'timestamptz', (p) => iso(p.completedAt)],
  ], t.tasks, log);
}

/** Every table that carries tenant_id (whatever later migrations add), plus tenants itself. */
export async function truncateTenantData(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT DISTINCT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' ORDER BY c.table_name`,
  );
  const tables = [...rows.map((r) => r.table_name), 'tenants'];
  await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} CASCADE`);
  return tables;
}

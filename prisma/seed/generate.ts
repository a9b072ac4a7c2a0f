/** Pure generation of one tenant's demo data (no database): geometry, items, stock, history. */
import type { DefectCounts, LocationRow, LotRow, MaterialRow, PickTaskRow, SalesOrderLineRow, SalesOrderRow, TransactionRow, ZoneRow } from './types';
import { Rng } from './random';
import { generateLayout } from './layout';
import { generateMaterials, materialCountFor } from './materials';
import { placeLots } from './placement';
import { generateOpenOrders, generateShippedOrders, ordersPerDayFor } from './orders';
import { buildStockHistory, openPickTasks } from './history';
import { applyLocationDefects, applyMaterialDefects, classifyAbc, oversizeMaterials } from './defects';

export type TenantSpec = { code: string; name: string; locations: number; defects: DefectCounts };

export type TenantData = {
  tenantId: string;
  code: string;
  name: string;
  facility: { facilityId: string; code: string; name: string };
  zones: ZoneRow[];
  locations: LocationRow[];
  materials: MaterialRow[];
  lots: LotRow[];
  transactions: TransactionRow[];
  orders: SalesOrderRow[];
  lines: SalesOrderLineRow[];
  tasks: PickTaskRow[];
};

/** Northwind is ~10% of Acme's size, at least 200 locations. */
export function tenantSpecs(locations: number, defects: Record<string, DefectCounts>): TenantSpec[] {
  return [
    { code: 'acme-print', name: 'Acme Print Co.', locations, defects: defects['acme-print'] },
    { code: 'northwind-press', name: 'Northwind Press', locations: Math.max(200, Math.round(locations * 0.1)), defects: defects['northwind-press'] },
  ];
}

export function generateTenant(seed: number, spec: TenantSpec, now: number): TenantData {
  const stream = (label: string) => Rng.derive(seed, `${spec.code}/${label}`);
  const ids = stream('ids');
  const tenantId = ids.uuid();
  const facility = { facilityId: ids.uuid(), code: 'MAIN', name: `${spec.name} main warehouse` };

  const { zones, locations } = generateLayout(stream('layout'), spec.locations);
  const badBins = applyLocationDefects(stream('bin-defects'), locations, spec.defects.invalidCapacity);

  const materials = generateMaterials(stream('materials'), materialCountFor(spec.locations));
  materials.push(...oversizeMaterials(stream('oversize'), spec.defects.oversizeMaterials));

  const placed = placeLots(stream('placement'), locations, materials, badBins);
  const book = generateShippedOrders(stream('orders'), materials, now, ordersPerDayFor(spec.locations));
  const history = buildStockHistory(stream('history'), now, materials, locations, placed, book.picks, spec.defects.negativeStock);

  classifyAbc(materials, history.pickCounts);
  applyMaterialDefects(stream('material-defects'), materials, spec.defects);

  // Cross-dock candidates: open orders for the SKUs received most often.
  const frequentlyReceived = materials.map((_, i) => i)
    .filter((i) => materials[i].demand > 0)
    .sort((a, b) => history.receiptCounts[b] - history.receiptCounts[a] || a - b)
    .slice(0, 30);
  const openCount = spec.locations >= 1000 ? 40 : 16;
  const open = generateOpenOrders(stream('open-orders'), materials, now, openCount, Math.round(openCount * 0.3), frequentlyReceived, book.orders.length + 1);
  const openTaskCount = Math.min(150, Math.max(spec.locations >= 1000 ? 50 : 20, Math.round(spec.locations / 20)));
  const tasks = [...history.doneTasks, ...openPickTasks(stream('open-tasks'), now, openTaskCount, history.lots, locations, open.lines)];

  return {
    tenantId, code: spec.code, name: spec.name, facility, zones, locations, materials,
    lots: history.lots, transactions: history.transactions,
    orders: [...book.orders, ...open.orders], lines: [...book.lines, ...open.lines], tasks,
  };
}

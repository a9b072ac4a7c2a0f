/** Plain row shapes produced by the pure generators and written by insert.ts. */

export type LocationType = 'PICK_FACE' | 'RESERVE' | 'BULK' | 'STAGING' | 'DOCK';
export type ZoneCode = 'RECV' | 'PAPER' | 'INK' | 'PLATES' | 'FINISHED';
export type Category = 'PAPER_ROLL' | 'INK' | 'CHEMICAL' | 'PLATE' | 'SMALL_PART' | 'FINISHED_CARTON';

export type ZoneRow = { zoneId: string; code: ZoneCode; name: string; purpose: string; hazardAllowed: boolean };

export type LocationRow = {
  locationId: string;
  zoneId: string;
  zoneCode: ZoneCode;
  code: string;
  aisle: string;
  bay: number;
  level: number;
  x: number;
  y: number;
  type: LocationType;
  cubicFeet: number;
  maxWeightLbs: number;
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  isActive: boolean;
};

export type MaterialRow = {
  materialId: string;
  sku: string;
  description: string;
  category: Category;
  widthIn: number | null;
  heightIn: number | null;
  lengthIn: number | null;
  weightLbs: number | null;
  abc: string | null;
  hazardClass: string | null;
  temperatureClass: string | null;
  /** Generator-only: co-pick family index, demand weight, and the unit quantity range of an order line. */
  family: number | null;
  demand: number;
  lineQty: [number, number];
};

export type LotRow = {
  lotId: string;
  lotNumber: string;
  materialId: string;
  locationId: string | null;
  quantityOnHand: number;
  receivedAt: Date;
};

export type TransactionRow = {
  transactionId: string;
  type: 'RECEIPT' | 'PICK' | 'MOVE' | 'ADJUST';
  materialId: string;
  lotId: string;
  quantity: number;
  fromLocationId: string | null;
  toLocationId: string | null;
  reference: string | null;
  createdAt: Date;
};

export type SalesOrderRow = {
  salesOrderId: string;
  orderNumber: string;
  customer: string;
  status: 'OPEN' | 'PICKING' | 'SHIPPED' | 'CANCELLED';
  dueAt: Date;
  createdAt: Date;
  shippedAt: Date | null;
};

export type SalesOrderLineRow = {
  lineId: string;
  salesOrderId: string;
  materialId: string;
  quantity: number;
  quantityPicked: number;
};

export type PickTaskRow = {
  pickTaskId: string;
  locationId: string;
  materialId: string;
  lineId: string | null;
  quantity: number;
  status: 'OPEN' | 'DONE';
  createdAt: Date;
  completedAt: Date | null;
};

/** The data-quality defects one tenant carries; each number is what the runbook's audit query returns for it. */
export type DefectCounts = {
  /** materials WHERE width_inches IS NULL OR height_inches IS NULL */
  missingDimensions: number;
  /** materials WHERE abc_classification IS NULL */
  missingAbc: number;
  /** inventory_locations WHERE cubic_feet <= 0 OR max_weight_lbs <= 0 */
  invalidCapacity: number;
  /** materials larger (or heavier) than every bin of the tenant: no lots, never placeable */
  oversizeMaterials: number;
  /** lots WHERE quantity_on_hand < 0 */
  negativeStock: number;
};

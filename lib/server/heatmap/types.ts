import 'server-only';
// Payload types; the client heatmap imports them with `import type` (erased at build).

export type BinStatus = 'UNDER' | 'OPTIMAL' | 'OVER' | 'INVALID';
/** One char per bin in HeatmapBins.status: U under, O optimal, V over, I invalid. */
export type StatusCode = 'U' | 'O' | 'V' | 'I';

/**
 * Column arrays, index i = bin i, so 10,000 bins stay well under 500 KB of JSON: no
 * repeated keys, dictionaries for zones/aisles/SKUs, tenths of a percent as integers.
 */
export type HeatmapBins = {
  code: string[];
  /** Index into HeatmapPayload.zones. */
  zone: number[];
  /** Index into HeatmapPayload.aisles. */
  aisle: number[];
  bay: number[];
  level: number[];
  /** Volume fill in tenths of a percent (734 = 73.4%); -1 when the capacity is invalid. */
  fill: number[];
  /** Weight fill in tenths of a percent; -1 when max weight is invalid. */
  weight: number[];
  /** One char per bin: U under 60%, O optimal 60–85%, V over 85%, I invalid capacity. */
  status: string;
  /** One digit per bin: bitmask of ABC classes on hand (A=1, B=2, C=4; unclassified counts as C). */
  abc: string;
  /** Indices into HeatmapPayload.skus. */
  skus: number[][];
  /** Minutes between the last movement and generatedAt; -1 when never moved. */
  lastMove: number[];
};

export type HeatmapPayload = {
  generatedAt: string;
  /** 'cache' reads bin_utilization_cache; 'live' computes from lots (cache rolled back or disabled). */
  source: 'cache' | 'live';
  zones: { code: string; name: string }[];
  aisles: string[];
  skus: string[];
  bins: HeatmapBins;
};

export type BinDetail = {
  locationId: string;
  code: string;
  zone: string;
  aisle: string;
  bay: number;
  level: number;
  locationType: string;
  cubicFeet: number;
  maxWeightLbs: number;
  isActive: boolean;
  utilizationPct: number | null;
  weightPct: number | null;
  status: BinStatus;
  lots: { lotNumber: string; sku: string; description: string; abc: string; quantity: number; cubicFeet: number; weightLbs: number; receivedAt: string }[];
  transactions: { id: string; type: string; sku: string; lotNumber: string | null; quantity: number; from: string | null; to: string | null; reference: string | null; createdAt: string }[];
};

export type UtilizationTrendPoint = { day: string; fillPct: number; movements: number };

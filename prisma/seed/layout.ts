/**
 * Warehouse geometry: one facility per tenant with the receiving dock at (0, 0), dock doors
 * and staging lanes along the dock wall, then storage aisles running along y, 10 ft apart
 * along x, grouped by zone. Location codes read zone-aisle-bay-level, e.g. PAP-03-12-2.
 */
import type { LocationRow, LocationType, ZoneCode, ZoneRow } from './types';
import { Rng } from './random';

type LevelSpec = { type: LocationType; lengthIn: number; widthIn: number; heightIn: number; maxWeightLbs: number };
type StorageZone = {
  code: Exclude<ZoneCode, 'RECV'>;
  prefix: string;
  name: string;
  purpose: string;
  hazardAllowed: boolean;
  share: number;
  bayFeet: number;
  levels: LevelSpec[];
};

/** Storage zones in the order their aisles are laid out, nearest the dock first. */
export const STORAGE_ZONES: StorageZone[] = [
  {
    code: 'FINISHED', prefix: 'FIN', name: 'Finished goods', hazardAllowed: false, share: 0.38, bayFeet: 6,
    purpose: 'Finished goods cartons: pick faces on the two lowest levels, reserve pallets above',
    levels: [
      { type: 'PICK_FACE', lengthIn: 48, widthIn: 40, heightIn: 48, maxWeightLbs: 1500 },
      { type: 'PICK_FACE', lengthIn: 48, widthIn: 40, heightIn: 48, maxWeightLbs: 1500 },
      { type: 'RESERVE', lengthIn: 48, widthIn: 40, heightIn: 60, maxWeightLbs: 2500 },
      { type: 'RESERVE', lengthIn: 48, widthIn: 40, heightIn: 60, maxWeightLbs: 2500 },
      { type: 'RESERVE', lengthIn: 48, widthIn: 40, heightIn: 60, maxWeightLbs: 2500 },
    ],
  },
  {
    code: 'PAPER', prefix: 'PAP', name: 'Paper rolls', hazardAllowed: false, share: 0.26, bayFeet: 8,
    purpose: 'Paper rolls: heavy floor stacks (bulk) and two reinforced rack levels',
    levels: [
      { type: 'BULK', lengthIn: 96, widthIn: 66, heightIn: 130, maxWeightLbs: 12000 },
      { type: 'RESERVE', lengthIn: 96, widthIn: 66, heightIn: 64, maxWeightLbs: 6000 },
      { type: 'RESERVE', lengthIn: 96, widthIn: 66, heightIn: 64, maxWeightLbs: 6000 },
    ],
  },
  {
    code: 'INK', prefix: 'INK', name: 'Inks & chemicals', hazardAllowed: true, share: 0.12, bayFeet: 8,
    purpose: 'Inks and press chemicals (flammable/corrosive): drums and pails on pallet racks',
    levels: [
      { type: 'PICK_FACE', lengthIn: 96, widthIn: 48, heightIn: 48, maxWeightLbs: 5000 },
      { type: 'RESERVE', lengthIn: 96, widthIn: 48, heightIn: 48, maxWeightLbs: 5000 },
      { type: 'RESERVE', lengthIn: 96, widthIn: 48, heightIn: 48, maxWeightLbs: 5000 },
      { type: 'RESERVE', lengthIn: 96, widthIn: 48, heightIn: 48, maxWeightLbs: 5000 },
    ],
  },
  {
    code: 'PLATES', prefix: 'PLT', name: 'Plates & small parts', hazardAllowed: false, share: 0.24, bayFeet: 5,
    purpose: 'Printing plates and small parts on shelving pick faces',
    levels: [1, 2, 3, 4, 5].map(() => ({ type: 'PICK_FACE' as const, lengthIn: 60, widthIn: 48, heightIn: 24, maxWeightLbs: 800 })),
  },
];

export const RECV_ZONE = {
  code: 'RECV' as const, name: 'Receiving & staging', hazardAllowed: false,
  purpose: 'Receiving dock doors and staging lanes next to the dock',
};

/** Inside dimensions (inches) to cubic feet, rounded to 0.01. */
export function cubicFeet(lengthIn: number, widthIn: number, heightIn: number): number {
  return Math.round(((lengthIn * widthIn * heightIn) / 1728) * 100) / 100;
}

export const AISLE_SPACING_FT = 10;
const FIRST_AISLE_X = 30;
const FIRST_BAY_Y = 40;

export type Layout = { zones: ZoneRow[]; locations: LocationRow[]; baysPerAisle: number };

/** Splits `total` locations: dock doors, staging lanes, then the storage zones by share (exact total). */
export function planCounts(total: number): { dock: number; staging: number; zones: Record<string, number> } {
  const dock = Math.min(24, Math.max(4, Math.round(total * 0.005)));
  const staging = Math.min(60, Math.max(6, Math.round(total * 0.01)));
  const rest = Math.max(0, total - dock - staging);
  const zones: Record<string, number> = {};
  let assigned = 0;
  STORAGE_ZONES.forEach((z, i) => {
    const n = i === STORAGE_ZONES.length - 1 ? rest - assigned : Math.round(rest * z.share);
    zones[z.code] = n;
    assigned += n;
  });
  return { dock, staging, zones };
}

export function generateLayout(rng: Rng, total: number): Layout {
  if (!Number.isInteger(total) || total < 100) throw new Error(`--locations must be an integer >= 100 (got ${total})`);
  const plan = planCounts(total);
  const zones: ZoneRow[] = [
    { zoneId: rng.uuid(), code: 'RECV', name: RECV_ZONE.name, purpose: RECV_ZONE.purpose, hazardAllowed: false },
    ...STORAGE_ZONES.map((z) => ({ zoneId: rng.uuid(), code: z.code, name: z.name, purpose: z.purpose, hazardAllowed: z.hazardAllowed })),
  ];
  const zoneId = (code: ZoneCode) => zones.find((z) => z.code === code)!.zoneId;
  const locations: LocationRow[] = [];
  const push = (row: Omit<LocationRow, 'locationId' | 'cubicFeet' | 'isActive'>) =>
    locations.push({ ...row, locationId: rng.uuid(), cubicFeet: cubicFeet(row.lengthIn, row.widthIn, row.heightIn), isActive: true });

  // Dock doors on the dock wall (y = 0), 12 ft apart; staging lanes 15 ft inside.
  for (let i = 1; i <= plan.dock; i++) {
    push({ zoneId: zoneId('RECV'), zoneCode: 'RECV', code: `DCK-00-${pad(i)}-1`, aisle: '00', bay: i, level: 1, x: (i - 1) * 12, y: 0,
      type: 'DOCK', lengthIn: 120, widthIn: 96, heightIn: 96, maxWeightLbs: 10000 });
  }
  for (let i = 1; i <= plan.staging; i++) {
    push({ zoneId: zoneId('RECV'), zoneCode: 'RECV', code: `STG-00-${pad(i)}-1`, aisle: '00', bay: i, level: 1, x: (i - 1) * 8, y: 15,
      type: 'STAGING', lengthIn: 96, widthIn: 48, heightIn: 72, maxWeightLbs: 6000 });
  }

  // Bays per aisle grow with the warehouse so it stays roughly square (2,000 locations: ~20 bays).
  const positions = STORAGE_ZONES.reduce((sum, z) => sum + plan.zones[z.code] / z.levels.length, 0);
  const baysPerAisle = Math.min(80, Math.max(10, Math.round(Math.sqrt(positions / 1.2))));
  let globalAisle = 0;
  for (const z of STORAGE_ZONES) {
    let remaining = plan.zones[z.code];
    for (let aisle = 1; remaining > 0; aisle++, globalAisle++) {
      const x = FIRST_AISLE_X + globalAisle * AISLE_SPACING_FT;
      for (let bay = 1; bay <= baysPerAisle && remaining > 0; bay++) {
        const y = FIRST_BAY_Y + (bay - 0.5) * z.bayFeet;
        for (let level = 1; level <= z.levels.length && remaining > 0; level++, remaining--) {
          const spec = z.levels[level - 1];
          push({ zoneId: zoneId(z.code), zoneCode: z.code, code: `${z.prefix}-${pad(aisle)}-${pad(bay)}-${level}`,
            aisle: pad(aisle), bay, level, x, y, ...spec });
        }
      }
    }
  }

  // A few racks are out of service (damaged beam, blocked by a column): ~0.3%, at least 3.
  const storage = locations.filter((l) => l.type !== 'DOCK' && l.type !== 'STAGING');
  for (const loc of rng.sample(storage, Math.max(3, Math.round(total * 0.003)))) loc.isActive = false;
  return { zones, locations, baysPerAisle };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

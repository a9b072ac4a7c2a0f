import type { UnplaceableCode } from '../../optimizer';
import type { Layout } from '../travel';
import type { SimulationCapacity } from './names';
import type { WarehouseState } from '../state';

export type AbcClass = 'A' | 'B' | 'C';

export type PutawayRequest = { sku: string; quantity: number };

/**
 * Why units of a receipt stayed without a bin: the engine's own codes (UnplaceableLine.code), and
 * REPLAY_REFUSED for units the engine recommended a bin for that the replay's capacity or staging
 * rules did not take (lib/simulator/not-placed.ts).
 */
export type NotPlacedCode = UnplaceableCode | 'REPLAY_REFUSED';

/** Units of a sku the product may send to staging for an order due soon (stock is short). */
export type CrossDockNeed = { sku: string; quantity: number; dueDay: number; orderRef: string };

/** Everything a policy may look at when it puts away one day's receipts. */
export type PolicyInput = {
  day: number;
  requests: readonly PutawayRequest[];
  state: WarehouseState;
  layout: Layout;
  abc: ReadonlyMap<string, AbcClass>;
  /** Co-pick lift per sku pair, mined from orders before `day`. */
  affinity: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /**
   * The skus of the newest orders placed before `day` that hold a sku of today's receipts (at most
   * RECENT_ORDERS_PER_SKU per sku), oldest first: what the product reads back from its order lines.
   */
  recentOrders: readonly (readonly string[])[];
  /** Pick lines planned today, per aisle name (the congestion signal). */
  openPicksByAisle: ReadonlyMap<string, number>;
  crossDockNeeds: readonly CrossDockNeed[];
  /** Storage bins (PICK_FACE, RESERVE, BULK) ordered by location code. */
  binsByCode: readonly number[];
  /** Storage bins ordered by one-way distance from the dock (ties by code). */
  binsByDistance: readonly number[];
  /** STAGING bins ordered by distance from the dock. */
  stagingBins: readonly number[];
  rand: () => number;
  /**
   * Puts units into a bin now (the replay clamps to the bin's capacity and returns the units
   * really placed); `crossDock` places into a staging bin for `orderRef`.
   */
  place(sku: string, bin: number, quantity: number, options?: { crossDock?: boolean; orderRef?: string }): number;
  /**
   * Says why `units` of `sku` stay without a bin today (binwise passes on the engine's codes).
   * Calling it is optional: units a policy leaves unexplained are classified by the replay.
   */
  notPlaced(sku: string, units: number, code: NotPlacedCode): void;
};

export type Placement = { sku: string; bin: number; quantity: number; crossDock?: boolean; orderRef?: string };

export type Policy = {
  name: string;
  /** The capacity rules a binwise policy runs with; baselines fill bins to 100% and have none. */
  capacity?: SimulationCapacity;
  putaway(input: PolicyInput): void;
};

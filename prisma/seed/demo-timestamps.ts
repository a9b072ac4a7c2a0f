/**
 * Every timestamp column of the schema, sorted by what the demo roll-forward does with it
 * (prisma/seed/roll-forward.ts). prisma/seed/roll-forward.int.test.ts compares the three
 * lists with information_schema, so a new timestamp column fails that test until it is
 * placed in one of them.
 */

/**
 * `event`: something that happened. It moves with the demo but never past the present: a
 * row the app wrote after the anchor (a batch created yesterday) would otherwise land in
 * the future. `schedule`: a date planned ahead (an order's due date) moves as it is.
 */
export type ShiftKind = 'event' | 'schedule';

/** Columns the roll-forward moves, table by table. */
export const SHIFTED_COLUMNS: Readonly<Record<string, Readonly<Record<string, ShiftKind>>>> = {
  tenants: { created_at: 'event' },
  users: { created_at: 'event' },
  facilities: { created_at: 'event' },
  zones: { created_at: 'event' },
  inventory_locations: { created_at: 'event' },
  materials: { created_at: 'event' },
  lots: { received_at: 'event', updated_at: 'event' },
  inventory_transactions: { created_at: 'event' },
  sales_orders: { created_at: 'event', due_at: 'schedule', shipped_at: 'event' },
  pick_tasks: { created_at: 'event', completed_at: 'event' },
  sku_affinity: { computed_at: 'event' },
  putaway_batches: { created_at: 'event' },
  putaway_recommendations: { decided_at: 'event', created_at: 'event' },
  ml_feedback_training_data: { created_at: 'event' },
  ml_model_weights: { training_window_start: 'event', training_window_end: 'event', created_at: 'event', updated_at: 'event' },
  feature_flags: { updated_at: 'event' },
  feature_flag_audit_log: { changed_at: 'event' },
  optimizer_capacity_settings: { updated_at: 'event' },
  audit_events: { created_at: 'event' },
  idempotency_keys: { created_at: 'event' },
  background_jobs: { created_at: 'event', started_at: 'event', finished_at: 'event', heartbeat_at: 'event' },
  bin_utilization_cache: { last_movement_at: 'event', refreshed_at: 'event' },
  cache_refresh_status: { last_refresh_time: 'event' },
  cache_refresh_log: { refreshed_at: 'event' },
};

/** Columns that move without being written: a trigger derives them from a shifted column. */
export const DERIVED_COLUMNS: Readonly<Record<string, string>> = {
  'sales_order_lines.ordered_at': 'the trigger sales_orders_created_at_to_lines copies the shifted sales_orders.created_at onto its lines',
};

const REAL_CLOCK_TOKENS = 'API tokens are real credentials on the real clock: moving expires_at would lengthen a token’s life';
const REAL_CLOCK_THROTTLE = 'sign-in throttling runs on the real clock: moving locked_until would lock a user out again';

/** Columns the roll-forward leaves alone, and why. */
export const UNSHIFTED_COLUMNS: Readonly<Record<string, string>> = {
  'demo_data_anchor.anchored_at': 'the anchor itself, set to the present by the same transaction',
  'api_tokens.created_at': REAL_CLOCK_TOKENS,
  'api_tokens.last_used_at': REAL_CLOCK_TOKENS,
  'api_tokens.expires_at': REAL_CLOCK_TOKENS,
  'api_tokens.revoked_at': REAL_CLOCK_TOKENS,
  'auth_throttle.window_start': REAL_CLOCK_THROTTLE,
  'auth_throttle.locked_until': REAL_CLOCK_THROTTLE,
  'scheduler_heartbeats.heartbeat_at': 'when each periodic task last ran: moved to the present, nightly affinity mining and ML training would skip their next run',
};

import { z } from 'zod';
import { ZCapacityRules } from '../schemas/capacity';
import { ALL_POLICY_NAMES, DAY_ZERO_STOCK_MODES } from './policies/names';

/**
 * What a manager asks the Simulation page for. Shared by the form, the server action and the
 * job handler. Sizes are bounded so one job stays well under a minute on a small replica.
 */
export const ZSimulationParams = z.object({
  source: z.enum(['generated', 'database']),
  generator: z
    .object({
      seed: z.number().int().min(0).max(1_000_000),
      locations: z.number().int().min(50).max(5_000),
      skus: z.number().int().min(10).max(2_000),
      days: z.number().int().min(1).max(60),
    })
    .default({ seed: 1, locations: 3000, skus: 800, days: 30 }),
  databaseDays: z.number().int().min(1).max(90).default(30),
  policies: z.array(z.enum(ALL_POLICY_NAMES)).min(1, 'Choose at least one policy.'),
  flags: z.object({ SKU_AFFINITY_ENABLED: z.boolean(), CROSS_DOCK_ENABLED: z.boolean(), CONGESTION_AVOIDANCE_ENABLED: z.boolean() }),
  /** Where the day-0 stock starts (docs/simulator.md, "Day-0 stock"); jobs queued before the field existed mean `as-is`. */
  dayZeroStock: z.enum(DAY_ZERO_STOCK_MODES).default('as-is'),
  /**
   * The capacity rules binwise runs with (a what-if for the tenant's settings, same limits); the
   * page starts from the tenant's. Absent (jobs queued before the field existed): the engine's defaults.
   */
  capacity: ZCapacityRules.optional(),
});
export type TSimulationParams = z.infer<typeof ZSimulationParams>;

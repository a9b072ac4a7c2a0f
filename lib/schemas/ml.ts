import { z } from 'zod';

/** Roll the active confidence model back (or forward) to a stored version. */
export const ZRollbackModel = z.object({
  version: z.number().int().positive(),
  reason: z.string().trim().max(500).optional(),
});
export type TRollbackModel = z.infer<typeof ZRollbackModel>;

/** Starting a training run takes no input: it always uses all of the tenant's decisions. */
export const ZStartTraining = z.object({}).strict();

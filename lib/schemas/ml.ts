import { z } from 'zod';
import { multiLineText } from './text';

/** Roll the active confidence model back (or forward) to a stored version. */
export const ZRollbackModel = z.object({
  version: z.number().int().positive(),
  reason: multiLineText().max(500, 'is longer than 500 characters').optional(),
});
export type TRollbackModel = z.infer<typeof ZRollbackModel>;

/** Starting a training run takes no input: it always uses all of the tenant's decisions. */
export const ZStartTraining = z.object({}).strict();

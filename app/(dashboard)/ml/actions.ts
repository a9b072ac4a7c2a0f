'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/server/action';
import { rollbackModel } from '@/lib/server/ml/rollback-model';
import { startMlTraining } from '@/lib/server/ml/start-ml-training';
import { ZRollbackModel, ZStartTraining } from '@/lib/schemas/ml';

export const startMlTrainingAction = authedAction('ml.train', ZStartTraining, (_input, context) => startMlTraining(context));

export const rollbackModelAction = authedAction('ml.rollback', ZRollbackModel, async (input, context) => {
  const outcome = await rollbackModel(context, input);
  revalidatePath('/ml');
  return outcome;
});

'use server';

import { revalidatePath } from 'next/cache';
import { ZSetCapacitySettingsInput } from '@/lib/schemas/capacity';
import { ZRollbackFlagsInput, ZSetFlagInput } from '@/lib/schemas/flags';
import { authedAction } from '@/lib/server/action';
import { setCapacitySettings } from '@/lib/server/capacity';
import { rollbackFlagsToSafeDefaults, setFeatureFlag } from '@/lib/server/flags';

// Each action re-checks flags.write itself: a server action is reachable by a direct POST.
export const setFlagAction = authedAction('flags.write', ZSetFlagInput, async (input, context) => {
  const result = await setFeatureFlag(context, input);
  revalidatePath('/flags');
  return result;
});

export const rollbackFlagsAction = authedAction('flags.write', ZRollbackFlagsInput, async (input, context) => {
  const result = await rollbackFlagsToSafeDefaults(context, input);
  revalidatePath('/flags');
  return result;
});

export const setCapacityAction = authedAction('flags.write', ZSetCapacitySettingsInput, async (input, context) => {
  const result = await setCapacitySettings(context, input);
  revalidatePath('/flags');
  return result;
});

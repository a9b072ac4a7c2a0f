'use server';

import { revalidatePath } from 'next/cache';
import { ZCreateApiToken, ZRevokeApiToken } from '@/lib/schemas/tokens';
import { authedAction } from '@/lib/server/action';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { revokeApiToken } from '@/lib/server/tokens/revoke-api-token';

// Each action re-checks tokens.manage: a server action is reachable by a direct POST.
export const createTokenAction = authedAction('tokens.manage', ZCreateApiToken, async (input, context) => {
  const created = await createApiToken(context, input);
  revalidatePath('/tokens');
  return created;
});

export const revokeTokenAction = authedAction('tokens.manage', ZRevokeApiToken, async (input, context) => {
  const revoked = await revokeApiToken(context, input);
  revalidatePath('/tokens');
  return revoked;
});

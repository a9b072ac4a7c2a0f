import { z } from 'zod';
import { singleLineText } from './text';
import { ROLES } from '@/lib/auth/permissions';

export const ZCreateApiToken = z.object({
  name: singleLineText().min(3, 'must be at least 3 characters').max(80, 'is longer than 80 characters'),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
  expiresInDays: z.number().int().min(1).max(365).nullish(),
});
export type TCreateApiToken = z.input<typeof ZCreateApiToken>;

export const ZRevokeApiToken = z.object({ tokenId: z.uuid('must be a token id') });
export type TRevokeApiToken = z.input<typeof ZRevokeApiToken>;

import { z } from 'zod';

/** A bin is addressed by its location code (unique per tenant), e.g. PAP-03-12-2. */
export const ZBinCode = z.string().trim().min(1, 'is required').max(64, 'is too long').regex(/^[A-Za-z0-9._-]+$/, 'may contain letters, digits, dot, dash and underscore');

export const ZBinDetailInput = z.object({ code: ZBinCode });
export type TBinDetailInput = z.infer<typeof ZBinDetailInput>;

export const ZTrendInput = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });
export type TTrendInput = z.infer<typeof ZTrendInput>;

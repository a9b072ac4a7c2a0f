import 'server-only';
import type { z } from 'zod';
import { fieldPath } from '@/lib/schemas/putaway';
import { fieldErrorsOf } from '../action';
import { AppError } from '../errors';

/**
 * zod validation whose message names the field the way API clients write it
 * (`items[3].quantity: must be at least 1`). Throws BAD_USER_INPUT before any write.
 */
export function parsePutawayInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const field = first ? fieldPath(first.path) || 'input' : 'input';
  throw new AppError('BAD_USER_INPUT', `${field}: ${first?.message ?? 'is invalid'}`, { fieldErrors: fieldErrorsOf(parsed.error), details: { field } });
}

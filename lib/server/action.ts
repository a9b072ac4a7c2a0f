import 'server-only';
import type { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/action-result';
import { requirePermission, type AuthContext } from './auth/session';
import { AppError, toAppError } from './errors';

/** Converts any thrown error into the serializable failure shape the UI understands. */
export function failure(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  const appError = toAppError(error);
  return { ok: false, error: { code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors, details: appError.details } };
}

/** Field errors keyed by dotted path, e.g. { "items.3.quantity": ["must be positive"] }. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const first = parsed.error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    throw new AppError('BAD_USER_INPUT', `Invalid input. ${where}${first?.message ?? ''}`.trim(), { fieldErrors });
  }
  return parsed.data;
}

/**
 * Every server action goes through here: (1) the session and the permission, from the
 * cookie and never from the input, (2) zod validation, (3) the handler, which does its
 * work through lib/server with the tenant from the session. Server actions can be called
 * by a direct POST, so this check is the guard; the proxy and the UI only hide things.
 */
export function authedAction<S extends z.ZodType, R>(
  permission: Permission,
  schema: S,
  handler: (input: z.infer<S>, context: AuthContext) => Promise<R>,
): (input: unknown) => Promise<ActionResult<R>> {
  return async (input: unknown) => {
    try {
      const context = await requirePermission(permission);
      const data = await handler(parseInput(schema, input), context);
      return { ok: true, data };
    } catch (error) {
      return failure(error);
    }
  };
}

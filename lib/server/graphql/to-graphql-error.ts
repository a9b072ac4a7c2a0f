import 'server-only';
import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { toAppError } from '../errors';

/**
 * Duck-typed: `graphql` may be loaded twice (its ESM and CommonJS builds, e.g. under vitest),
 * and an error from the other copy fails `instanceof`.
 */
export function isGraphQLErrorLike(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/**
 * AppError → GraphQLError (built with yoga's own graphql copy) with `extensions.code` (UNAUTHENTICATED, FORBIDDEN,
 * BAD_USER_INPUT, CAPACITY_CONFLICT, …). Authentication and permission refusals also set
 * the HTTP status (401/403); other errors follow GraphQL's 200-with-errors convention.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (isGraphQLErrorLike(error)) return error;
  const appError = toAppError(error);
  const httpStatus = appError.code === 'UNAUTHENTICATED' || appError.code === 'FORBIDDEN' ? { http: { status: appError.status } } : {};
  return createGraphQLError(appError.message, {
    extensions: {
      code: appError.code,
      ...httpStatus,
      ...(appError.fieldErrors ? { fieldErrors: appError.fieldErrors } : {}),
      ...(appError.details ?? {}),
    },
  });
}

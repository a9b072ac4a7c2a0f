import 'server-only';
import { GraphQLError } from 'graphql';
import { toAppError } from '../errors';

/**
 * AppError → GraphQLError with `extensions.code` (UNAUTHENTICATED, FORBIDDEN,
 * BAD_USER_INPUT, CAPACITY_CONFLICT, …). Authentication and permission refusals also set
 * the HTTP status (401/403); other errors follow GraphQL's 200-with-errors convention.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const appError = toAppError(error);
  const httpStatus = appError.code === 'UNAUTHENTICATED' || appError.code === 'FORBIDDEN' ? { http: { status: appError.status } } : {};
  return new GraphQLError(appError.message, {
    extensions: {
      code: appError.code,
      ...httpStatus,
      ...(appError.fieldErrors ? { fieldErrors: appError.fieldErrors } : {}),
      ...(appError.details ?? {}),
    },
  });
}

import 'server-only';

/** Error codes shared by server actions, route handlers and GraphQL (extensions.code). */
export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CAPACITY_CONFLICT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CAPACITY_CONFLICT: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: Record<string, string[]>;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, options?: { fieldErrors?: Record<string, string[]>; details?: Record<string, unknown>; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
    this.details = options?.details;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

// Messages of a database that is out of reach, restarting or out of free connections. A retry
// a few seconds later succeeds, so these are UNAVAILABLE (503), never INTERNAL.
const UNAVAILABLE_MESSAGE = new RegExp(
  [
    'timeout exceeded when trying to connect',
    'Connection terminated',
    'Connection ended unexpectedly',
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'the database system is (starting up|shutting down|in recovery mode)',
    'terminating connection',
    "Can't reach database",
    'connection.*closed',
    // pg: a pooled client whose socket broke during a PostgreSQL restart (D6).
    'encountered a connection error and is not queryable',
    // Prisma P2028: the pool had no free connection before maxWait ran out (D5).
    'Unable to start a transaction in the given time',
    // Prisma P2024 and friends: waiting for a pool connection timed out.
    'Timed out fetching a new connection from the connection pool',
    'too many clients already',
    'remaining connection slots are reserved',
  ].join('|'),
  'i',
);
// Prisma: P1001 can't reach, P1002 timed out reaching, P1017 server closed the connection, P2024
// pool timeout. PostgreSQL SQLSTATE: class 08 (connection exception), 53300 too many
// connections, 57P01–57P03 admin/crash shutdown, cannot connect now.
const UNAVAILABLE_CODE = /^(P1001|P1002|P1017|P2024|08\d{3}|53300|57P0[123]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/;

/**
 * Pool exhaustion, a restarting server or a dropped socket: tell the client to retry (503).
 * Prisma's driver adapter wraps the pg error, so the cause chain is followed a few levels.
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || error === undefined || depth > 4) return false;
  const text = String((error as { message?: unknown })?.message ?? error);
  const code = (error as { code?: unknown })?.code;
  if (UNAVAILABLE_MESSAGE.test(text)) return true;
  if (typeof code === 'string' && UNAVAILABLE_CODE.test(code)) return true;
  return typeof error === 'object' && isUnavailable((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * Turns anything thrown into an AppError. Unknown errors are logged in full on the server
 * and returned as a generic message, so database details never reach the browser.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isUnavailable(error)) return new AppError('UNAVAILABLE', 'The database is unavailable. Try again in a few seconds.', { cause: error });
  console.error('[binwise] unexpected error', error);
  return new AppError('INTERNAL', 'Something went wrong on our side. The error has been logged.', { cause: error });
}

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

/** Pool exhaustion, a restarting server or a dropped socket: tell the client to retry (503). */
function isUnavailable(error: unknown): boolean {
  const text = String((error as { message?: unknown })?.message ?? error);
  const code = (error as { code?: unknown })?.code;
  return (
    /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down)|terminating connection|Can't reach database|connection.*closed/i.test(text) ||
    code === '57P01' || code === '57P03' || code === 'ECONNREFUSED'
  );
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

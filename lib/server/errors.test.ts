import { describe, expect, it, vi } from 'vitest';
import { AppError, isUnavailable, toAppError } from './errors';

/** The shape Prisma gives a known request error: a code and a message. */
const prismaError = (code: string, message: string) => Object.assign(new Error(message), { name: 'PrismaClientKnownRequestError', code });

describe('toAppError', () => {
  it('maps Prisma P2028 "Unable to start a transaction in the given time" (exhausted pool) to UNAVAILABLE 503', () => {
    const error = toAppError(prismaError('P2028', 'Transaction API error: Unable to start a transaction in the given time.'));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.status).toBe(503);
  });

  it('maps a pooled client that "is not queryable" after a PostgreSQL restart to UNAVAILABLE', () => {
    expect(toAppError(new Error('Client has encountered a connection error and is not queryable')).code).toBe('UNAVAILABLE');
  });

  it('follows the cause chain of a driver-adapter error to the pg error underneath', () => {
    const wrapped = new Error('Error in the driver adapter', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    expect(toAppError(wrapped).code).toBe('UNAVAILABLE');
  });

  it.each([
    ['P2024', 'Timed out fetching a new connection from the connection pool.'],
    ['P1001', "Can't reach database server at 127.0.0.1:5432"],
    ['P1017', 'Server has closed the connection.'],
    ['57P01', 'terminating connection due to administrator command'],
    ['57P03', 'the database system is starting up'],
    ['53300', 'sorry, too many clients already'],
    ['08006', 'connection failure'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'],
  ])('maps %s (%s) to UNAVAILABLE', (code, message) => {
    expect(isUnavailable(prismaError(code, message))).toBe(true);
    expect(toAppError(prismaError(code, message)).code).toBe('UNAVAILABLE');
  });

  it('keeps ordinary bugs and constraint violations INTERNAL, without leaking their message', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const error of [new TypeError('x is undefined'), prismaError('P2002', 'Unique constraint failed on the fields: (`sku`)'), prismaError('22021', 'invalid byte sequence for encoding "UTF8": 0x00')]) {
      const appError = toAppError(error);
      expect(appError.code).toBe('INTERNAL');
      expect(appError.message).not.toContain('sku');
    }
    expect(isUnavailable(undefined)).toBe(false);
    log.mockRestore();
  });

  it('passes an AppError through unchanged', () => {
    const original = new AppError('CAPACITY_CONFLICT', 'Bin is full.');
    expect(toAppError(original)).toBe(original);
  });
});

import { describe, expect, it } from 'vitest';
import { databaseNameOf } from './databases';

describe('databaseNameOf', () => {
  it('reads the database name from a PostgreSQL URL', () => {
    expect(databaseNameOf('postgresql://postgres@127.0.0.1:5432/binwise_e2e?sslmode=disable')).toBe('binwise_e2e');
  });

  it('refuses a name that is not a plain identifier, since it goes into SQL', () => {
    expect(() => databaseNameOf('postgresql://postgres@127.0.0.1:5432/x;DROP%20DATABASE%20postgres')).toThrow(/Refusing database name/);
    expect(() => databaseNameOf('postgresql://postgres@127.0.0.1:5432/Binwise')).toThrow(/Refusing database name/);
    expect(() => databaseNameOf('postgresql://postgres@127.0.0.1:5432/')).toThrow(/Refusing database name/);
  });
});

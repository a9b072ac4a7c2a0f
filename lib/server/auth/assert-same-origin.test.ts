import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { assertSameOrigin } from './assert-same-origin';

const request = (method: string, headers: Record<string, string>) => new Request('http://127.0.0.1:3400/api/putaway/affinity', { method, headers });
const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  return null;
};

describe('assertSameOrigin', () => {
  it('lets a POST through whose Origin host equals the Host header', () => {
    expect(() => assertSameOrigin(request('POST', { host: '127.0.0.1:3400', origin: 'http://127.0.0.1:3400' }))).not.toThrow();
  });

  it('matches x-forwarded-host behind a proxy, ignoring case and default ports', () => {
    expect(() => assertSameOrigin(request('POST', { host: 'binwise:3000', 'x-forwarded-host': 'Binwise.Example.com', origin: 'https://binwise.example.com' }))).not.toThrow();
    expect(() => assertSameOrigin(request('DELETE', { host: 'binwise.example.com:443', origin: 'https://binwise.example.com' }))).not.toThrow();
  });

  it.each(['https://evil.example', 'null', 'http://127.0.0.1.evil.example', 'http://127.0.0.1:3401', 'javascript:alert(1)', 'not a url'])('refuses a POST from Origin %s with FORBIDDEN', (origin) => {
    const error = refusal(() => assertSameOrigin(request('POST', { host: '127.0.0.1:3400', origin })));
    expect(error).toBeInstanceOf(AppError);
    expect(error?.code).toBe('FORBIDDEN');
    expect(error?.status).toBe(403);
    expect(error?.message).toMatch(/Origin/);
  });

  it('refuses a cookie POST without any Origin, naming what is missing', () => {
    const error = refusal(() => assertSameOrigin(request('PUT', { host: '127.0.0.1:3400' })));
    expect(error?.code).toBe('FORBIDDEN');
    expect(error?.message).toMatch(/must carry the Origin/);
  });

  it('never refuses a read', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(() => assertSameOrigin(request(method, { host: '127.0.0.1:3400', origin: 'https://evil.example' }))).not.toThrow();
  });

  it('trusts no forwarded host the Origin does not match', () => {
    const error = refusal(() => assertSameOrigin(request('POST', { host: '127.0.0.1:3400', 'x-forwarded-host': 'binwise.example.com', origin: 'https://evil.example' })));
    expect(error?.code).toBe('FORBIDDEN');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ACTION_BODY_LIMIT_BYTES,
  checkActionHeaders,
  checkActionOrigin,
  checkActionTextBody,
  checkRouterStateTree,
  isFlightRouterState,
  readBounded,
} from './request-hygiene';

const encode = (value: unknown) => encodeURIComponent(JSON.stringify(value));

function streamOf(...chunks: string[]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

describe('checkActionOrigin', () => {
  it('lets a request without Origin through, as Next does', () => {
    expect(checkActionOrigin(null, 'localhost:3000', null)).toBeNull();
  });

  it('accepts an Origin whose host equals Host or the first x-forwarded-host', () => {
    expect(checkActionOrigin('http://localhost:3000', 'localhost:3000', null)).toBeNull();
    expect(checkActionOrigin('https://binwise.example', '10.0.0.5:3000', 'binwise.example, proxy.internal')).toBeNull();
  });

  it('refuses a foreign, null or unparsable Origin with FORBIDDEN', () => {
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example', 'not a url']) {
      expect(checkActionOrigin(origin, '127.0.0.1', null)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    }
  });
});

describe('checkActionHeaders', () => {
  it('accepts the encodings Next uses for actions', () => {
    expect(checkActionHeaders('text/plain;charset=UTF-8', '12')).toBeNull();
    expect(checkActionHeaders('multipart/form-data; boundary=x', '300')).toBeNull();
    expect(checkActionHeaders('text/plain;charset=UTF-8', null)).toBeNull();
  });

  it('refuses other content types, an empty body and a body over 1 MB with BAD_USER_INPUT', () => {
    expect(checkActionHeaders('application/xml', '4')?.message).toMatch(/text\/plain/);
    expect(checkActionHeaders(null, '4')?.status).toBe(400);
    expect(checkActionHeaders('text/plain', '0')?.message).toMatch(/empty/);
    expect(checkActionHeaders('text/plain', String(ACTION_BODY_LIMIT_BYTES + 1))?.message).toMatch(/1 MB/);
    expect(checkActionHeaders('text/plain', 'abc')?.code).toBe('BAD_USER_INPUT');
  });
});

describe('checkActionTextBody', () => {
  it('accepts an encoded argument list', () => {
    expect(checkActionTextBody('[{"name":"x"},"$undefined"]')).toBeNull();
  });

  it('refuses truncated JSON, an empty body and a non-array', () => {
    expect(checkActionTextBody('[{"a":')?.message).toMatch(/not valid JSON/);
    expect(checkActionTextBody('')?.message).toMatch(/empty/);
    expect(checkActionTextBody('{"a":1}')?.message).toMatch(/array/);
  });

  it('accepts the inline $-values React encodes into a text reply', () => {
    expect(checkActionTextBody(JSON.stringify([{ a: '$$price', b: '$NaN', c: '$-0', d: '$D2026-11-29T00:00:00.000Z', e: '$n12', f: ['$Infinity', '$-Infinity'] }]))).toBeNull();
  });

  it('refuses references to parts a text body cannot carry, and huge argument lists', () => {
    for (const body of ['["$h1"]', '["$@0"]', '["$@7"]', '[{"x":["$Q1"]}]', '["$1"]', '["$K1"]', '["$nabc"]']) {
      expect(checkActionTextBody(body), body).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    }
    expect(checkActionTextBody(JSON.stringify(Array.from({ length: 100_000 }, () => 1)))?.message).toMatch(/at most/);
  });
});

describe('readBounded', () => {
  it('reads a body within the limit', async () => {
    expect(await readBounded(streamOf('[1,', '2]'), 10)).toBe('[1,2]');
    expect(await readBounded(null, 10)).toBe('');
  });

  it('stops at the limit and answers null', async () => {
    expect(await readBounded(streamOf('12345', '67890', 'x'), 10)).toBeNull();
  });
});

describe('checkRouterStateTree', () => {
  it('accepts no header and the shapes the router sends', () => {
    expect(checkRouterStateTree(null)).toBeNull();
    expect(checkRouterStateTree(encode(['', { children: ['__PAGE__', {}] }, null, 'refetch', 1]))).toBeNull();
    expect(checkRouterStateTree(encode(['', { children: [['id', 'b1', 'd', null], {}, ['/x', '/x']] }]))).toBeNull();
  });

  it('refuses undecodable, non-JSON and wrongly shaped headers with BAD_USER_INPUT', () => {
    for (const header of ['%5B%22%22%5D', '%E0%A4%A', 'not json', encode({}), encode([1, {}]), encode(['', []]), encode(['', {}, 'x']), encode(['', { c: 'x' }])]) {
      expect(checkRouterStateTree(header), header).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    }
  });

  it('refuses an oversized or too deeply nested state', () => {
    expect(checkRouterStateTree('a'.repeat(40_001))?.status).toBe(400);
    let deep: unknown = ['', {}];
    for (let level = 0; level < 100; level += 1) deep = ['', { children: deep }];
    expect(isFlightRouterState(deep)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { checkScrapeToken } from './authorize-scrape';

describe('checkScrapeToken', () => {
  it('lets a scrape with the right bearer token through', () => {
    expect(checkScrapeToken('Bearer s3cret-token', 's3cret-token')).toBeNull();
  });

  it('refuses a missing or wrong token with 401', () => {
    expect(checkScrapeToken(null, 's3cret-token')?.status).toBe(401);
    expect(checkScrapeToken('Bearer nope', 's3cret-token')?.status).toBe(401);
    expect(checkScrapeToken('Basic s3cret-token', 's3cret-token')?.status).toBe(401);
  });

  it('answers 503 "metrics disabled" when METRICS_TOKEN is unset, instead of serving openly', () => {
    const refusal = checkScrapeToken('Bearer anything', undefined);
    expect(refusal?.status).toBe(503);
    expect(refusal?.error.message).toContain('metrics disabled');
  });
});

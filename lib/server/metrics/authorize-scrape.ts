import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

export type ScrapeRefusal = { status: 401 | 503; error: { code: string; message: string }; headers?: Record<string, string> };

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Checks a scrape's bearer token against METRICS_TOKEN in constant time. Unset token: the
 * endpoint is off (503) rather than open. Returns null when the scrape may proceed.
 */
export function checkScrapeToken(authorization: string | null, expected: string | undefined): ScrapeRefusal | null {
  if (!expected) return { status: 503, error: { code: 'UNAVAILABLE', message: 'metrics disabled: METRICS_TOKEN is not set' } };
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  // Comparing fixed-length digests keeps timingSafeEqual happy and leaks no length.
  if (!match || !timingSafeEqual(digest(match[1]!.trim()), digest(expected))) {
    return {
      status: 401,
      error: { code: 'UNAUTHENTICATED', message: 'A valid bearer token is required to scrape metrics.' },
      headers: { 'www-authenticate': 'Bearer realm="binwise-metrics"' },
    };
  }
  return null;
}

/** The scrape check against the configured METRICS_TOKEN. */
export function authorizeMetricsScrape(authorization: string | null): ScrapeRefusal | null {
  return checkScrapeToken(authorization, env().METRICS_TOKEN);
}

import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'bw_';

/** A new secret: 32 random bytes, base64url, with a recognizable prefix for secret scanners. */
export function generateTokenSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Only the SHA-256 of a token is stored; the token itself is shown once. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What the list shows so people can tell tokens apart without the secret. */
export function displayPrefix(token: string): string {
  return token.slice(0, PREFIX.length + 6);
}

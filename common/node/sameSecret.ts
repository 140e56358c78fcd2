import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a presented value is the secret, in constant time in the secret: both sides are hashed
 * to 32 bytes first, so neither their lengths nor a common prefix shows in the timing.
 */
export function sameSecret(given: unknown, secret: string): boolean {
  if (typeof given !== 'string' || given.length > 1024) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}

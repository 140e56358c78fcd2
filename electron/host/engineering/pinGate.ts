import { createHash, timingSafeEqual } from 'node:crypto';

/** Wrong PINs in a row before the gate waits. */
export const MAX_FAILURES = 5;
/** How long it waits then, doubling with each further failure (at most an hour). */
export const LOCKOUT_MS = 60_000;
const MAX_LOCKOUT_MS = 60 * 60_000;

export interface PinAnswer {
  unlocked: boolean;
  retryAfterMs: number;
}

/**
 * The engineering PIN, checked in the host against the variant's SHA-256 (the PIN itself is never
 * stored), in constant time, and slowed after repeated failures so four digits cannot be walked.
 * `now` is passed in so the lockout is tested without waiting.
 */
export function createPinGate(pinSha256: string, now: () => number) {
  const expected = Buffer.from(pinSha256, 'hex');
  let failures = 0;
  let lockedUntil = 0;
  return {
    attempt(pin: string): PinAnswer {
      const t = now();
      if (t < lockedUntil) return { unlocked: false, retryAfterMs: lockedUntil - t };
      const given = createHash('sha256').update(pin, 'utf8').digest();
      if (timingSafeEqual(given, expected)) {
        failures = 0;
        return { unlocked: true, retryAfterMs: 0 };
      }
      failures += 1;
      if (failures >= MAX_FAILURES) {
        const wait = Math.min(LOCKOUT_MS * 2 ** (failures - MAX_FAILURES), MAX_LOCKOUT_MS);
        lockedUntil = t + wait;
        return { unlocked: false, retryAfterMs: wait };
      }
      return { unlocked: false, retryAfterMs: 0 };
    },
  };
}

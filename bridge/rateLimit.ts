/**
 * Per-client limit on inbound messages: a token bucket (`ratePerSecond`, bursts up to `burst`).
 * A message over the limit is refused ('limited', answered with 429). Refusals add strikes that
 * fade at `strikeDecayPerSecond`; past `abuseStrikes` the client is 'abusive' and is dropped.
 * So a client that briefly bursts recovers, and one that keeps flooding is disconnected.
 */

export interface RateLimits {
  ratePerSecond: number;
  burst: number;
  abuseStrikes: number;
  strikeDecayPerSecond: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  ratePerSecond: 50,
  burst: 100,
  abuseStrikes: 100,
  strikeDecayPerSecond: 10,
};

export type Verdict = 'ok' | 'limited' | 'abusive';

export interface RateLimiter {
  take(nowMs: number): Verdict;
}

export function createRateLimiter(overrides: Partial<RateLimits> = {}): RateLimiter {
  const limits = { ...DEFAULT_RATE_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be > 0`);
  }
  let tokens = limits.burst;
  let strikes = 0;
  let last: number | undefined;

  return {
    take(nowMs) {
      // A clock that steps back must not mint tokens or erase strikes.
      const elapsed = last === undefined ? 0 : Math.max(0, nowMs - last) / 1000;
      last = last === undefined ? nowMs : Math.max(last, nowMs);
      tokens = Math.min(limits.burst, tokens + elapsed * limits.ratePerSecond);
      strikes = Math.max(0, strikes - elapsed * limits.strikeDecayPerSecond);
      if (tokens >= 1) {
        tokens -= 1;
        return 'ok';
      }
      strikes += 1;
      return strikes > limits.abuseStrikes ? 'abusive' : 'limited';
    },
  };
}

import type { LinkStats } from '../../common/hostApi/engineering.schema.ts';

/** Messages per second are averaged over this window. */
export const RATE_WINDOW_MS = 5000;
const BUCKET_MS = 100;
/** Distinct paths counted by name; further ones are summed under OTHER_PATHS. */
export const MAX_REJECTED_PATHS = 50;
export const OTHER_PATHS = '(other)';
export const NO_PATH = '?';

/**
 * Counts what arrives on the bridge link, for the engineering screen: reconnects, the message rate
 * and rejected values by the path they claimed. Counting is a few integer operations per message
 * (the link carries 50 Hz × 40 signals); the rate is worked out only when someone asks.
 */
export function createLinkCounter() {
  const buckets = new Map<number, number>();
  let firstAt: number | null = null;
  let connects = 0;
  let rejected = 0;
  const byPath = new Map<string, number>();

  const prune = (now: number) => {
    const oldest = Math.floor((now - RATE_WINDOW_MS) / BUCKET_MS);
    for (const key of buckets.keys()) if (key < oldest) buckets.delete(key);
  };

  return {
    connected(): void {
      connects += 1;
    },
    message(now: number): void {
      firstAt ??= now;
      const key = Math.floor(now / BUCKET_MS);
      buckets.set(key, (buckets.get(key) ?? 0) + 1);
      if (buckets.size > (RATE_WINDOW_MS / BUCKET_MS) * 2) prune(now);
    },
    rejected(path: string | null): void {
      rejected += 1;
      const name = path === null ? NO_PATH : path.slice(0, 200);
      const key = byPath.has(name) || byPath.size < MAX_REJECTED_PATHS ? name : OTHER_PATHS;
      byPath.set(key, (byPath.get(key) ?? 0) + 1);
    },
    snapshot(now: number): LinkStats {
      prune(now);
      let count = 0;
      for (const n of buckets.values()) count += n;
      const spanMs = firstAt === null ? 0 : Math.min(RATE_WINDOW_MS, now - firstAt);
      return {
        reconnects: Math.max(0, connects - 1),
        messagesPerSecond: spanMs < BUCKET_MS ? 0 : Math.round((count / spanMs) * 10_000) / 10,
        rejected,
        rejectedByPath: Object.fromEntries(byPath),
      };
    },
  };
}

export type LinkCounter = ReturnType<typeof createLinkCounter>;

import { isKnownPath } from '../common/vss/signals.ts';
import { formatVissValue, parseVissValue } from '../common/vss/values.ts';
import type { VssValue } from '../common/vss/types.ts';
import type { DataPoint } from '../common/viss/types.ts';

/**
 * The bridge's current picture of the vehicle: the last valid value of each signal with the
 * time it was sampled. Sources write here; the server reads from here. Every write is checked
 * against the VSS rules first, so nothing invalid can be served.
 */

export interface SignalUpdate {
  path: string;
  value: VssValue;
  dp: DataPoint;
}

export type WriteResult = { ok: true } | { ok: false; reason: string };

export interface StoreStats {
  accepted: number;
  rejected: number;
  /** Rejections per path, so a misbehaving source can be found. */
  rejectedByPath: Record<string, number>;
  listenerErrors: number;
}

export interface SignalStore {
  /** Writes a typed value (from a simulator or a decoded bus frame). */
  set(path: string, value: VssValue, tsMs?: number): WriteResult;
  /** Writes a VISS string value (from a source that already speaks VISS, e.g. a replay). */
  setText(path: string, text: string, tsMs?: number): WriteResult;
  get(path: string): DataPoint | undefined;
  getValue(path: string): VssValue | undefined;
  /** Forgets every value (a new source starts from nothing); counters are kept. */
  clear(): void;
  /** Forgets one value (its source fell silent): readers see it go unknown, as it is. */
  forget(path: string): void;
  /** Called after every accepted write; returns the unsubscribe function. */
  onUpdate(listener: (update: SignalUpdate) => void): () => void;
  stats(): StoreStats;
}

const MAX_DATE_MS = 8.64e15;

interface Entry {
  value: VssValue;
  dp: DataPoint;
}

export function createSignalStore(): SignalStore {
  const entries = new Map<string, Entry>();
  const listeners = new Set<(update: SignalUpdate) => void>();
  const stats: StoreStats = { accepted: 0, rejected: 0, rejectedByPath: {}, listenerErrors: 0 };

  const reject = (path: string, reason: string): WriteResult => {
    stats.rejected += 1;
    // Unknown paths share one counter so a faulty source cannot grow this map without bound.
    const key = isKnownPath(path) ? path : '(unknown path)';
    stats.rejectedByPath[key] = (stats.rejectedByPath[key] ?? 0) + 1;
    return { ok: false, reason };
  };

  const write = (path: string, value: VssValue, text: string, tsMs: number): WriteResult => {
    if (!Number.isFinite(tsMs) || tsMs < 0 || tsMs > MAX_DATE_MS) {
      return reject(path, 'timestamp must be milliseconds since 1970 within the Date range');
    }
    // No ordering check here: sources write in order, and a wall clock stepped back (NTP at
    // boot) must not freeze every signal. Readers drop out-of-order samples themselves.
    const dp = { value: text, ts: new Date(tsMs).toISOString() };
    entries.set(path, { value, dp });
    stats.accepted += 1;
    for (const listener of listeners) {
      try {
        listener({ path, value, dp });
      } catch {
        stats.listenerErrors += 1; // one faulty listener must not stop the others or the source
      }
    }
    return { ok: true };
  };

  return {
    set(path, value, tsMs = Date.now()) {
      const formatted = formatVissValue(path, value);
      if (!formatted.ok) return reject(path, formatted.reason);
      return write(path, value, formatted.value, tsMs);
    },
    setText(path, text, tsMs = Date.now()) {
      const parsed = parseVissValue(path, text);
      if (!parsed.ok) return reject(path, parsed.reason);
      // Re-formatted so clients always see one spelling ("-0" and "1.50" become "0" and "1.5").
      const canonical = formatVissValue(path, parsed.value);
      if (!canonical.ok) return reject(path, canonical.reason);
      return write(path, parsed.value, canonical.value, tsMs);
    },
    get: (path) => entries.get(path)?.dp,
    getValue: (path) => entries.get(path)?.value,
    clear: () => entries.clear(),
    forget: (path) => {
      entries.delete(path);
    },
    onUpdate(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stats: () => ({ ...stats, rejectedByPath: { ...stats.rejectedByPath } }),
  };
}

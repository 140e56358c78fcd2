import type { VssPath } from '../common/vss/signals.ts';
import type { DataPoint } from '../common/viss/types.ts';
import type { SubscriptionFilter } from './protocol.ts';
import type { SignalStore } from './signalStore.ts';

/**
 * All live subscriptions of the bridge, each owned by one client connection. A subscription
 * owns its timer, so removing it (or its owner) is all it takes to leave nothing running.
 */

export interface SubscriptionInfo {
  id: string;
  ownerId: string;
  path: VssPath;
  filter: SubscriptionFilter;
}

export interface SubscriptionRegistry {
  /** Starts delivering `path` to `deliver` as the filter says; returns the new subscription id. */
  add(
    ownerId: string,
    path: VssPath,
    filter: SubscriptionFilter,
    deliver: (dp: DataPoint) => void,
  ): string;
  /** Removes a subscription if `ownerId` owns it: clients cannot end each other's. */
  remove(ownerId: string, id: string): boolean;
  removeOwner(ownerId: string): number;
  count(ownerId?: string): number;
  list(): SubscriptionInfo[];
  clear(): void;
}

interface Live extends SubscriptionInfo {
  timer: ReturnType<typeof setInterval>;
}

export function createSubscriptionRegistry(store: SignalStore): SubscriptionRegistry {
  const live = new Map<string, Live>();
  const byOwner = new Map<string, Set<string>>();
  let lastId = 0;

  const stop = (sub: Live) => {
    clearInterval(sub.timer);
    live.delete(sub.id);
    const owned = byOwner.get(sub.ownerId);
    owned?.delete(sub.id);
    if (owned?.size === 0) byOwner.delete(sub.ownerId);
  };

  return {
    add(ownerId, path, filter, deliver) {
      lastId += 1;
      const id = String(lastId);
      // timebased: the current value every period, whether or not it changed; nothing until
      // the signal has a value at all.
      const timer = setInterval(() => {
        const dp = store.get(path);
        if (dp) deliver(dp);
      }, filter.periodMs);
      live.set(id, { id, ownerId, path, filter, timer });
      const owned = byOwner.get(ownerId) ?? new Set<string>();
      owned.add(id);
      byOwner.set(ownerId, owned);
      return id;
    },
    remove(ownerId, id) {
      const sub = live.get(id);
      if (!sub || sub.ownerId !== ownerId) return false;
      stop(sub);
      return true;
    },
    removeOwner(ownerId) {
      const ids = [...(byOwner.get(ownerId) ?? [])];
      for (const id of ids) {
        const sub = live.get(id);
        if (sub) stop(sub);
      }
      return ids.length;
    },
    count: (ownerId) => (ownerId === undefined ? live.size : (byOwner.get(ownerId)?.size ?? 0)),
    list: () =>
      [...live.values()].map(({ id, ownerId, path, filter }) => ({ id, ownerId, path, filter })),
    clear() {
      for (const sub of [...live.values()]) stop(sub);
    },
  };
}

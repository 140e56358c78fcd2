import type { VssPath } from '../common/vss/signals.ts';
import type { VssValue } from '../common/vss/types.ts';
import type { VissData } from '../common/viss/types.ts';
import { fires, inRange } from './filterEval.ts';
import type { SubscriptionFilter } from './filters.ts';
import type { Target } from './protocol.ts';
import type { SignalStore } from './signalStore.ts';

/**
 * All live subscriptions of the bridge, each owned by one client connection. Timebased ones own
 * a timer; change and range ones are indexed by path and woken by store updates. Removing a
 * subscription (or its owner) is all it takes to leave nothing running.
 */

export interface SubscriptionInfo {
  id: string;
  ownerId: string;
  /** The request path: the leaf, or the common root of a paths filter. */
  path: string;
  paths: VssPath[];
  multi: boolean;
  filter: SubscriptionFilter;
}

/** Receives one data point, or an array of them for a paths-filter subscription. */
export type Deliver = (data: VissData | VissData[]) => void;

export interface SubscriptionRegistry {
  add(ownerId: string, target: Target, filter: SubscriptionFilter, deliver: Deliver): string;
  /** What to send right after subscribing: current values the filter lets through (and the
   * baseline later changes are measured against). */
  initial(id: string): VissData | VissData[] | undefined;
  /** Removes a subscription if `ownerId` owns it: clients cannot end each other's. */
  remove(ownerId: string, id: string): boolean;
  removeOwner(ownerId: string): number;
  count(ownerId?: string): number;
  list(): SubscriptionInfo[];
  /** Ends every subscription and stops listening to the store. */
  close(): void;
}

interface Live extends SubscriptionInfo {
  deliver: Deliver;
  timer?: ReturnType<typeof setInterval>;
  /** Last value notified per leaf, for change and range filters. */
  last: Map<VssPath, VssValue>;
}

export function createSubscriptionRegistry(store: SignalStore): SubscriptionRegistry {
  const live = new Map<string, Live>();
  const byOwner = new Map<string, Set<string>>();
  const byPath = new Map<string, Set<Live>>();
  let lastId = 0;

  const pack = (sub: Live, items: VissData[]): VissData | VissData[] | undefined => {
    if (items.length === 0) return undefined;
    return sub.multi ? items : items[0];
  };

  const current = (sub: Live): VissData[] =>
    sub.paths.flatMap((path) => {
      const dp = store.get(path);
      return dp ? [{ path, dp }] : [];
    });

  const offUpdate = store.onUpdate(({ path, value, dp }) => {
    const subs = byPath.get(path);
    if (!subs) return;
    for (const sub of subs) {
      const leaf = path as VssPath;
      if (!fires(sub.filter, sub.last.get(leaf), value)) continue;
      sub.last.set(leaf, value);
      sub.deliver(sub.multi ? [{ path, dp }] : { path, dp });
    }
  });

  const stop = (sub: Live) => {
    if (sub.timer) clearInterval(sub.timer);
    live.delete(sub.id);
    for (const path of sub.paths) {
      const subs = byPath.get(path);
      subs?.delete(sub);
      if (subs?.size === 0) byPath.delete(path);
    }
    const owned = byOwner.get(sub.ownerId);
    owned?.delete(sub.id);
    if (owned?.size === 0) byOwner.delete(sub.ownerId);
  };

  return {
    add(ownerId, { path, paths, multi }, filter, deliver) {
      lastId += 1;
      const id = String(lastId);
      const sub: Live = { id, ownerId, path, paths, multi, filter, deliver, last: new Map() };
      if (filter.variant === 'timebased') {
        // The current values every period, changed or not; nothing while none has a value.
        sub.timer = setInterval(() => {
          const data = pack(sub, current(sub));
          if (data) sub.deliver(data);
        }, filter.periodMs);
      } else {
        for (const leaf of paths) {
          const subs = byPath.get(leaf) ?? new Set<Live>();
          subs.add(sub);
          byPath.set(leaf, subs);
        }
      }
      live.set(id, sub);
      const owned = byOwner.get(ownerId) ?? new Set<string>();
      owned.add(id);
      byOwner.set(ownerId, owned);
      return id;
    },
    initial(id) {
      const sub = live.get(id);
      if (!sub) return undefined;
      const { filter } = sub;
      const items = current(sub).filter(({ path }) => {
        const value = store.getValue(path);
        if (value === undefined) return false;
        if (filter.variant === 'range' && !(typeof value === 'number' && inRange(filter, value))) {
          return false;
        }
        sub.last.set(path as VssPath, value);
        return true;
      });
      return pack(sub, items);
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
      [...live.values()].map(({ id, ownerId, path, paths, multi, filter }) => ({
        id,
        ownerId,
        path,
        paths,
        multi,
        filter,
      })),
    close() {
      for (const sub of [...live.values()]) stop(sub);
      offUpdate();
    },
  };
}

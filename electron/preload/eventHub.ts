/**
 * Demultiplexes the one IPC event channel into per-event listeners. Pure (no electron import),
 * so the preload's only logic is tested under Node.
 */
import { isHostEvent, type HostEvent } from '../../common/hostApi/channels.ts';

export type PayloadListener = (payload: unknown) => void;

export interface EventHub {
  /** Feeds one message from the event channel: listeners of `name` get the payload, nothing else. */
  dispatch(name: unknown, payload: unknown): void;
  /** Adds a listener; the returned function removes exactly this subscription, once. */
  subscribe(event: HostEvent, listener: PayloadListener): () => void;
  /** How many subscriptions are live (for tests and diagnostics). */
  size(): number;
}

export function createEventHub(
  onListenerError: (event: HostEvent, error: unknown) => void = () => {},
): EventHub {
  // One entry per subscription, so the same function subscribed twice unsubscribes independently.
  const subscriptions = new Map<HostEvent, Set<{ listener: PayloadListener }>>();

  return {
    dispatch(name, payload) {
      if (!isHostEvent(name)) return;
      const entries = subscriptions.get(name);
      if (!entries) return;
      // Snapshot: a listener that unsubscribes (itself or another) must not disturb this round.
      for (const entry of [...entries]) {
        if (!entries.has(entry)) continue;
        try {
          // Exactly one argument: the IpcRendererEvent (with its sender) never reaches the page.
          entry.listener(payload);
        } catch (error) {
          onListenerError(name, error);
        }
      }
    },
    subscribe(event, listener) {
      if (!isHostEvent(event)) throw new TypeError(`Unknown host event: ${String(event)}`);
      if (typeof listener !== 'function')
        throw new TypeError('A host event listener must be a function');
      const entry = { listener };
      let entries = subscriptions.get(event);
      if (!entries) {
        entries = new Set();
        subscriptions.set(event, entries);
      }
      entries.add(entry);
      return () => {
        const current = subscriptions.get(event);
        if (!current?.delete(entry)) return;
        if (current.size === 0) subscriptions.delete(event);
      };
    },
    size() {
      let total = 0;
      for (const entries of subscriptions.values()) total += entries.size;
      return total;
    },
  };
}

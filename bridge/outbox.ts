import type { VissServerMessage } from '../common/viss/types.ts';

/**
 * Everything one client is about to receive. Messages go out only while the transport keeps up
 * (`congested()` is false); otherwise they wait here, in bounded queues:
 *
 * - one queue per subscription, at most `queuePerSubscription` long, dropping its oldest entry
 *   when full: a notification is superseded by the next one, so the newest is what matters;
 * - one queue for replies (answers to requests), which must not be dropped; when it overflows
 *   the client is not reading at all and `onOverflow` is called (the caller disconnects it).
 *
 * So a client that stops reading costs at most a fixed amount of memory, and never delays
 * anyone else. Queues are served round-robin, so one busy subscription cannot starve another.
 */

export interface OutboxLimits {
  queuePerSubscription: number;
  replies: number;
}

export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = { queuePerSubscription: 32, replies: 256 };

export interface OutboxDeps {
  send(message: VissServerMessage): void;
  /** True while the transport should not be handed more. */
  congested(): boolean;
  onOverflow(): void;
  /** Told about every dropped notification, for bridge-wide counts. */
  onDrop?(subscriptionId: string): void;
  limits?: Partial<OutboxLimits>;
}

export interface QueueStats {
  queued: number;
  dropped: number;
  sent: number;
}

export interface Outbox {
  reply(message: VissServerMessage): void;
  notify(subscriptionId: string, message: VissServerMessage): void;
  /** Forgets a subscription's queue (after unsubscribe), so nothing of it is sent later. */
  remove(subscriptionId: string): void;
  /** Sends what the transport takes now; call when it becomes writable again. */
  pump(): void;
  /** Hands every waiting reply to the transport at once (before a deliberate disconnect). */
  flushReplies(): void;
  stats(subscriptionId: string): QueueStats | undefined;
  totals(): { replies: number; dropped: number; sent: number };
  close(): void;
}

interface Queue extends QueueStats {
  items: VissServerMessage[];
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const limits = { ...DEFAULT_OUTBOX_LIMITS, ...deps.limits };
  const replies: VissServerMessage[] = [];
  const queues = new Map<string, Queue>();
  // Subscriptions with something waiting, in serving order (a Set keeps insertion order).
  const waiting = new Set<string>();
  let dropped = 0;
  let sent = 0;
  let closed = false;
  let pumping = false;

  const next = (): VissServerMessage | undefined => {
    const reply = replies.shift();
    if (reply) return reply;
    for (const id of waiting) {
      waiting.delete(id);
      const queue = queues.get(id);
      const message = queue?.items.shift();
      if (!queue || !message) continue;
      queue.sent += 1;
      queue.queued = queue.items.length;
      if (queue.items.length > 0) waiting.add(id); // to the back of the line
      return message;
    }
    return undefined;
  };

  const pump = () => {
    // send() can re-enter through transport events; one loop at a time is enough.
    if (pumping || closed) return;
    pumping = true;
    try {
      while (!deps.congested()) {
        const message = next();
        if (!message) break;
        sent += 1;
        deps.send(message);
      }
    } finally {
      pumping = false;
    }
  };

  return {
    reply(message) {
      if (closed) return;
      if (replies.length >= limits.replies) {
        deps.onOverflow();
        return;
      }
      replies.push(message);
      pump();
    },
    notify(subscriptionId, message) {
      if (closed) return;
      let queue = queues.get(subscriptionId);
      if (!queue) {
        queue = { items: [], queued: 0, dropped: 0, sent: 0 };
        queues.set(subscriptionId, queue);
      }
      if (queue.items.length >= limits.queuePerSubscription) {
        queue.items.shift();
        queue.dropped += 1;
        dropped += 1;
        deps.onDrop?.(subscriptionId);
      }
      queue.items.push(message);
      queue.queued = queue.items.length;
      waiting.add(subscriptionId);
      pump();
    },
    remove(subscriptionId) {
      queues.delete(subscriptionId);
      waiting.delete(subscriptionId);
    },
    pump,
    flushReplies() {
      if (closed) return;
      for (const reply of replies.splice(0)) {
        sent += 1;
        deps.send(reply);
      }
    },
    stats(subscriptionId) {
      const queue = queues.get(subscriptionId);
      return queue ? { queued: queue.queued, dropped: queue.dropped, sent: queue.sent } : undefined;
    },
    totals: () => ({ replies: replies.length, dropped, sent }),
    close() {
      closed = true;
      replies.length = 0;
      queues.clear();
      waiting.clear();
    },
  };
}

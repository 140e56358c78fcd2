import type { Logger } from '../common/log.ts';
import type { VissData, VissServerMessage } from '../common/viss/types.ts';
import { errorResponse, parseInbound } from './protocol.ts';
import type { BridgeRequest } from './protocol.ts';
import type { SignalStore } from './signalStore.ts';
import type { SubscriptionRegistry } from './subscriptions.ts';

/**
 * One client connection: answers its VISS requests and owns its subscriptions. Transport-free
 * (it is handed `reply` and `notify`), so the same logic can sit behind a native VISS WebSocket.
 */

/** Keeps one client from holding an unbounded number of timers. */
export const MAX_SUBSCRIPTIONS_PER_CLIENT = 100;

export interface SessionDeps {
  id: string;
  /** Answers to requests (never dropped). */
  reply: (message: VissServerMessage) => void;
  /** Notifications of one subscription (may be dropped for a slow client). */
  notify: (subscriptionId: string, message: VissServerMessage) => void;
  /** Called after a subscription ended, so its pending notifications can be discarded. */
  ended?: (subscriptionId: string) => void;
  store: SignalStore;
  registry: SubscriptionRegistry;
  logger: Logger;
}

export interface SessionCounts {
  requests: number;
  rejected: number;
  failed: number;
}

export interface Session {
  handle(raw: unknown): void;
  counts(): SessionCounts;
  /** Ends every subscription of this client. */
  close(): void;
}

export function createSession(deps: SessionDeps): Session {
  const { id, reply, notify, store, registry, logger } = deps;
  const counts: SessionCounts = { requests: 0, rejected: 0, failed: 0 };

  const answer = (request: BridgeRequest): void => {
    const ts = new Date().toISOString();
    const { action, requestId } = request;
    switch (action) {
      case 'get': {
        const data = request.paths.flatMap((path): VissData[] => {
          const dp = store.get(path);
          return dp ? [{ path, dp }] : [];
        });
        const [first] = data;
        if (!first) {
          const what = request.multi ? `any of ${request.paths.length} paths` : request.path;
          reply(errorResponse('unavailableData', `no value yet for ${what}`, request));
          return;
        }
        reply({ action, requestId, ts, data: request.multi ? data : first });
        return;
      }
      case 'subscribe': {
        if (registry.count(id) >= MAX_SUBSCRIPTIONS_PER_CLIENT) {
          const why = `at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} subscriptions per connection`;
          reply(errorResponse('tooManyRequests', why, request));
          return;
        }
        const deliver = (data: VissData | VissData[]) =>
          notify(subscriptionId, {
            action: 'subscription',
            subscriptionId,
            ts: new Date().toISOString(),
            data,
          });
        const subscriptionId = registry.add(id, request, request.filter, deliver);
        reply({ action, requestId, subscriptionId, ts });
        // The current value right away, so a client does not wait a whole period for its first.
        const first = registry.initial(subscriptionId);
        if (first) deliver(first);
        logger.debug('subscription.added', {
          client: id,
          subscriptionId,
          path: request.path,
          leaves: request.paths.length,
          filter: request.filter,
        });
        return;
      }
      case 'unsubscribe': {
        const { subscriptionId } = request;
        if (!registry.remove(id, subscriptionId)) {
          const why = `no subscription ${JSON.stringify(subscriptionId)} on this connection`;
          reply(errorResponse('unavailableData', why, request));
          return;
        }
        deps.ended?.(subscriptionId);
        reply({ action, requestId, subscriptionId, ts });
        logger.debug('subscription.removed', { client: id, subscriptionId });
        return;
      }
    }
  };

  return {
    handle(raw) {
      counts.requests += 1;
      const parsed = parseInbound(raw);
      if (!parsed.ok) {
        counts.rejected += 1;
        logger.debug('request.rejected', { client: id, error: parsed.error.error });
        reply(parsed.error);
        return;
      }
      try {
        answer(parsed.request);
      } catch (error) {
        // A bug must cost one answer, not the bridge.
        counts.failed += 1;
        logger.error('request.failed', { client: id, message: (error as Error).message });
        const { action, requestId } = parsed.request;
        reply(errorResponse('serviceUnavailable', 'internal error', { action, requestId }));
      }
    },
    counts: () => ({ ...counts }),
    close() {
      const removed = registry.removeOwner(id);
      if (removed > 0) logger.debug('subscriptions.closed', { client: id, removed });
    },
  };
}

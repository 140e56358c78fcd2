import type { Logger } from '../common/log.ts';
import type { DataPoint, VissServerMessage } from '../common/viss/types.ts';
import { errorResponse, parseInbound } from './protocol.ts';
import type { BridgeRequest } from './protocol.ts';
import type { SignalStore } from './signalStore.ts';
import type { SubscriptionRegistry } from './subscriptions.ts';

/**
 * One client connection: answers its VISS requests and owns its subscriptions. Transport-free
 * (it is handed a `send`), so the same logic can sit behind a native VISS WebSocket later.
 */

/** Keeps one client from holding an unbounded number of timers. */
export const MAX_SUBSCRIPTIONS_PER_CLIENT = 100;

export interface SessionDeps {
  id: string;
  send: (message: VissServerMessage) => void;
  store: SignalStore;
  registry: SubscriptionRegistry;
  logger: Logger;
}

export interface Session {
  handle(raw: unknown): void;
  /** Ends every subscription of this client. */
  close(): void;
}

export function createSession({ id, send, store, registry, logger }: SessionDeps): Session {
  const answer = (request: BridgeRequest): void => {
    const ts = new Date().toISOString();
    const { action, requestId } = request;
    switch (action) {
      case 'get': {
        const dp = store.get(request.path);
        if (!dp) {
          send(errorResponse('unavailableData', `no value yet for ${request.path}`, request));
          return;
        }
        send({ action, requestId, ts, data: { path: request.path, dp } });
        return;
      }
      case 'subscribe': {
        if (registry.count(id) >= MAX_SUBSCRIPTIONS_PER_CLIENT) {
          const why = `at most ${MAX_SUBSCRIPTIONS_PER_CLIENT} subscriptions per connection`;
          send(errorResponse('tooManyRequests', why, request));
          return;
        }
        const { path } = request;
        const notify = (dp: DataPoint) =>
          send({
            action: 'subscription',
            subscriptionId,
            ts: new Date().toISOString(),
            data: { path, dp },
          });
        const subscriptionId = registry.add(id, path, request.filter, notify);
        send({ action, requestId, subscriptionId, ts });
        // The current value right away, so a client does not wait a whole period for its first.
        const dp = store.get(path);
        if (dp) notify(dp);
        logger.debug('subscription.added', {
          client: id,
          subscriptionId,
          path,
          filter: request.filter,
        });
        return;
      }
      case 'unsubscribe': {
        const { subscriptionId } = request;
        if (!registry.remove(id, subscriptionId)) {
          const why = `no subscription ${JSON.stringify(subscriptionId)} on this connection`;
          send(errorResponse('unavailableData', why, request));
          return;
        }
        send({ action, requestId, subscriptionId, ts });
        logger.debug('subscription.removed', { client: id, subscriptionId });
        return;
      }
    }
  };

  return {
    handle(raw) {
      const parsed = parseInbound(raw);
      if (!parsed.ok) {
        logger.debug('request.rejected', { client: id, error: parsed.error.error });
        send(parsed.error);
        return;
      }
      try {
        answer(parsed.request);
      } catch (error) {
        // A bug must cost one answer, not the bridge.
        logger.error('request.failed', { client: id, message: (error as Error).message });
        const { action, requestId } = parsed.request;
        send(errorResponse('serviceUnavailable', 'internal error', { action, requestId }));
      }
    },
    close() {
      const removed = registry.removeOwner(id);
      if (removed > 0) logger.debug('subscriptions.closed', { client: id, removed });
    },
  };
}

import type { Socket } from 'socket.io';
import type { Logger } from '../common/log.ts';
import { VISS_EVENT } from '../common/viss/types.ts';
import type { VissAction } from '../common/viss/types.ts';
import { createOutbox } from './outbox.ts';
import type { Outbox, OutboxLimits } from './outbox.ts';
import { errorResponse } from './protocol.ts';
import type { ErrorContext } from './protocol.ts';
import { createRateLimiter } from './rateLimit.ts';
import type { RateLimits } from './rateLimit.ts';
import { createSession } from './session.ts';
import type { SignalStore } from './signalStore.ts';
import type { SubscriptionRegistry } from './subscriptions.ts';

/**
 * One socket.io client of the VISS namespace: rate-limits what it sends, answers it through its
 * session, and sends to it through its outbox, which holds back while the socket's transport
 * is still busy with earlier packets. That is how a client that stops reading is noticed: its
 * engine.io write buffer stops draining, and from then on only the bounded outbox queues fill.
 */

export interface ConnectionLimits {
  outbox: OutboxLimits;
  rate: RateLimits;
  /** engine.io packets handed to the transport but not yet written; above this we hold back. */
  writeBufferHighWater: number;
}

/** Bridge-wide counters every connection adds to. */
export interface ConnectionCounters {
  dropped: number;
  rateLimited: number;
  disconnectedAbusive: number;
  disconnectedNotReading: number;
}

export interface ConnectionDeps {
  store: SignalStore;
  registry: SubscriptionRegistry;
  logger: Logger;
  limits: ConnectionLimits;
  counters: ConnectionCounters;
}

export interface Connection {
  id: string;
  outbox: Outbox;
  /** Packets waiting in engine.io's write buffer right now. */
  writeBuffered(): number;
}

const ACTIONS: readonly VissAction[] = ['get', 'subscribe', 'unsubscribe'];

// engine.io keeps its write buffer private in its types; it is the one signal of a slow reader.
interface EngineInternals {
  readyState: string;
  writeBuffer: unknown[];
  transport: NodeJS.EventEmitter & { writable: boolean };
  on(event: 'upgrade', listener: (transport: EngineInternals['transport']) => void): void;
}

/** Echo what a refused message carried, if it is cheap to read (already an object). */
function contextOf(raw: unknown): ErrorContext {
  if (typeof raw !== 'object' || raw === null) return {};
  const { action, requestId } = raw as { action?: unknown; requestId?: unknown };
  return {
    action: ACTIONS.find((a) => a === action),
    requestId: typeof requestId === 'string' && requestId.length <= 128 ? requestId : undefined,
  };
}

export function attachConnection(
  socket: Socket,
  deps: ConnectionDeps,
  onClose: () => void,
): Connection {
  const { logger, limits, counters } = deps;
  const engine = socket.conn as unknown as EngineInternals;
  const id = socket.id;
  let rateLimited = 0;
  let leaving = false;

  const drop = (event: string, description: string) => {
    if (leaving) return;
    leaving = true;
    // What was already answered still goes out (bounded by the reply queue), then the reason.
    outbox.flushReplies();
    socket.emit(VISS_EVENT, errorResponse('tooManyRequests', description));
    logger.warn(event, { client: id, rateLimited, ...outbox.totals() });
    socket.disconnect(true);
  };

  const outbox = createOutbox({
    send: (message) => socket.emit(VISS_EVENT, message),
    congested: () =>
      engine.readyState !== 'open' || engine.writeBuffer.length >= limits.writeBufferHighWater,
    onOverflow: () => {
      counters.disconnectedNotReading += 1;
      drop('client.not_reading', 'replies are not being read; disconnecting');
    },
    onDrop: () => {
      counters.dropped += 1;
    },
    limits: limits.outbox,
  });

  const session = createSession({
    id,
    reply: (message) => outbox.reply(message),
    notify: (subscriptionId, message) => outbox.notify(subscriptionId, message),
    ended: (subscriptionId) => outbox.remove(subscriptionId),
    store: deps.store,
    registry: deps.registry,
    logger,
  });

  // The transport says "ready" when it can take packets again; upgrades bring a new transport.
  const pump = () => outbox.pump();
  engine.transport.on('ready', pump);
  engine.on('upgrade', (transport) => transport.on('ready', pump));

  const limiter = createRateLimiter(limits.rate);
  // One handler for every inbound event, whatever its name, so none escapes the limit and
  // answers keep the order of the requests.
  socket.onAny((event: unknown, raw: unknown) => {
    if (leaving) return;
    const verdict = limiter.take(Date.now());
    if (verdict !== 'ok') {
      rateLimited += 1;
      counters.rateLimited += 1;
      if (verdict === 'abusive') {
        counters.disconnectedAbusive += 1;
        drop('client.abusive', 'sustained flooding; disconnecting');
        return;
      }
      const why = `more than ${limits.rate.ratePerSecond} messages per second`;
      outbox.reply(errorResponse('tooManyRequests', why, contextOf(raw)));
      return;
    }
    if (event !== VISS_EVENT) {
      const shown = JSON.stringify(String(event).slice(0, 32));
      outbox.reply(
        errorResponse('badRequest', `unknown event ${shown}; send VISS messages as "viss"`),
      );
      return;
    }
    session.handle(raw);
  });

  socket.on('disconnect', (reason) => {
    session.close();
    const totals = outbox.totals();
    outbox.close();
    onClose();
    logger.info('client.disconnected', {
      client: id,
      reason,
      ...session.counts(),
      rateLimited,
      sent: totals.sent,
      dropped: totals.dropped,
    });
  });

  return { id, outbox, writeBuffered: () => engine.writeBuffer.length };
}

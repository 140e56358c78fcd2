import type { Powertrain } from './scenarios/car.ts';
import { createServer } from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { Server } from 'socket.io';
import { sameSecret } from '../common/node/sameSecret.ts';
import { capConnections } from '../common/node/connectionCap.ts';
import { createLogger } from '../common/log.ts';
import type { Logger } from '../common/log.ts';
import type { ControlReply } from '../common/viss/control.ts';
import { attachConnection } from './connection.ts';
import type { Connection, ConnectionCounters, ConnectionLimits } from './connection.ts';
import { attachControlNamespace, handleControl } from './control.ts';
import type { ControlDeps } from './control.ts';
import { DEFAULT_OUTBOX_LIMITS } from './outbox.ts';
import type { OutboxLimits } from './outbox.ts';
import { DEFAULT_RATE_LIMITS } from './rateLimit.ts';
import type { RateLimits } from './rateLimit.ts';
import { createSignalStore } from './signalStore.ts';
import type { SignalStore, StoreStats } from './signalStore.ts';
import { createSourceController } from './sources.ts';
import type { SignalSource, SourceController, SourceState } from './sources.ts';
import { createSubscriptionRegistry } from './subscriptions.ts';
import type { SubscriptionInfo } from './subscriptions.ts';

export type { SignalSource } from './sources.ts';

export interface BridgeOptions {
  host: string;
  port: number;
  source?: SignalSource;
  /** How the source is named in stats and logs, e.g. "simulator:loop". */
  sourceLabel?: string;
  /** Open connections at most (the app, a diagnostics tool, a test client or two). */
  maxConnections?: number;
  /** Speed factor for scenarios started through the control channel. */
  speedFactor?: number;
  /** The vehicle line's powertrain for scenarios started through the control channel. */
  powertrain?: Powertrain;
  /** Serves the test-only `/control` namespace to holders of this token. Never in a car. */
  control?: { token: string };
  /** When set, a signal client must present it in the handshake (`auth: { token }`). */
  clientToken?: string;
  logger?: Logger;
  limits?: {
    outbox?: Partial<OutboxLimits>;
    rate?: Partial<RateLimits>;
    writeBufferHighWater?: number;
  };
  /** A summary log line this often; 0 turns it off. Default 60 s. */
  statsIntervalMs?: number;
}

export interface SubscriptionStats extends SubscriptionInfo {
  queued: number;
  dropped: number;
  sent: number;
}

export interface BridgeStats extends ConnectionCounters {
  clients: number;
  subscriptions: SubscriptionStats[];
  connections: { id: string; writeBuffered: number; replies: number; dropped: number }[];
  source: SourceState;
  store: StoreStats;
}

export interface Bridge {
  url: string;
  store: SignalStore;
  sources: SourceController;
  /** The control channel's logic, in process (works whether or not `control` is on). */
  control(message: unknown): ControlReply;
  stats(): BridgeStats;
  close(): Promise<void>;
}

/** The app, diagnostics and tools; the load test serves 50 clients at once. */
export const DEFAULT_MAX_CONNECTIONS = 64;

/** How long close() lets clients say goodbye before cutting the connections that did not. */
const CLOSE_GRACE_MS = 1_000;
/** Well above the 16 KB VISS message limit, so that limit answers with a VISS error first. */
const MAX_HTTP_BUFFER_BYTES = 64 * 1024;
export const WRITE_BUFFER_HIGH_WATER = 64;

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const logger = options.logger ?? createLogger('bridge', () => {});
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const store = createSignalStore();
  const registry = createSubscriptionRegistry(store);
  const limits: ConnectionLimits = {
    outbox: { ...DEFAULT_OUTBOX_LIMITS, ...options.limits?.outbox },
    rate: { ...DEFAULT_RATE_LIMITS, ...options.limits?.rate },
    writeBufferHighWater: options.limits?.writeBufferHighWater ?? WRITE_BUFFER_HIGH_WATER,
  };
  const counters: ConnectionCounters = {
    dropped: 0,
    rateLimited: 0,
    disconnectedAbusive: 0,
    disconnectedNotReading: 0,
  };
  const connections = new Map<string, Connection>();
  // engine.io answers its own path; anything else gets a 404 at once, not a connection held
  // open unanswered until Node's request timeout (5 minutes).
  const http = createServer((_req, res) => res.writeHead(404).end());
  // Raw TCP connections, so close() can end one whose client stopped reading: engine.io would
  // wait for its buffer to drain, and the WebSocket close handshake for a reply, for too long.
  const tcp = new Set<NetSocket>();
  http.on('connection', (socket: NetSocket) => {
    tcp.add(socket);
    socket.once('close', () => tcp.delete(socket));
  });
  const io: Server = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: MAX_HTTP_BUFFER_BYTES,
    // The renderer runs from app:// or another loopback port; the bridge listens on loopback
    // only unless told otherwise, and serves read-only signals.
    cors: { origin: '*' },
    allowRequest: capConnections(() => io.engine.clientsCount, maxConnections, {
      onRefused: (reason) => logger.warn('bridge.connection_refused', { reason }),
    }),
  });

  const clientToken = options.clientToken;
  if (clientToken !== undefined) {
    // The default namespace only: the control channel has its own token and rules.
    io.of('/').use((socket, next) => {
      const auth = socket.handshake.auth as Record<string, unknown>;
      if (sameSecret(auth.token, clientToken)) return next();
      logger.warn('bridge.client_refused', { reason: 'no valid client token' });
      next(new Error('unauthorized'));
    });
  }
  io.on('connection', (socket) => {
    const connection = attachConnection(socket, { store, registry, logger, limits, counters }, () =>
      connections.delete(socket.id),
    );
    connections.set(socket.id, connection);
    logger.debug('client.connected', { client: socket.id });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    io.close().catch(() => {}); // releases engine.io timers; the server itself never opened
    registry.close();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${hostPart}:${port}`;

  const sources = createSourceController(store, options.source, options.sourceLabel ?? 'custom');
  const controlDeps: ControlDeps = {
    store,
    sources,
    speedFactor: options.speedFactor ?? 1,
    powertrain: options.powertrain,
    logger,
  };
  if (options.control) attachControlNamespace(io, controlDeps, options.control.token);

  const stats = (): BridgeStats => ({
    ...counters,
    clients: io.of('/').sockets.size,
    subscriptions: registry.list().map((sub) => ({
      ...sub,
      ...(connections.get(sub.ownerId)?.outbox.stats(sub.id) ?? { queued: 0, dropped: 0, sent: 0 }),
    })),
    connections: [...connections.values()].map((c) => ({
      id: c.id,
      writeBuffered: c.writeBuffered(),
      replies: c.outbox.totals().replies,
      dropped: c.outbox.totals().dropped,
    })),
    source: sources.state(),
    store: store.stats(),
  });

  const interval = options.statsIntervalMs ?? 60_000;
  const statsTimer =
    interval > 0
      ? setInterval(() => {
          const { subscriptions, connections: _, ...summary } = stats();
          logger.info('bridge.stats', { ...summary, subscriptions: subscriptions.length });
        }, interval).unref()
      : undefined;

  let closed: Promise<void> | undefined;
  return {
    url,
    store,
    sources,
    control: (message) => handleControl(message, controlDeps),
    stats,
    close() {
      closed ??= (async () => {
        if (statsTimer) clearInterval(statsTimer);
        sources.stop();
        registry.close();
        const cut = setTimeout(() => {
          for (const socket of tcp) socket.destroy();
        }, CLOSE_GRACE_MS);
        await io.close();
        clearTimeout(cut);
      })();
      return closed;
    },
  };
}

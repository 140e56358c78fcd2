import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createLogger } from '../common/log.ts';
import type { Logger } from '../common/log.ts';
import { VISS_EVENT } from '../common/viss/types.ts';
import { createSession } from './session.ts';
import { createSignalStore } from './signalStore.ts';
import type { SignalStore } from './signalStore.ts';
import { createSubscriptionRegistry } from './subscriptions.ts';
import type { SubscriptionInfo } from './subscriptions.ts';

/** A signal source feeds the store until stopped (the simulator now, replay and CAN later). */
export type SignalSource = (store: SignalStore) => { stop(): void };

export interface BridgeOptions {
  host: string;
  port: number;
  source?: SignalSource;
  logger?: Logger;
}

export interface BridgeStats {
  clients: number;
  subscriptions: SubscriptionInfo[];
}

export interface Bridge {
  url: string;
  store: SignalStore;
  stats(): BridgeStats;
  close(): Promise<void>;
}

/** Well above the 16 KB VISS message limit, so that limit answers with a VISS error first. */
const MAX_HTTP_BUFFER_BYTES = 64 * 1024;

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const logger = options.logger ?? createLogger('bridge', () => {});
  const store = createSignalStore();
  const registry = createSubscriptionRegistry(store);
  const http = createServer();
  const io = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: MAX_HTTP_BUFFER_BYTES,
    // The renderer runs from app:// or another loopback port; the bridge listens on loopback
    // only unless told otherwise, and serves read-only signals.
    cors: { origin: '*' },
  });

  io.on('connection', (socket) => {
    const session = createSession({
      id: socket.id,
      send: (message) => socket.emit(VISS_EVENT, message),
      store,
      registry,
      logger,
    });
    logger.debug('client.connected', { client: socket.id });
    socket.on(VISS_EVENT, (raw: unknown) => session.handle(raw));
    socket.on('disconnect', (reason) => {
      session.close();
      logger.debug('client.disconnected', { client: socket.id, reason });
    });
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
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${hostPart}:${port}`;

  const source = options.source?.(store);
  let closed: Promise<void> | undefined;

  return {
    url,
    store,
    stats: () => ({ clients: io.of('/').sockets.size, subscriptions: registry.list() }),
    close() {
      closed ??= (async () => {
        source?.stop();
        registry.clear();
        await io.close();
      })();
      return closed;
    },
  };
}

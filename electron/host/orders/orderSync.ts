import { io, type Socket } from '../cloudClient/socketIo.ts';
import {
  CLOUD_EVENTS_PATH,
  EVENTS_UNAUTHORIZED,
  ORDER_UPDATED_EVENT,
  OrderUpdatedEventSchema,
} from '../../../common/cloudApi/events.schema.ts';
import type { Logger } from '../../../common/log.ts';
import { CloudError, type CloudClient } from '../cloudClient/client.ts';
import type { OrderService } from './orderService.ts';
import type { OrderStore } from './orderStore.ts';

/** Pages per resync; a car that was away for long catches up over several connects. */
const MAX_PAGES = 50;

/**
 * Keeps local orders up to date with the cloud: pushed `order.updated` events over socket.io for
 * speed, and after every (re)connect a resync from the persisted cursor for completeness, since
 * pushes sent while the car was offline are lost. The cursor advances only from resync pages: an
 * event may arrive after an earlier one was missed, and skipping past that gap would lose it.
 */
export class OrderSync {
  private readonly options: {
    cloudUrl: string;
    token: string | null;
    client: CloudClient;
    orders: OrderService;
    store: OrderStore;
    /** The push channel (re)connected: the cloud is reachable. */
    onConnected: () => void;
    log: Logger;
  };
  private socket: Socket | null = null;
  /** Between a failed connection attempt and the next one (socket.io's backoff). */
  private waiting = false;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(options: OrderSync['options']) {
    this.options = options;
  }

  start(): void {
    const { token, log } = this.options;
    if (!token) {
      log.warn('orders.push_disabled', { reason: 'no vehicle token configured' });
      return;
    }
    const socket = io(this.options.cloudUrl, {
      path: CLOUD_EVENTS_PATH,
      auth: { token },
      transports: ['websocket'],
      reconnectionDelay: 1000,
      reconnectionDelayMax: 30_000,
      randomizationFactor: 0.5,
      timeout: 5000,
    });
    // Only a connection waiting out its backoff is restarted: aborting one half-way through its
    // handshake would leave the half-open connection behind.
    socket.io.on('error', () => (this.waiting = true));
    socket.io.on('reconnect_error', () => (this.waiting = true));
    socket.io.on('reconnect_attempt', () => (this.waiting = false));
    socket.io.on('open', () => (this.waiting = false));
    socket.on('connect', () => {
      log.info('orders.push_connected');
      this.options.onConnected();
      void this.resync();
    });
    socket.on('disconnect', (reason: string) => {
      // A cloud shutting down closes the socket from its side ('io server disconnect'), and
      // socket.io never reconnects such a socket by itself: without this, live progress would
      // stop for good after a cloud restart.
      if (reason === 'io server disconnect' && !this.closed) {
        this.waiting = true;
        setTimeout(() => {
          if (!this.closed && !socket.connected) socket.connect();
        }, 1000).unref();
      }
    });
    socket.on('connect_error', (error: Error) => {
      if (error.message === EVENTS_UNAUTHORIZED) {
        // Refused by the server's middleware: socket.io does not retry, and should not.
        log.error('orders.push_unauthorized', { message: 'the cloud refused the vehicle token' });
      } else {
        log.debug('orders.push_connect_failed', { error: error.message });
      }
    });
    socket.on(ORDER_UPDATED_EVENT, (payload: unknown) => {
      const parsed = OrderUpdatedEventSchema.safeParse(payload);
      if (!parsed.success) {
        log.warn('orders.push_invalid', { issue: parsed.error.issues[0]?.message });
        return;
      }
      if (this.closed) return;
      try {
        this.options.orders.applyFromCloud([parsed.data.order]);
      } catch (error) {
        log.error('orders.push_apply_failed', { error: String(error) });
      }
    });
    this.socket = socket;
  }

  /** Fetches every change since the persisted cursor; joins a resync already running. */
  resync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pull();
        } while (this.again && !this.closed);
      } catch (error) {
        if (this.closed) return;
        const level = error instanceof CloudError ? 'info' : 'error';
        this.options.log[level]('orders.resync_failed', { error: String(error) });
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /**
   * The cloud is reachable again: reconnect the push channel now rather than when its backoff
   * (up to 30 s) next fires, so order progress shows live again at once.
   */
  reconnectNow(): void {
    const socket = this.socket;
    if (!socket || !this.waiting || socket.connected || this.closed) return;
    this.waiting = false;
    // An active socket is waiting out its backoff; an inactive one was closed by the server.
    if (socket.active) socket.disconnect();
    socket.connect();
  }

  close(): void {
    this.closed = true;
    this.socket?.disconnect();
    this.socket = null;
  }

  private async pull(): Promise<void> {
    if (!this.options.client.hasToken) return;
    let cursor = this.options.store.cursor();
    for (let page = 0; page < MAX_PAGES && !this.closed; page++) {
      const list = await this.options.client.call('listOrders', {
        query: { since: cursor ?? undefined, limit: 100 },
      });
      if (this.closed) return;
      this.options.orders.applyFromCloud(list.orders, list.cursor);
      cursor = list.cursor;
      if (!list.hasMore) return;
    }
  }
}

import type { Server as HttpServer } from 'node:http';
import type { DatabaseSync } from 'node:sqlite';
import { Server } from 'socket.io';
import { capConnections } from '../common/node/connectionCap.ts';

const MAX_EVENT_CONNECTIONS = 10_000;
import {
  CLOUD_EVENTS_PATH,
  EVENTS_UNAUTHORIZED,
  ORDER_UPDATED_EVENT,
  OrderUpdatedEventSchema,
} from '../common/cloudApi/events.schema.ts';
import type { Logger } from '../common/log.ts';
import { bearerToken, vehicleForToken } from './auth.ts';
import type { OrderService } from './orders/service.ts';

export interface OrderEvents {
  /** Connected vehicles' sockets, for tests and health. */
  connections(): number;
  close(): void;
}

const room = (vehicleId: string) => `vehicle:${vehicleId}`;

/**
 * Pushes order changes to the owning vehicle over socket.io on the API's own HTTP server. The
 * handshake must carry the vehicle token (`auth: { token }`, or an Authorization header for
 * non-browser clients); each socket joins only its vehicle's room, so no vehicle sees another's
 * orders. Push is a hint, not the record: after a reconnect the car resyncs with
 * `GET /v1/orders?since=<cursor>`.
 */
export function attachOrderEvents(options: {
  server: HttpServer;
  db: DatabaseSync;
  orders: OrderService;
  log: Logger;
}): OrderEvents {
  const { server, db, orders, log } = options;
  const io: Server = new Server(server, {
    path: CLOUD_EVENTS_PATH,
    serveClient: false,
    // Clients only listen; nothing they send is read, so a small limit is plenty.
    maxHttpBufferSize: 4 * 1024,
    // One socket per car; the cap keeps a flood from exhausting the server.
    allowRequest: capConnections(() => io.engine.clientsCount, MAX_EVENT_CONNECTIONS, {
      onRefused: (reason) => log.warn('events.connection_refused', { reason }),
    }),
  });

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    const token =
      typeof auth.token === 'string'
        ? auth.token
        : bearerToken(socket.handshake.headers.authorization);
    const vehicle = vehicleForToken(db, token);
    if (!vehicle) {
      const error = new Error(EVENTS_UNAUTHORIZED) as Error & { data?: unknown };
      error.data = { code: EVENTS_UNAUTHORIZED };
      next(error);
      return;
    }
    socket.data.vehicleId = vehicle.id;
    next();
  });

  io.on('connection', (socket) => {
    const vehicleId = String(socket.data.vehicleId);
    void socket.join(room(vehicleId));
    log.debug('events_connected', { vehicle: vehicleId, socket: socket.id });
    socket.on('disconnect', (reason) => {
      log.debug('events_disconnected', { vehicle: vehicleId, socket: socket.id, reason });
    });
  });

  const unsubscribe = orders.onChange(({ vehicleId, order, cursor }) => {
    // Validated like any reply: the car's client parses it with the same schema.
    const payload = OrderUpdatedEventSchema.parse({ order, cursor });
    io.to(room(vehicleId)).emit(ORDER_UPDATED_EVENT, payload);
  });

  return {
    connections: () => io.of('/').sockets.size,
    close() {
      unsubscribe();
      io.disconnectSockets(true);
      // Not io.close(): that would also close the HTTP server, which fastify owns and closes.
      io.engine.close();
    },
  };
}

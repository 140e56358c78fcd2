import type { IncomingMessage } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { TRANSPORT } from '../../common/hostApi/channels.ts';
import { capConnections } from '../../common/node/connectionCap.ts';
import type { Host } from './host.ts';
import { sameSecret } from '../../common/node/sameSecret.ts';

export const MAX_HOST_CONNECTIONS = 8;

/**
 * Browser mode's stand-in for Electron IPC: the same dispatcher behind one socket.io event.
 * A client needs both the origin of the pages this host serves (what IPC's sender check is in
 * Electron) and the secret of this start (`hostSecret.ts`), which a forged header cannot supply.
 */
export function bindSocketTransport(
  http: HttpServer,
  host: Host,
  allowedOrigin: () => string,
  secret: string,
): Server {
  const io: Server = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 256 * 1024,
    // A kiosk has one page; a few more for an engineer's browser, never a flood.
    allowRequest: capConnections(() => io.engine.clientsCount, MAX_HOST_CONNECTIONS, {
      admit: (req: IncomingMessage) => req.headers.origin === allowedOrigin(),
    }),
  });
  // Refused before the namespace opens: no handler below ever sees a client without the secret.
  io.use((socket, next) => {
    const auth = socket.handshake.auth as Record<string, unknown>;
    if (sameSecret(auth.secret, secret)) next();
    else next(new Error('unauthorized'));
  });
  io.on('connection', (socket) => {
    socket.on(TRANSPORT.invoke, (channel: unknown, input: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      // JSON has no undefined: a call without input arrives as null.
      void host.dispatch(channel, input ?? undefined).then((envelope) => ack(envelope));
    });
  });
  const unsubscribe = host.events.subscribe((event, payload) =>
    io.emit(TRANSPORT.event, event, payload),
  );
  io.engine.on('close', unsubscribe);
  return io;
}

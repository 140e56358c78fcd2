import type { IncomingMessage } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { TRANSPORT } from '../../common/hostApi/channels.ts';
import type { Host } from './host.ts';

/**
 * Browser mode's stand-in for Electron IPC: the same dispatcher behind one socket.io event.
 * Only pages served by this host may connect (the Origin check is what IPC's sender check is in Electron).
 */
export function bindSocketTransport(
  http: HttpServer,
  host: Host,
  allowedOrigin: () => string,
): Server {
  const io = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 256 * 1024,
    allowRequest: (req: IncomingMessage, callback) => {
      callback(null, req.headers.origin === allowedOrigin());
    },
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

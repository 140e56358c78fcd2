import { io, type Socket } from 'socket.io-client';
import { isHostEvent, TRANSPORT, type HostEvent } from '../../common/hostApi/channels.ts';
import { isHostEnvelope, type HostEnvelope } from '../../common/hostApi/errors.ts';
import type { RawHostTransport } from '../../common/hostApi/client.ts';

const CALL_TIMEOUT_MS = 10_000;

/** Browser mode: the host API over socket.io to the page's own origin. */
export function createSocketTransport(
  secret: string | null,
  url = window.location.origin,
): RawHostTransport & { socket: Socket } {
  const socket = io(url, { transports: ['websocket'], auth: { secret } });
  const listeners = new Map<HostEvent, Set<(payload: unknown) => void>>();
  socket.on(TRANSPORT.event, (name: unknown, payload: unknown) => {
    if (!isHostEvent(name)) return;
    for (const listener of listeners.get(name) ?? []) listener(payload);
  });
  return {
    socket,
    async invoke(channel, input): Promise<HostEnvelope> {
      try {
        const reply: unknown = await socket
          .timeout(CALL_TIMEOUT_MS)
          .emitWithAck(TRANSPORT.invoke, channel, input);
        if (isHostEnvelope(reply)) return reply;
        return { ok: false, error: { code: 'internal', message: `Malformed reply on ${channel}` } };
      } catch {
        return {
          ok: false,
          error: { code: 'timeout', message: `The host did not answer ${channel}` },
        };
      }
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

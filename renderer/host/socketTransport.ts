import { io, type Socket } from 'socket.io-client';
import { isHostEvent, TRANSPORT, type HostEvent } from '../../common/hostApi/channels.ts';
import { isHostEnvelope, type HostEnvelope } from '../../common/hostApi/errors.ts';
import type { RawHostTransport } from '../../common/hostApi/client.ts';

const CALL_TIMEOUT_MS = 10_000;

/** Browser mode: the host API over socket.io to the page's own origin. */
export function createSocketTransport(
  secret: string | null,
  url = window.location.origin,
): RawHostTransport & { socket: Socket; refused: () => boolean } {
  const socket = io(url, { transports: ['websocket'], auth: { secret } });
  // The host answers a page without this start's secret with 'unauthorized', every time, and
  // socket.io does not retry after that: calls waiting for the connection end at once.
  let refused = false;
  let onRefused = () => {};
  const refusal = new Promise<'refused'>((resolve) => {
    onRefused = () => resolve('refused');
  });
  socket.on('connect_error', (error) => {
    if (error.message !== 'unauthorized') return;
    refused = true;
    onRefused();
  });
  const listeners = new Map<HostEvent, Set<(payload: unknown) => void>>();
  socket.on(TRANSPORT.event, (name: unknown, payload: unknown) => {
    if (!isHostEvent(name)) return;
    for (const listener of listeners.get(name) ?? []) listener(payload);
  });
  return {
    socket,
    refused: () => refused,
    async invoke(channel, input): Promise<HostEnvelope> {
      const turnedAway: HostEnvelope = {
        ok: false,
        error: { code: 'forbidden', message: 'The host refused this page (no valid secret)' },
      };
      if (refused) return turnedAway;
      try {
        const reply: unknown = await Promise.race([
          socket.timeout(CALL_TIMEOUT_MS).emitWithAck(TRANSPORT.invoke, channel, input),
          refusal,
        ]);
        if (reply === 'refused') return turnedAway;
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

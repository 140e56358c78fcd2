import type { RawHostTransport } from '../../common/hostApi/client.ts';
import type { Host } from '../../electron/host/host.ts';

/** The real host, reached by a direct call instead of IPC or socket.io (the transports are tested on their own). */
export function directTransport(host: Host): RawHostTransport {
  return {
    invoke: (channel, input) => host.dispatch(channel, input),
    subscribe: (event, listener) =>
      host.events.subscribe((name, payload) => {
        if (name === event) listener(payload);
      }),
  };
}

/**
 * The IPC flavour of the host transport, written against an injected `invoke` so it is tested
 * without Electron. Whatever comes back is checked to be an envelope: the page always gets one.
 */
import type { HostChannel } from '../../common/hostApi/channels.ts';
import type { RawHostTransport } from '../../common/hostApi/client.ts';
import { isHostEnvelope, type HostEnvelope } from '../../common/hostApi/errors.ts';
import type { EventHub } from './eventHub.ts';

/** `ipcRenderer.invoke` bound to the transport's invoke channel. */
export type InvokeFn = (channel: HostChannel, input: unknown) => Promise<unknown>;

export function createIpcTransport(invoke: InvokeFn, hub: EventHub): RawHostTransport {
  return {
    async invoke(channel, input): Promise<HostEnvelope> {
      let reply: unknown;
      try {
        reply = await invoke(channel, input);
      } catch {
        // No handler (main not ready or gone) or a message that could not be cloned.
        return {
          ok: false,
          error: { code: 'unavailable', message: `The host did not answer ${channel}` },
        };
      }
      if (!isHostEnvelope(reply)) {
        return { ok: false, error: { code: 'internal', message: `Malformed reply on ${channel}` } };
      }
      return reply;
    },
    subscribe(event, listener) {
      return hub.subscribe(event, listener);
    },
  };
}

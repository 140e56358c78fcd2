import type { HostChannel, HostEvent } from './channels.ts';
import { HOST_CHANNELS, isHostEvent } from './channels.ts';
import type { ChannelInput, ChannelOutput, EventPayload } from './contract.schema.ts';
import { HostApiError, isHostEnvelope, type HostEnvelope } from './errors.ts';

/** The two primitives a transport provides; everything else is generic. */
export interface RawHostTransport {
  invoke(channel: HostChannel, input: unknown): Promise<HostEnvelope>;
  subscribe(event: HostEvent, listener: (payload: unknown) => void): () => void;
}

type Split<S extends string> = S extends `${infer Head}.${infer Tail}` ? [Head, Tail] : never;
type Namespaces = Split<HostChannel>[0];
type MethodsOf<N extends string> = {
  [C in HostChannel as Split<C>[0] extends N ? Split<C>[1] : never]: (
    ...args: ChannelInput<C> extends undefined ? [] : [input: ChannelInput<C>]
  ) => Promise<HostEnvelope<ChannelOutput<C>>>;
};

/** `window.dashport`: one named function per channel (`dashport.settings.get()`), plus `on`. */
export type NamedHostApi = { [N in Namespaces]: MethodsOf<N> } & {
  on<E extends HostEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Builds the named API from a transport; used by the preload and by browser mode alike. */
export function buildNamedHostApi(transport: RawHostTransport): NamedHostApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of HOST_CHANNELS) {
    const [ns, method] = channel.split('.') as [string, string];
    api[ns] ??= {};
    api[ns][method] = (input?: unknown) => transport.invoke(channel, input);
  }
  const on = (event: HostEvent, listener: (payload: unknown) => void) => {
    if (!isHostEvent(event) || typeof listener !== 'function') {
      throw new TypeError(`Unknown host event: ${String(event)}`);
    }
    return transport.subscribe(event, listener);
  };
  return Object.freeze({ ...api, on }) as unknown as NamedHostApi;
}

/** Turns the named API back into a transport, so the renderer's client is transport-agnostic. */
export function transportFromNamedApi(api: NamedHostApi): RawHostTransport {
  return {
    invoke(channel, input) {
      const [ns, method] = channel.split('.') as [string, string];
      const fn = (
        api as unknown as Record<string, Record<string, (i?: unknown) => Promise<unknown>>>
      )[ns]?.[method];
      if (!fn) return Promise.resolve(unknownChannel(channel));
      return fn(input).then((r) => (isHostEnvelope(r) ? r : malformed(channel)));
    },
    subscribe(event, listener) {
      return api.on(event, listener as never);
    },
  };
}

/** Typed calls that resolve to values and reject with `HostApiError`. */
export interface HostClient {
  call<C extends HostChannel>(
    channel: C,
    ...args: ChannelInput<C> extends undefined ? [] : [input: ChannelInput<C>]
  ): Promise<ChannelOutput<C>>;
  on<E extends HostEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createHostClient(transport: RawHostTransport): HostClient {
  return {
    async call(channel, ...args) {
      const envelope = await transport.invoke(channel, args[0]);
      if (!envelope.ok) throw new HostApiError(envelope.error);
      return envelope.value as never;
    },
    on(event, listener) {
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
  };
}

function unknownChannel(channel: string): HostEnvelope {
  return { ok: false, error: { code: 'unknown_channel', message: `Unknown channel: ${channel}` } };
}

function malformed(channel: string): HostEnvelope {
  return { ok: false, error: { code: 'internal', message: `Malformed reply on ${channel}` } };
}

import { useCallback, useRef, useState } from 'react';
import type { HostChannel } from '../../common/hostApi/channels.ts';
import type { ChannelInput, ChannelOutput } from '../../common/hostApi/contract.schema.ts';
import type { HostErrorCode } from '../../common/hostApi/errors.ts';
import { useHostData } from './hostContext.tsx';
import { errorCode } from './ids.ts';

export interface MutationState {
  pending: boolean;
  error: HostErrorCode | null;
}

/**
 * A host call that changes something (book, pay, mute), typed by the contract. `run` resolves with
 * the host's answer or rejects with its error (also kept in `error`), and on success the channels
 * named in `invalidates` are asked again by every open query. One run at a time: a second tap while
 * one is pending is refused rather than sent twice.
 */
export function useHostMutation<C extends HostChannel>(
  channel: C,
  options: { invalidates?: readonly HostChannel[] } = {},
): [(input: ChannelInput<C>) => Promise<ChannelOutput<C>>, MutationState] {
  const { host, cache } = useHostData();
  const [state, setState] = useState<MutationState>({ pending: false, error: null });
  const pending = useRef(false);
  // Compared by content: callers pass a fresh array each render.
  const invalidates = (options.invalidates ?? []).join(',');

  const run = useCallback(
    async (input: ChannelInput<C>) => {
      if (pending.current) throw new Error(`${channel} is already running`);
      pending.current = true;
      setState({ pending: true, error: null });
      try {
        const call = host.call as (c: C, i: unknown) => Promise<ChannelOutput<C>>;
        const value = await call(channel, input);
        setState({ pending: false, error: null });
        cache.invalidate(invalidates === '' ? [] : (invalidates.split(',') as HostChannel[]));
        return value;
      } catch (error) {
        setState({ pending: false, error: errorCode(error) });
        throw error;
      } finally {
        pending.current = false;
      }
    },
    [channel, host, cache, invalidates],
  );
  return [run, state];
}

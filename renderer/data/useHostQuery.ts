import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { HostChannel } from '../../common/hostApi/channels.ts';
import type { ChannelInput, ChannelOutput } from '../../common/hostApi/contract.schema.ts';
import type { HostErrorCode } from '../../common/hostApi/errors.ts';
import { useHostData } from './hostContext.tsx';
import { errorCode } from './ids.ts';
import { SLOW_AFTER_MS } from './useSlow.ts';

export type QueryState<T> =
  | { status: 'loading'; slow: boolean }
  /**
   * `stale`: the host answered from its offline cache (the cloud could not be asked).
   * `refreshing`: this is the session's last answer, shown while the host is asked again.
   */
  | { status: 'ok'; value: T; stale: boolean; refreshing: boolean }
  | { status: 'error'; code: HostErrorCode };

type Input<C extends HostChannel> = ChannelInput<C>;

function hostSaysStale(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { stale?: unknown }).stale === true
  );
}

/**
 * Asks the host one channel for a screen, typed by the contract: again when the input (or `key`)
 * changes, when a mutation invalidates the channel, and on retry(). `input` may be a function
 * read at call time (then `key` names what it depends on); null asks nothing (the screen lacks
 * what it needs to ask). While loading, `slow` turns true after a second (C7).
 */
export function useHostQuery<C extends HostChannel>(
  channel: C,
  input: Input<C> | (() => Input<C>) | null,
  options: { key?: string } = {},
): [QueryState<ChannelOutput<C>>, () => void] {
  const { host, cache } = useHostData();
  const version = useSyncExternalStore(cache.subscribe, () => cache.version(channel));
  const inputRef = useRef(input);
  useEffect(() => {
    inputRef.current = input;
  });
  let key: string | null = null;
  if (input !== null) {
    if (typeof input === 'function' && options.key === undefined) {
      throw new Error(`useHostQuery(${channel}): a computed input needs a key`);
    }
    key = `${channel}|${options.key ?? JSON.stringify(input ?? null)}`;
  }
  const [attempt, setAttempt] = useState(0);
  const id = key === null ? null : `${attempt}:${version}:${key}`;
  const [settled, setSettled] = useState<{
    id: string;
    state: QueryState<ChannelOutput<C>>;
  } | null>(null);
  const [slowId, setSlowId] = useState<string | null>(null);

  useEffect(() => {
    if (id === null || key === null) return;
    let live = true;
    const timer = setTimeout(() => {
      if (live) setSlowId(id);
    }, SLOW_AFTER_MS);
    const current = inputRef.current;
    const call = host.call as (c: C, i: unknown) => Promise<ChannelOutput<C>>;
    // A computed input that cannot be made now fails this load, never the screen.
    new Promise<unknown>((resolve) =>
      resolve(typeof current === 'function' ? (current as () => Input<C>)() : current),
    )
      .then((value) => call(channel, value))
      .then(
        (result) => {
          cache.set(key, result);
          if (live) {
            setSettled({
              id,
              state: {
                status: 'ok',
                value: result,
                stale: hostSaysStale(result),
                refreshing: false,
              },
            });
          }
        },
        (error: unknown) => {
          if (live) setSettled({ id, state: { status: 'error', code: errorCode(error) } });
        },
      );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, key, channel, host, cache]);

  let state: QueryState<ChannelOutput<C>>;
  if (settled && settled.id === id) state = settled.state;
  else {
    const held = key === null ? undefined : cache.get(key);
    state = held
      ? {
          status: 'ok',
          value: held.value as ChannelOutput<C>,
          stale: hostSaysStale(held.value),
          refreshing: true,
        }
      : // Nothing asked (a null input) is never slow.
        { status: 'loading', slow: id !== null && slowId === id };
  }
  return [state, () => setAttempt((a) => a + 1)];
}

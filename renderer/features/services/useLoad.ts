import { useEffect, useRef, useState } from 'react';
import type { HostErrorCode } from '../../../common/hostApi/errors.ts';
import { errorCode } from '../../store/commerceSlice.ts';

/** C7: a result that takes longer than this gets a visible "loading" note. */
export const SLOW_AFTER_MS = 1000;

export type LoadState<T> =
  | { status: 'loading'; slow: boolean }
  | { status: 'ok'; value: T }
  | { status: 'error'; code: HostErrorCode };

/**
 * Loads something from the host for a screen: again whenever `key` changes, and on retry().
 * While loading, `slow` turns true after a second, so the screen says it is loading only when
 * that is worth saying (and never with an animation: a static note is safe while moving).
 * A null key loads nothing (the screen lacks what it needs to ask).
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>): [LoadState<T>, () => void] {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [attempt, setAttempt] = useState(0);
  const id = key === null ? null : `${attempt}:${key}`;
  const [settled, setSettled] = useState<{ id: string; state: LoadState<T> } | null>(null);
  const [slowId, setSlowId] = useState<string | null>(null);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    const timer = setTimeout(() => {
      if (live) setSlowId(id);
    }, SLOW_AFTER_MS);
    loadRef.current().then(
      (value) => {
        if (live) setSettled({ id, state: { status: 'ok', value } });
      },
      (error: unknown) => {
        if (live) setSettled({ id, state: { status: 'error', code: errorCode(error) } });
      },
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);

  const state: LoadState<T> =
    settled && settled.id === id ? settled.state : { status: 'loading', slow: slowId === id };
  return [state, () => setAttempt((a) => a + 1)];
}

/** True once `waiting` has been true for over a second (C7), for loads kept in the store. */
export function useSlow(waiting: boolean): boolean {
  const [seen, setSeen] = useState({ waiting, slow: false });
  if (seen.waiting !== waiting) setSeen({ waiting, slow: false });
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(
      () => setSeen((s) => (s.waiting ? { ...s, slow: true } : s)),
      SLOW_AFTER_MS,
    );
    return () => clearTimeout(timer);
  }, [waiting]);
  return waiting && seen.slow;
}

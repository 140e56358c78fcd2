import { createElement, useEffect, useRef, useSyncExternalStore, type ComponentType } from 'react';

/** After a failed load, how long the screen waits (showing its busy area) before asking again. */
const LAZY_RETRY_MS = 1000;

export interface LazyScreen {
  component: ComponentType;
  /** Starts loading the screen's chunk (once); resolves when it can render at once. */
  preload: () => Promise<void>;
}

export interface LazyScreenOptions {
  retryMs?: number;
  /** Whether the place shows as busy while the chunk loads (a screen) or stays empty (home's cards). */
  busy?: boolean;
}

interface Loaded {
  component: ComponentType | null;
  /** Failed loads so far: a view that saw one asks again after a pause. */
  failures: number;
}

const ignore = () => {};

/** The screen area marked busy while its content loads (the bench probe waits for it to go). */
export const SCREEN_BUSY = createElement('div', {
  className: 'screen__loading',
  'aria-busy': true,
});

/**
 * A screen in its own chunk, off the boot path: loaded on first use or when preloaded. A screen
 * whose chunk is already in renders in the same pass as the tap. One not yet in shows its busy
 * area and renders the moment the chunk arrives, by an ordinary update: not by suspending, since
 * React holds back content that replaces a Suspense fallback for 300 ms (its reveal throttle),
 * which made a tap right after the start take 300-700 ms however fast the chunk came. A failed
 * load is forgotten, so the next visit asks again; the screen on view asks again after `retryMs`,
 * not at once (a host that is down would otherwise be asked in a loop).
 */
export function lazyScreen(
  load: () => Promise<ComponentType>,
  { retryMs = LAZY_RETRY_MS, busy = true }: LazyScreenOptions = {},
): LazyScreen {
  let state: Loaded = { component: null, failures: 0 };
  let loading: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  const settle = (next: Loaded) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const start = (): Promise<void> => {
    loading ??= load().then(
      (component) => settle({ component, failures: state.failures }),
      (error: unknown) => {
        loading = null;
        settle({ component: null, failures: state.failures + 1 });
        throw error;
      },
    );
    return loading;
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const current = () => state;

  function Screen() {
    const { component, failures } = useSyncExternalStore(subscribe, current, current);
    // Failures before this view are not its own: it asks at once, as a first visit does.
    const failuresBefore = useRef(failures);
    const ownFailure = failures > failuresBefore.current;
    // Asked while rendering, as React.lazy does: the load is idempotent and the chunk's request
    // should not wait for the commit.
    if (!component && !ownFailure) start().catch(ignore);
    useEffect(() => {
      if (component || !ownFailure) return undefined;
      const timer = setTimeout(() => start().catch(ignore), retryMs);
      return () => clearTimeout(timer);
    }, [component, ownFailure, failures]);
    if (component) return createElement(component);
    return busy ? SCREEN_BUSY : null;
  }
  return { component: Screen, preload: start };
}

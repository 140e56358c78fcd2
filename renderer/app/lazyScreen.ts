import { createElement, type ComponentType } from 'react';

/** After a failed load, how long the screen waits (showing the fallback) before asking again. */
const LAZY_RETRY_MS = 1000;

export interface LazyScreen {
  component: ComponentType;
  /** Starts loading the screen's chunk (once); resolves when it can render at once. */
  preload: () => Promise<void>;
}

/**
 * A screen in its own chunk, off the boot path: loaded on first use or when preloaded. Unlike
 * React.lazy, a screen whose chunk is already in renders in the same pass as the tap (no Suspense
 * fallback for a frame); one not yet in suspends as React.lazy does, by throwing its load. A failed
 * load is forgotten, so the next visit asks again; the screen on view asks again after
 * `retryMs`, not at once (a host that is down would otherwise be asked in a render loop).
 */
export function lazyScreen(
  load: () => Promise<ComponentType>,
  retryMs = LAZY_RETRY_MS,
): LazyScreen {
  let loaded: ComponentType | null = null;
  let loading: Promise<void> | null = null;
  const start = (): Promise<void> => {
    loading ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  function Screen() {
    if (loaded) return createElement(loaded);
    // Suspense's contract (as React.lazy): the boundary shows its fallback and renders again once
    // this settles. A failed load settles after a pause: the next render asks again.
    throw start().catch(() => new Promise<void>((resolve) => setTimeout(resolve, retryMs)));
  }
  return { component: Screen, preload: start };
}

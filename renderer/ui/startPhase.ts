import { useDeferredValue, useSyncExternalStore } from 'react';

/**
 * The start is over once the first live values are on screen and the page has been idle (or the
 * start stopped waiting for them). What only completes the picture waits for it: home's cards
 * and the clock. Their first Intl formatter alone costs ~100 ms on the head-unit profile, in one
 * piece no render can yield in, and it would hold back the frame with the car's values.
 */
let over = false;
const listeners = new Set<() => void>();

/** Called once by the entry module; later calls change nothing. */
export function endStart(): void {
  if (over) return;
  over = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isOver = () => over;

/**
 * False until the start is over, then true in a background render (interruptible, yielding to
 * input and to the bridge's messages). A part mounted after the start gets true at once.
 */
export function useAfterStart(): boolean {
  return useDeferredValue(useSyncExternalStore(subscribe, isOver), over);
}

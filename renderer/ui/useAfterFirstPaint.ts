import { useDeferredValue, useEffect } from 'react';

let painted = false;

/**
 * False in the app's first render, true in a render React does right after it, in the background
 * (a deferred value: interruptible, yielding to input and to the bridge's messages). What only
 * completes the picture (cards, the clock, whose first date format costs ~200 ms on the head-unit
 * profile) waits for it, so the first frame is the shell and the live readouts. Once the app has
 * painted, screens mounted later get true at once.
 */
export function useAfterFirstPaint(): boolean {
  const ready = useDeferredValue(true, painted);
  useEffect(() => {
    if (ready) painted = true;
  }, [ready]);
  return ready;
}

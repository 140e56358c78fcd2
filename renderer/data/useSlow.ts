import { useEffect, useState } from 'react';

/** C7: a result that takes longer than this gets a visible "loading" note. */
export const SLOW_AFTER_MS = 1000;

/**
 * True once `waiting` has been true for over a second (C7): only then is loading worth saying,
 * and never with an animation (a static note is safe while moving).
 */
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

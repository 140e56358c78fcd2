import { useEffect, useState } from 'react';

/** performance.now(), refreshed every `everyMs`: for ages and rates that change with time alone. */
export function useTicker(everyMs: number): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

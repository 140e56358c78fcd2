import { useEffect, useState } from 'react';

/** The current time, updated on each minute boundary (the clock shows no seconds). */
export function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const d = new Date();
      timer = setTimeout(
        () => {
          setNow(new Date());
          schedule();
        },
        60_000 - (d.getSeconds() * 1000 + d.getMilliseconds()) + 5,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, []);
  return now;
}

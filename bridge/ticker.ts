import type { SourceHandle } from './sources.ts';

/**
 * The clock every timed source runs on: calls `onTick` every `tickMs` with the wall-clock time
 * measured since the last tick (timers drift; a simulated or replayed clock should not). Paused
 * time does not count: after resume the first tick measures from the resume.
 */
export function startTicker(
  tickMs: number,
  /** Returns 'done' when the source has nothing more to play: the ticker stops for good. */
  onTick: (elapsedMs: number) => 'done' | void,
): SourceHandle {
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  let last = performance.now();
  const start = () => {
    last = performance.now();
    timer = setInterval(() => {
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      if (onTick(elapsed) === 'done') {
        stopped = true;
        halt();
      }
    }, tickMs);
  };
  const halt = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  start();
  return {
    stop: () => {
      stopped = true;
      halt();
    },
    pause: halt,
    resume: () => {
      if (!timer && !stopped) start();
    },
  };
}

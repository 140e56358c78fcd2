import type { Logger } from '../../common/log.ts';
import type { SignalSource } from '../sources.ts';
import { createReplayPlayer } from './player.ts';
import type { Timeline } from './timeline.ts';

/**
 * Puts a replay on a timer: the replay clock runs at `speedFactor` times wall-clock time, and
 * each sample is written to the store when it falls due (stamped with the wall-clock time it
 * was written). Between samples the store holds each signal's last value.
 */

export interface ReplaySourceOptions {
  loop?: boolean;
  speedFactor?: number;
  /** Wall-clock tick; default 10 ms. */
  tickMs?: number;
  logger?: Logger;
}

export function replaySource(timeline: Timeline, options: ReplaySourceOptions = {}): SignalSource {
  const { loop = false, speedFactor = 1, tickMs = 10, logger } = options;
  if (!(Number.isFinite(speedFactor) && speedFactor > 0)) {
    throw new RangeError('speedFactor must be a number > 0');
  }
  return (store) => {
    const player = createReplayPlayer(timeline, loop);
    let rejected = 0;
    let passes = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    let last = performance.now();

    const tick = () => {
      const now = performance.now();
      const due = player.advance((now - last) * speedFactor);
      last = now;
      const wall = Date.now();
      for (const sample of due) {
        if (!store.set(sample.path, sample.value, wall).ok) rejected += 1;
      }
      if (player.passes() !== passes) {
        passes = player.passes();
        logger?.info('replay.pass_completed', { passes, rejected });
      }
      if (player.done()) {
        halt();
        logger?.info('replay.finished', { rejected });
      }
    };
    const start = () => {
      last = performance.now();
      timer = setInterval(tick, tickMs);
    };
    const halt = () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    };

    tick(); // t = 0: the parked lead-in is there from the first moment
    if (!player.done()) start();
    return {
      stop: () => {
        stopped = true;
        halt();
      },
      pause: halt,
      resume: () => {
        if (!timer && !stopped && !player.done()) start();
      },
    };
  };
}

import type { Logger } from '../../common/log.ts';
import type { SignalSource } from '../sources.ts';
import { startTicker } from '../ticker.ts';
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
    const step = (elapsedMs: number): 'done' | void => {
      const due = player.advance(elapsedMs * speedFactor);
      const wall = Date.now();
      for (const sample of due) {
        if (!store.set(sample.path, sample.value, wall).ok) rejected += 1;
      }
      if (player.passes() !== passes) {
        passes = player.passes();
        logger?.info('replay.pass_completed', { passes, rejected });
      }
      if (player.done()) {
        logger?.info('replay.finished', { rejected });
        return 'done';
      }
    };
    step(0); // t = 0: the parked lead-in is there from the first moment
    if (player.done()) return { stop: () => {} };
    return startTicker(tickMs, step);
  };
}

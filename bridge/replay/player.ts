import type { TimedSample } from './sample.ts';
import type { Timeline } from './timeline.ts';

/**
 * Plays a timeline as a pure state machine: `advance(ms)` moves the replay clock and returns
 * every sample that fell due, in order. The caller decides how fast the clock runs.
 */

export interface ReplayPlayer {
  advance(elapsedMs: number): TimedSample[];
  /** Replay clock within the current pass, ms. */
  position(): number;
  /** Completed passes (a looping replay starts over after each). */
  passes(): number;
  /** True when a non-looping replay has played everything. */
  done(): boolean;
}

export function createReplayPlayer(timeline: Timeline, loop: boolean): ReplayPlayer {
  const { samples } = timeline;
  const endMs = Math.max(1, timeline.endMs);
  let clock = 0;
  let cursor = 0;
  let passes = 0;
  let finished = false;

  const due = (untilMs: number, out: TimedSample[]) => {
    while (cursor < samples.length) {
      const sample = samples[cursor] as TimedSample;
      if (sample.t > untilMs) break;
      out.push(sample);
      cursor += 1;
    }
  };

  return {
    advance(elapsedMs) {
      if (!(elapsedMs >= 0 && Number.isFinite(elapsedMs))) {
        throw new RangeError('elapsedMs must be a finite number >= 0');
      }
      const out: TimedSample[] = [];
      if (finished) return out;
      clock += elapsedMs;
      if (clock < endMs) {
        due(clock, out);
        return out;
      }
      due(endMs, out);
      if (!loop) {
        clock = endMs;
        finished = true;
        return out;
      }
      passes += 1;
      // A long pause must not replay many passes at once: carry over less than one.
      clock = (clock - endMs) % endMs;
      cursor = 0;
      due(clock, out);
      return out;
    },
    position: () => clock,
    passes: () => passes,
    done: () => finished,
  };
}

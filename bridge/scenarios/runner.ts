import type { VssPath } from '../../common/vss/signals.ts';
import type { VssValue } from '../../common/vss/types.ts';
import type { SignalStore } from '../signalStore.ts';
import type { SourceHandle } from '../sources.ts';

/**
 * Puts a deterministic vehicle model on a timer: every tick it advances the model by the
 * wall-clock time that passed (times the speed factor) and publishes the model's values.
 */

/** A pure state machine: tests step it by hand, the runner steps it in real time. */
export interface VehicleModel {
  step(elapsedMs: number): void;
  /** The values to publish now, every one valid for its VSS leaf. */
  signals(): [VssPath, VssValue][];
}

export interface RunModelOptions {
  /** Wall-clock publish period; default 100 ms. */
  tickMs?: number;
  /** Simulated time per wall-clock time. */
  speedFactor?: number;
}

export function runModel(
  store: SignalStore,
  model: VehicleModel,
  options: RunModelOptions = {},
): SourceHandle {
  const { tickMs = 100, speedFactor = 1 } = options;
  if (!(Number.isFinite(tickMs) && tickMs >= 10)) throw new RangeError('tickMs must be >= 10');
  if (!(Number.isFinite(speedFactor) && speedFactor > 0)) {
    throw new RangeError('speedFactor must be a number > 0');
  }
  const publish = () => {
    const now = Date.now();
    for (const [path, value] of model.signals()) store.set(path, value, now);
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  // Measured elapsed time, not tickMs: timers drift, and the simulated clock should not.
  let last = performance.now();
  const start = () => {
    last = performance.now();
    timer = setInterval(() => {
      const now = performance.now();
      model.step((now - last) * speedFactor);
      last = now;
      publish();
    }, tickMs);
  };
  const halt = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  let stopped = false;
  publish();
  start();
  return {
    stop: () => {
      stopped = true;
      halt();
    },
    // Paused time does not count: the model resumes where it stopped.
    pause: halt,
    resume: () => {
      if (!timer && !stopped) start();
    },
  };
}

import type { VssPath } from '../../common/vss/signals.ts';
import type { VssValue } from '../../common/vss/types.ts';
import type { SignalStore } from '../signalStore.ts';
import type { SourceHandle } from '../sources.ts';
import { startTicker } from '../ticker.ts';

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
  publish();
  return startTicker(tickMs, (elapsedMs) => {
    model.step(elapsedMs * speedFactor);
    publish();
  });
}

import type { SignalStore } from './signalStore.ts';

/**
 * The bridge's signal source (simulator scenario, trace replay, later a CAN decoder) and the
 * few things a test may do to it: pause it, resume it, or replace it.
 */

export interface SourceHandle {
  stop(): void;
  /** Sources that can hold still implement both; others are refused by the controller. */
  pause?(): void;
  resume?(): void;
}

/** Starts feeding `store` until stopped. */
export type SignalSource = (store: SignalStore) => SourceHandle;

export type ControlResult = { ok: true } | { ok: false; error: string };

export interface SourceState {
  label: string;
  running: boolean;
  paused: boolean;
}

export interface SourceController {
  pause(): ControlResult;
  resume(): ControlResult;
  /** Stops the current source, forgets every value it wrote, and starts `source`. */
  replace(source: SignalSource, label: string): void;
  state(): SourceState;
  stop(): void;
}

export function createSourceController(
  store: SignalStore,
  initial: SignalSource | undefined,
  label: string,
): SourceController {
  let current: SourceHandle | undefined = initial?.(store);
  let name = initial ? label : 'none';
  let paused = false;

  return {
    pause() {
      if (!current) return { ok: false, error: 'no source is running' };
      if (!current.pause) return { ok: false, error: `source ${name} cannot pause` };
      if (!paused) current.pause();
      paused = true;
      return { ok: true };
    },
    resume() {
      if (!current) return { ok: false, error: 'no source is running' };
      if (!current.resume) return { ok: false, error: `source ${name} cannot resume` };
      if (paused) current.resume();
      paused = false;
      return { ok: true };
    },
    replace(source, nextLabel) {
      current?.stop();
      // A value the new source never writes (fuel, in an electric car) must not linger.
      store.clear();
      current = source(store);
      name = nextLabel;
      paused = false;
    },
    state: () => ({ label: name, running: current !== undefined, paused }),
    stop() {
      current?.stop();
      current = undefined;
    },
  };
}

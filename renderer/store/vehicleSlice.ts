import type { StateCreator } from 'zustand';
import type { AppState } from './appStore.ts';

export type SignalValue = number | boolean | string;

export interface SignalSample {
  value: SignalValue;
  /** Source timestamp (ms since epoch) from the bridge's data point. */
  ts: number;
}

export type BridgeStatus = 'connecting' | 'connected' | 'disconnected';

export interface VehicleSlice {
  signals: Readonly<Record<string, SignalSample>>;
  bridge: BridgeStatus;
  /** Applies a batch; a sample older than the one held is ignored (out-of-order delivery). */
  applySamples(samples: Readonly<Record<string, SignalSample>>): void;
  setBridgeStatus(status: BridgeStatus): void;
  clearSignals(): void;
}

export const createVehicleSlice: StateCreator<AppState, [], [], VehicleSlice> = (set) => ({
  signals: {},
  bridge: 'connecting',
  applySamples: (samples) =>
    set(({ signals }) => {
      let next: Record<string, SignalSample> | null = null;
      for (const [path, sample] of Object.entries(samples)) {
        const held = signals[path];
        if (held && (held.ts > sample.ts || (held.ts === sample.ts && held.value === sample.value)))
          continue;
        next ??= { ...signals };
        next[path] = sample;
      }
      return next ? { signals: next } : {};
    }),
  setBridgeStatus: (bridge) => set({ bridge }),
  clearSignals: () => set({ signals: {} }),
});

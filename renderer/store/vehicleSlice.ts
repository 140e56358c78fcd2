import type { LinkCounter } from '../vehicle/linkStats.ts';
import type { StateCreator } from 'zustand';
import { inferDriveState, type DriveState } from '../../common/drive/driveState.ts';
import { PASSENGER_SEATS, SIGNAL, type VssPath } from '../../common/vss/signals.ts';
import { activeFlags } from '../../common/drive/uxTable.ts';
import { STALE_AFTER_MS } from '../vehicle/subscriptions.ts';
import type { SettingsSlice } from './settingsSlice.ts';

/** What the vehicle slice reads besides its own state: the variant's vehicle and UX table. */
type VehicleState = VehicleSlice & Pick<SettingsSlice, 'config'>;

export type SignalValue = number | boolean | string;

/** The latest sample of each signal the bridge has sent, by VSS path; absent: unknown. */
export type SignalMap = Partial<Record<VssPath, SignalSample>>;

export interface SignalSample {
  value: SignalValue;
  /** Source timestamp (ms since epoch) from the bridge's data point; orders readings. */
  ts: number;
  /** Local monotonic time of arrival (performance.now()); decides staleness. */
  receivedAt: number;
}

export type BridgeStatus = 'connecting' | 'connected' | 'disconnected';

export interface PassengerMode {
  active: boolean;
  /** performance.now() at which the confirmation lapses. */
  expiresAt: number;
}

export interface VehicleSlice {
  signals: Readonly<SignalMap>;
  bridge: BridgeStatus;
  /** The vehicle client's link counters (the engineering screen reads them); null: no client. */
  link: LinkCounter | null;
  driveState: DriveState;
  /** CarUxRestrictions-style bit mask in force; components read this, never the speed. */
  uxFlags: number;
  passenger: PassengerMode;
  /** Applies a batch; a reading older than the one held is ignored (out-of-order delivery). */
  applySamples(samples: Readonly<SignalMap>): void;
  /** Drops readings not refreshed within their limit; run on a short timer. */
  expireStale(now: number): void;
  setBridgeStatus(status: BridgeStatus): void;
  setLink(link: LinkCounter): void;
  clearSignals(): void;
  /** "I'm a passenger": granted only while a passenger seat reports OCCUPIED. */
  enterPassengerMode(now: number): boolean;
  exitPassengerMode(): void;
}

export function passengerSeatOccupied(signals: Readonly<SignalMap>): boolean {
  return PASSENGER_SEATS.some((seat) => signals[seat]?.value === 'OCCUPIED');
}

const num = (s: SignalSample | undefined) => (typeof s?.value === 'number' ? s.value : undefined);
const bool = (s: SignalSample | undefined) => (typeof s?.value === 'boolean' ? s.value : undefined);

/** Everything derived from the signals, recomputed in one place so it can never disagree with them. */
function derive(
  state: VehicleState,
  signals: Readonly<SignalMap>,
  passenger: PassengerMode,
  now: number,
) {
  const seatOk = passengerSeatOccupied(signals);
  const nextPassenger =
    passenger.active && (!seatOk || now >= passenger.expiresAt)
      ? { active: false, expiresAt: 0 }
      : passenger;
  const driveState = inferDriveState({
    selectedGear: num(signals[SIGNAL.selectedGear]),
    parkingBrake: bool(signals[SIGNAL.parkingBrake]),
    speedKmh: num(signals[SIGNAL.speed]),
    hasParkGear: state.config.vehicle.hasParkGear,
  });
  const uxFlags = activeFlags(state.config.uxRestrictions, driveState, nextPassenger.active);
  return { signals, passenger: nextPassenger, driveState, uxFlags };
}

const now = () => performance.now();
/** The signals held, in path order (the engineering screen's table and a diagnostics bundle). */
export function signalsByPath(map: Readonly<SignalMap>): [VssPath, SignalSample][] {
  return entries(map).sort(([a], [b]) => a.localeCompare(b));
}

/** Object.entries keyed as the map is (its keys are VSS paths by construction). */
const entries = (map: Readonly<SignalMap>) => Object.entries(map) as [VssPath, SignalSample][];

export const createVehicleSlice: StateCreator<VehicleState, [], [], VehicleSlice> = (set, get) => ({
  signals: {},
  bridge: 'connecting',
  link: null,
  driveState: 'UNKNOWN',
  uxFlags: 0, // replaced by the first derive() in createAppStore
  passenger: { active: false, expiresAt: 0 },
  applySamples: (samples) => {
    const state = get();
    let next: SignalMap | null = null;
    for (const [path, sample] of entries(samples)) {
      const held = state.signals[path];
      if (held && held.ts > sample.ts) continue;
      next ??= { ...state.signals };
      next[path] = sample;
    }
    if (next) set(derive(state, next, state.passenger, now()));
  },
  expireStale: (t) => {
    const state = get();
    let next: SignalMap | null = null;
    for (const [path, sample] of entries(state.signals)) {
      const limit = STALE_AFTER_MS[path];
      if (limit !== undefined && t - sample.receivedAt > limit) {
        next ??= { ...state.signals };
        delete next[path];
      }
    }
    const lapsed = state.passenger.active && t >= state.passenger.expiresAt;
    if (next || lapsed) set(derive(state, next ?? state.signals, state.passenger, t));
  },
  setBridgeStatus: (bridge) => set({ bridge }),
  setLink: (link) => set({ link }),
  clearSignals: () => set((state) => derive(state, {}, state.passenger, now())),
  enterPassengerMode: (t) => {
    const state = get();
    if (!passengerSeatOccupied(state.signals)) return false;
    const expiresAt = t + state.config.passengerMode.expiresAfterMinutes * 60_000;
    set(derive(state, state.signals, { active: true, expiresAt }, t));
    return true;
  },
  exitPassengerMode: () =>
    set((state) => derive(state, state.signals, { active: false, expiresAt: 0 }, now())),
});

/** The flags for a freshly created store (no signals yet: UNKNOWN, so restricted as moving). */
export function initialDerived(state: VehicleState) {
  return derive(state, state.signals, state.passenger, now());
}

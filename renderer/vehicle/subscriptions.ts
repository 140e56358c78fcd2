import type { ChangeFilter, SubscribeFilter, TimebasedFilter } from '../../common/viss/types.ts';
import { ON_ANY_CHANGE, everyMs } from '../../common/viss/requests.ts';
import { PASSENGER_SEATS, SIGNAL, type VssPath } from '../../common/vss/signals.ts';

export interface SignalSubscription {
  path: VssPath;
  /** Timebased period asked of the bridge. */
  periodMs: number;
  /** With no notification for this long the value is dropped (unknown): a stalled bridge must not freeze the UI. */
  staleAfterMs: number;
}

/** Heartbeat only: these also arrive on every change (ON_CHANGE_PATHS), which is what the eye sees. */
const fast = (path: VssPath): SignalSubscription => ({ path, periodMs: 100, staleAfterMs: 500 });
const medium = (path: VssPath): SignalSubscription => ({ path, periodMs: 250, staleAfterMs: 1500 });
const slow = (path: VssPath): SignalSubscription => ({ path, periodMs: 1000, staleAfterMs: 5000 });

/** What the app subscribes to: fast for what decides the drive state, slow for the rest. */
export const VEHICLE_SUBSCRIPTIONS: readonly SignalSubscription[] = [
  fast(SIGNAL.speed),
  fast(SIGNAL.selectedGear),
  medium(SIGNAL.parkingBrake),
  ...PASSENGER_SEATS.map(medium),
  slow(SIGNAL.fuelLevel),
  slow(SIGNAL.batteryLevel),
  slow(SIGNAL.range),
  slow(SIGNAL.latitude),
  slow(SIGNAL.longitude),
  slow(SIGNAL.heading),
  slow(SIGNAL.dayNightMode),
  slow(SIGNAL.lowVoltageSystemState),
  slow(SIGNAL.traveledDistance),
];

/**
 * Signals that decide the drive state. Their notifications skip the per-frame batch so that
 * locking the screen never waits for a frame, and gear and brake are also subscribed on change so
 * a shift arrives at once instead of at the next period (the period subscription stays as the
 * heartbeat that staleness needs).
 */
export const DRIVE_STATE_PATHS: ReadonlySet<VssPath> = new Set<VssPath>([
  SIGNAL.speed,
  SIGNAL.selectedGear,
  SIGNAL.parkingBrake,
]);
export const ON_CHANGE_PATHS: readonly VssPath[] = [
  SIGNAL.speed,
  SIGNAL.selectedGear,
  SIGNAL.parkingBrake,
];

/** One subscribe request: leaves notified together on one trigger. */
export interface SubscriptionGroup {
  requestId: string;
  paths: readonly VssPath[];
  filter: SubscribeFilter;
}

/**
 * What the app asks of the bridge on each connect: the periodic signals as one subscription per
 * period, and the drive-state signals as one on change. One subscription per leaf cost a message
 * per leaf and trigger, each handled on the renderer's main thread: about 60 at start-up before
 * the first frame with values, and 100 a second after.
 */
export const SUBSCRIPTION_GROUPS: readonly SubscriptionGroup[] = [
  ...[...new Set(VEHICLE_SUBSCRIPTIONS.map((s) => s.periodMs))].map((periodMs) => ({
    requestId: `every-${periodMs}`,
    paths: VEHICLE_SUBSCRIPTIONS.filter((s) => s.periodMs === periodMs).map((s) => s.path),
    filter: everyMs(periodMs),
  })),
  { requestId: 'on-change', paths: ON_CHANGE_PATHS, filter: ON_ANY_CHANGE },
];

export const STALE_AFTER_MS: Readonly<Partial<Record<VssPath, number>>> = Object.fromEntries(
  VEHICLE_SUBSCRIPTIONS.map((s) => [s.path, s.staleAfterMs]),
);

export interface EventSubscription {
  path: VssPath;
  /** Preferred: a notification on every change. */
  filter: ChangeFilter;
  /** For a bridge without change filters: a short poll whose edges are the events. */
  fallback: TimebasedFilter;
}

/**
 * Steering-wheel buttons are events, not levels: each change matters, none may be merged into a
 * frame batch, and there is nothing to go stale (no notification while nobody presses). So they
 * are subscribed on change (any difference) rather than on a period, and kept out of STALE_AFTER_MS.
 */
export const BUTTON_SUBSCRIPTION: EventSubscription = {
  path: SIGNAL.steeringWheelButton,
  filter: ON_ANY_CHANGE,
  fallback: everyMs(50),
};

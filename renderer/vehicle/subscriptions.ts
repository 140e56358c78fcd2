import { SIGNAL } from '../../common/vss/signals.ts';

/** What the app subscribes to and how often (ms). Fast for what the driver watches, slow for the rest. */
export const VEHICLE_SUBSCRIPTIONS: readonly { path: string; periodMs: number }[] = [
  { path: SIGNAL.speed, periodMs: 100 },
  { path: SIGNAL.selectedGear, periodMs: 100 },
  { path: SIGNAL.fuelLevel, periodMs: 1000 },
  { path: SIGNAL.range, periodMs: 1000 },
  { path: SIGNAL.latitude, periodMs: 1000 },
  { path: SIGNAL.longitude, periodMs: 1000 },
  { path: SIGNAL.dayNightMode, periodMs: 1000 },
];

import type { Screen } from '../store/navSlice.ts';

/** Something the car is expected at, from any feature: a test drive, a service drop-off. */
export interface Appointment {
  /** When it starts, ms since the epoch: the soonest is the one shown. */
  startsAt: number;
  /** "EX3 · 5 Dec 2026, 10:00 · Dashport Motors Hangzhou", in the current language. */
  line: string;
  /** Where its details are. */
  screen: Screen;
}

/** The soonest of the features' next appointments. */
export function soonest(candidates: readonly (Appointment | null)[]): Appointment | null {
  return candidates.reduce<Appointment | null>(
    (best, a) => (a && (!best || a.startsAt < best.startsAt) ? a : best),
    null,
  );
}

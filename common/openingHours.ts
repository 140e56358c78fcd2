/**
 * Weekly opening hours in the merchant's own time zone (IANA name), evaluated with Intl so the
 * same code runs in the cloud, the host (cached catalogue in a car park) and the renderer.
 */
import { wallClock } from './timeZone.ts';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * One opening on one day, local wall-clock `HH:MM`. `close` may be `24:00`; a `close` at or
 * before `open` means the period runs past midnight into the next day (`open == close`: 24 h).
 */
export interface OpeningPeriod {
  day: IsoWeekday;
  open: string;
  close: string;
}

export interface OpeningHours {
  timeZone: string;
  /** Open around the clock; `periods` is then ignored. */
  alwaysOpen: boolean;
  periods: readonly OpeningPeriod[];
}

export interface OpenState {
  open: boolean;
  /** When it next closes (if open) or opens (if closed), local time; null if it never changes. */
  nextChange: { day: IsoWeekday; time: string } | null;
}

export const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const DAY = 1440;
const WEEK = 7 * DAY;
const WEEKDAYS: Record<string, IsoWeekday> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

function minutesOf(hhmm: string): number {
  if (!HHMM.test(hhmm)) throw new RangeError(`not a HH:MM time: ${hhmm}`);
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Local weekday and minute of the day of an instant in a time zone. */
export function localWeekTime(at: Date, timeZone: string): { day: IsoWeekday; minute: number } {
  const clock = wallClock(at, timeZone);
  const day = WEEKDAYS[clock.weekday];
  if (!day) throw new RangeError(`cannot read the weekday in ${timeZone}`);
  return { day, minute: clock.hour * 60 + clock.minute };
}

/** Periods as merged [start, end) minute-of-week intervals, unrolled over two weeks. */
function intervals(periods: readonly OpeningPeriod[]): [number, number][] {
  const raw: [number, number][] = [];
  for (const p of periods) {
    const open = minutesOf(p.open);
    const close = minutesOf(p.close);
    if (open >= DAY) throw new RangeError(`a period cannot open at 24:00`);
    const length = close > open ? close - open : close - open + DAY;
    const start = (p.day - 1) * DAY + open;
    raw.push([start, start + length], [start + WEEK, start + WEEK + length]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of raw) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

function weekTimeOf(minuteOfWeek: number): { day: IsoWeekday; time: string } {
  const m = minuteOfWeek % WEEK;
  const day = (Math.floor(m / DAY) + 1) as IsoWeekday;
  const inDay = m % DAY;
  const hh = String(Math.floor(inDay / 60)).padStart(2, '0');
  const mm = String(inDay % 60).padStart(2, '0');
  return { day, time: `${hh}:${mm}` };
}

/** Whether the merchant is open at `at`, and when that next changes. */
export function openState(hours: OpeningHours, at: Date): OpenState {
  if (hours.alwaysOpen) return { open: true, nextChange: null };
  const { day, minute } = localWeekTime(at, hours.timeZone);
  const t = (day - 1) * DAY + minute;
  const merged = intervals(hours.periods);
  if (merged.some(([s, e]) => e - s >= WEEK)) return { open: true, nextChange: null };
  if (merged.length === 0) return { open: false, nextChange: null };
  for (const [s, e] of merged) {
    if ((s <= t && t < e) || (s <= t + WEEK && t + WEEK < e)) {
      return { open: true, nextChange: weekTimeOf(e) };
    }
  }
  const nextStart = merged.map(([s]) => s).find((s) => s > t) ?? (merged[0] as [number, number])[0];
  return { open: false, nextChange: weekTimeOf(nextStart) };
}

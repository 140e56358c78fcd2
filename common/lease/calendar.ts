/**
 * Calendar dates (YYYY-MM-DD) and local wall-clock times in an IANA time zone, with Intl only.
 * Contracts are written in dates ("starts 2026-01-31, 36 months"), so month arithmetic is on
 * dates and only turned into instants where a clock is compared.
 */
import { wallClock } from '../timeZone.ts';

export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a real calendar date; throws RangeError on anything else (2026-02-30 included). */
export function parseIsoDate(iso: string): DateParts {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${iso}`);
  }
  return { year, month, day };
}

export function formatIsoDate({ year, month, day }: DateParts): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 of a date (no time zone: dates count as whole days). */
function epochDay(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function addDays(iso: string, days: number): string {
  const d = new Date((epochDay(iso) + days) * DAY_MS);
  return formatIsoDate({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
  });
}

/** `to` minus `from` in calendar days. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/**
 * The same day `months` later (or earlier), clamped to the month's last day: 01-31 + 1 month is
 * 02-28 (or 02-29). Always counted from `iso`, so monthly anniversaries of a 31st do not drift.
 */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** The local calendar date of an instant in a time zone. */
export function localDate(at: Date | number, timeZone: string): string {
  return formatIsoDate(wallClock(at, timeZone));
}

/** Local time minus UTC at an instant, in ms (whole seconds). */
function offsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a local wall-clock time happens in a time zone. A repeated time (clocks going back)
 * resolves to its first occurrence; a skipped one (clocks going forward) is shifted forward by
 * the gap, as Temporal's "compatible" disambiguation does.
 */
export function zonedTime(iso: string, minuteOfDay: number, timeZone: string): number {
  const { year, month, day } = parseIsoDate(iso);
  const local = Date.UTC(year, month - 1, day) + minuteOfDay * 60_000;
  // The offsets a day either side cover both sides of any transition near this time.
  const before = local - offsetMs(local - DAY_MS, timeZone);
  const after = local - offsetMs(local + DAY_MS, timeZone);
  const shows = (t: number) => t + offsetMs(t, timeZone) === local;
  const matches = [before, after].filter(shows);
  return matches.length > 0 ? Math.min(...matches) : before;
}

/** The instant a local calendar day starts. */
export function startOfDay(iso: string, timeZone: string): number {
  return zonedTime(iso, 0, timeZone);
}

import { addDays, parseIsoDate, zonedTime } from '../common/lease/calendar.ts';

export interface Slot {
  /** Local date and time, YYYYMMDDHHMM: stable, readable, and unique per place. */
  code: string;
  startMs: number;
  endMs: number;
}

export interface SlotRule {
  /** ISO weekdays (1 = Monday) with slots. */
  weekdays: readonly number[];
  /** Local HH:MM start times. */
  times: readonly string[];
  durationMinutes: number;
  timeZone: string;
}

function isoWeekday(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * Appointment slots by a weekly rule, on local dates `from` .. `to` inclusive, that start after
 * `notBeforeMs`. Generated, not stored: only bookings are stored.
 */
export function slotsBetween(
  rule: SlotRule,
  from: string,
  to: string,
  notBeforeMs: number,
): Slot[] {
  const out: Slot[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!rule.weekdays.includes(isoWeekday(date))) continue;
    for (const time of rule.times) {
      const [h, m] = time.split(':').map(Number) as [number, number];
      const startMs = zonedTime(date, h * 60 + m, rule.timeZone);
      if (startMs < notBeforeMs) continue;
      out.push({
        code: `${date.replaceAll('-', '')}${time.replace(':', '')}`,
        startMs,
        endMs: startMs + rule.durationMinutes * 60_000,
      });
    }
  }
  return out;
}

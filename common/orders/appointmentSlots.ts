import { localWeekTime, openState, type OpeningHours } from '../openingHours.ts';

export interface SlotOptions {
  /** How many days to offer a time on (one slot a day: the earliest). */
  days: number;
  /** Not sooner than this: time to get there. */
  leadMinutes: number;
  /** Slots start on these local boundaries (:00 and :30). */
  stepMinutes: number;
  /** The workshop stays open at least this long after the drop-off. */
  workMinutes: number;
  /** How far ahead to look (the cloud takes bookings up to 14 days ahead). */
  horizonDays: number;
}

const DEFAULTS: SlotOptions = {
  days: 3,
  leadMinutes: 60,
  stepMinutes: 30,
  workMinutes: 60,
  horizonDays: 14,
};
const MINUTE = 60_000;

/** A vehicle service is booked for a drop-off time (checkout offers the slots); all else is for now. */
export function bookedForDropOff(category: string): boolean {
  return category === 'vehicle_service';
}

/**
 * Whether a merchant's menu can go in the cart now. A workshop takes a booking while it is
 * closed, since the drop-off is at a later time it is open (the cloud checks that time).
 */
export function takesOrdersNow(merchant: { category: string; openNow: boolean }): boolean {
  return merchant.openNow || bookedForDropOff(merchant.category);
}

/**
 * Drop-off times to offer for a vehicle service: the earliest slot on each of the next open days,
 * on the workshop's local half hours, far enough ahead to get there and with the workshop open for
 * the work after it. Three choices, not a calendar: a booking in two taps.
 */
export function appointmentSlots(
  hours: OpeningHours,
  now: Date,
  options: Partial<SlotOptions> = {},
): Date[] {
  const o = { ...DEFAULTS, ...options };
  const dayOf = new Intl.DateTimeFormat('en-CA', {
    timeZone: hours.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  let t = Math.ceil((now.getTime() + o.leadMinutes * MINUTE) / MINUTE) * MINUTE;
  const local = localWeekTime(new Date(t), hours.timeZone).minute;
  t += ((o.stepMinutes - (local % o.stepMinutes)) % o.stepMinutes) * MINUTE;
  const end = now.getTime() + o.horizonDays * 24 * 60 * MINUTE;
  const slots: Date[] = [];
  const days = new Set<string>();
  for (; t <= end && slots.length < o.days; t += o.stepMinutes * MINUTE) {
    const at = new Date(t);
    const day = dayOf.format(at);
    if (days.has(day)) continue;
    const lastMinute = new Date(t + (o.workMinutes - 1) * MINUTE);
    if (openState(hours, at).open && openState(hours, lastMinute).open) {
      slots.push(at);
      days.add(day);
    }
  }
  return slots;
}

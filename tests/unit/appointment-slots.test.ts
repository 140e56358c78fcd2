import { describe, expect, it } from 'vitest';
import { appointmentSlots, takesOrdersNow } from '../../common/orders/appointmentSlots.ts';
import type { OpeningHours } from '../../common/openingHours.ts';

// Van Ness Auto Service (seed): weekdays 07:30–18:00, Saturdays 08:00–16:00, closed on Sundays.
const WORKSHOP: OpeningHours = {
  timeZone: 'America/Los_Angeles',
  alwaysOpen: false,
  periods: [
    ...([1, 2, 3, 4, 5] as const).map((day) => ({ day, open: '07:30', close: '18:00' })),
    { day: 6, open: '08:00', close: '16:00' },
  ],
};
const ALWAYS: OpeningHours = { timeZone: 'Asia/Shanghai', alwaysOpen: true, periods: [] };
const NEVER: OpeningHours = { timeZone: 'Europe/Berlin', alwaysOpen: false, periods: [] };

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('appointmentSlots: drop-off times a service offers (San Francisco is UTC−7 in March 2026)', () => {
  it.each<[string, OpeningHours, string, string[]]>([
    [
      'Wednesday 11:00: noon today, then the opening of the next two days',
      WORKSHOP,
      '2026-03-11T18:00:00.000Z',
      ['2026-03-11T19:00:00.000Z', '2026-03-12T14:30:00.000Z', '2026-03-13T14:30:00.000Z'],
    ],
    [
      'Wednesday 16:10: 17:30 leaves no hour before closing, so tomorrow first',
      WORKSHOP,
      '2026-03-11T23:10:00.000Z',
      ['2026-03-12T14:30:00.000Z', '2026-03-13T14:30:00.000Z', '2026-03-14T15:00:00.000Z'],
    ],
    [
      'Friday 16:40: Saturday at 08:00, no Sunday, then Monday and Tuesday',
      WORKSHOP,
      '2026-03-13T23:40:00.000Z',
      ['2026-03-14T15:00:00.000Z', '2026-03-16T14:30:00.000Z', '2026-03-17T14:30:00.000Z'],
    ],
    [
      'always open, 11:05 in Hangzhou: 12:30 today, then midnight each next day',
      ALWAYS,
      '2026-03-11T03:05:00.000Z',
      ['2026-03-11T04:30:00.000Z', '2026-03-11T16:00:00.000Z', '2026-03-12T16:00:00.000Z'],
    ],
    ['never open: nothing to offer', NEVER, '2026-03-11T10:00:00.000Z', []],
  ])('%s', (_what, hours, now, expected) => {
    expect(iso(appointmentSlots(hours, new Date(now)))).toEqual(expected);
  });

  it('looks no further than the horizon', () => {
    // Saturday 15:30 with a one-day horizon: Sunday is closed, Monday is too far.
    const slots = appointmentSlots(WORKSHOP, new Date('2026-03-14T22:30:00.000Z'), {
      horizonDays: 1,
    });
    expect(slots).toEqual([]);
  });
});

describe('takesOrdersNow: whether a menu can go in the cart', () => {
  it.each([
    ['a café, open', 'coffee', true, true],
    ['a café, closed', 'coffee', false, false],
    ['a fuel station, closed', 'fuel', false, false],
    ['a workshop, open', 'vehicle_service', true, true],
    // Booked for a drop-off time it is open: the cloud checks that time, not now.
    ['a workshop, closed', 'vehicle_service', false, true],
  ])('%s', (_name, category, openNow, expected) => {
    expect(takesOrdersNow({ category, openNow })).toBe(expected);
  });
});

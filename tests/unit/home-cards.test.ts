import { describe, expect, it } from 'vitest';
import type { MerchantResult } from '../../common/cloudApi/catalog.schema.ts';
import type { StopList } from '../../common/cloudApi/endpoints.schema.ts';
import type { Favourite } from '../../common/cloudApi/favourites.schema.ts';
import type { TestDriveBooking } from '../../common/cloudApi/testDrives.schema.ts';
import { combinedStopFor } from '../../renderer/features/services/home/combinedStop.ts';
import { estimatePickup } from '../../renderer/features/services/home/pickupEstimate.ts';
import { openNearbyPicks } from '../../renderer/features/services/home/openNearbyPicks.ts';
import { nextBooking } from '../../renderer/features/testDrives/NextAppointment.tsx';
import { homeCardActions } from '../../renderer/ui/theme.ts';
import type { LocalOrder } from '../../common/hostApi/commerce.schema.ts';
import { soonest, type Appointment } from '../../renderer/data/appointment.ts';
import { nextServiceBooking } from '../../renderer/features/services/home/serviceAppointment.ts';
import { orderForHome } from '../../renderer/features/services/orderView.ts';

const place = (
  id: string,
  category: MerchantResult['category'],
  distanceM: number,
  openNow = true,
) => ({ id, category, distanceM, openNow }) as MerchantResult;

describe('openNearbyPicks: what a new car is invited to', () => {
  const cases: [string, MerchantResult[], number, string[]][] = [
    ['nothing found', [], 3, []],
    [
      'one per category before a second of any, nearest first',
      [
        place('cafe-a', 'coffee', 100),
        place('cafe-b', 'coffee', 150),
        place('diner', 'food', 400),
        place('gas', 'fuel', 900),
      ],
      3,
      ['cafe-a', 'diner', 'gas'],
    ],
    [
      'closed places are never offered',
      [place('cafe-a', 'coffee', 100, false), place('diner', 'food', 400)],
      3,
      ['diner'],
    ],
    [
      'fills with second places when categories run out',
      [place('cafe-b', 'coffee', 150), place('cafe-a', 'coffee', 100), place('diner', 'food', 50)],
      3,
      ['diner', 'cafe-a', 'cafe-b'],
    ],
    [
      'as many as the card fits',
      [place('a', 'coffee', 1), place('b', 'food', 2), place('c', 'fuel', 3)],
      2,
      ['a', 'b'],
    ],
  ];
  it.each(cases)('%s', (_name, merchants, n, expected) => {
    expect(openNearbyPicks(merchants, n).map((m) => m.id)).toEqual(expected);
  });
});

describe('homeCardActions: actions a home card lists on a panel', () => {
  const cases: [string, { widthPx: number; heightPx: number; pxPerInch: number }, number][] = [
    ['dev 1920×720 at 166 ppi (110 mm tall)', { widthPx: 1920, heightPx: 720, pxPerInch: 166 }, 3],
    ['hangzhou 1280×480 at 133 ppi (92 mm)', { widthPx: 1280, heightPx: 480, pxPerInch: 133 }, 2],
    ['a portrait 1200×1920 at 200 ppi', { widthPx: 1200, heightPx: 1920, pxPerInch: 200 }, 3],
    ['exactly 100 mm', { widthPx: 1000, heightPx: 1000, pxPerInch: 254 }, 3],
  ];
  it.each(cases)('%s', (_name, panel, expected) => {
    expect(homeCardActions(panel)).toBe(expected);
  });
});

describe('nextBooking: the appointment on the home screen', () => {
  const now = new Date('2026-12-04T10:00:00Z');
  const booking = (id: string, start: string, end: string, state = 'booked') =>
    ({ clientBookingId: id, start, end, state }) as TestDriveBooking;
  it.each([
    ['none', [], undefined],
    [
      'the soonest booked one still to come or under way',
      [
        booking('later', '2026-12-06T10:00:00Z', '2026-12-06T11:00:00Z'),
        booking('now', '2026-12-04T09:30:00Z', '2026-12-04T10:30:00Z'),
        booking('past', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z'),
      ],
      'now',
    ],
    [
      'a cancelled one is no appointment',
      [booking('gone', '2026-12-05T10:00:00Z', '2026-12-05T11:00:00Z', 'cancelled')],
      undefined,
    ],
  ] as [string, TestDriveBooking[], string | undefined][])('%s', (_name, list, expected) => {
    expect(nextBooking(list, now)?.clientBookingId).toBe(expected);
  });
});

describe('estimatePickup: when the driver is at the counter', () => {
  const now = new Date('2026-12-04T10:00:00Z');
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  it.each([
    // 2 km at 60 km/h = 2 min, 5 min filling up, 150 m on foot = 2 min.
    ['fuel, cruising', { stationDistanceM: 2000, speedKmh: 60, walkM: 150, energy: 'fuel' }, at(9)],
    // Stopped in traffic: the rest at city speed (30 km/h): 2 km = 4 min.
    ['fuel, stopped', { stationDistanceM: 2000, speedKmh: 0, walkM: 150, energy: 'fuel' }, at(11)],
    [
      'speed unknown',
      { stationDistanceM: 2000, speedKmh: undefined, walkM: 150, energy: 'fuel' },
      at(11),
    ],
    // A charger charges while the driver walks over: no filling-up time.
    [
      'charging',
      { stationDistanceM: 2000, speedKmh: 60, walkM: 150, energy: 'ev_charging' },
      at(4),
    ],
    // Rounded up to the whole minute: never ready before the driver can be there.
    ['rounded up', { stationDistanceM: 100, speedKmh: 60, walkM: 0, energy: 'ev_charging' }, at(1)],
  ] as const)('%s', (_name, input, expected) => {
    expect(estimatePickup({ now, ...input }).toISOString()).toBe(expected);
  });
});

describe('combinedStopFor: the stop to propose', () => {
  const fav = (id: string, merchantId: string, orderable = true) =>
    ({ id, merchantId, orderable }) as Favourite;
  const stop = (stationId: string, nearbyIds: string[]) =>
    ({
      station: { id: stationId },
      nearby: nearbyIds.map((id) => ({ id, walkM: 100 })),
    }) as unknown as StopList['stops'][number];
  it.each([
    ['no stops', [], [fav('f1', 'cafe')], null],
    ['no favourite nearby', [stop('gas', ['diner'])], [fav('f1', 'cafe')], null],
    [
      'the first stop with a favourite, in the cloud’s order (ahead first)',
      [stop('gas-ahead', ['diner']), stop('gas-behind', ['cafe'])],
      [fav('f1', 'cafe'), fav('f2', 'diner')],
      'gas-ahead:f2',
    ],
    [
      'at that stop, the favourite put first',
      [stop('gas', ['cafe', 'diner'])],
      [fav('f2', 'diner'), fav('f1', 'cafe')],
      'gas:f2',
    ],
    [
      'a favourite off the menu is not proposed',
      [stop('gas', ['cafe'])],
      [fav('f1', 'cafe', false)],
      null,
    ],
  ] as [string, StopList['stops'], Favourite[], string | null][])('%s', (_n, stops, favs, want) => {
    const found = combinedStopFor(stops, favs);
    expect(found ? `${found.station.id}:${found.favourite.id}` : null).toBe(want);
  });
});

describe('service bookings: the next appointment and the order card', () => {
  const NOW = Date.parse('2026-03-11T18:00:00.000Z');
  const booking = (
    id: string,
    pickupAt: string | null,
    extra: { category?: 'vehicle_service' | 'coffee'; state?: string; delivery?: string } = {},
  ) =>
    ({
      clientOrderId: id,
      delivery: extra.delivery ?? 'sent',
      failure: null,
      order: { state: extra.state ?? 'accepted', updatedAt: '2026-03-11T17:00:00.000Z' },
      summary: {
        merchantId: 'sf-van-ness-service',
        merchantName: 'Van Ness Auto Service',
        category: extra.category ?? 'vehicle_service',
        pickupAt,
        lines: [],
      },
      queuedAt: '2026-03-11T17:00:00.000Z',
      sentAt: '2026-03-11T17:00:01.000Z',
    }) as unknown as LocalOrder;

  it.each<[string, LocalOrder[], string | null]>([
    ['none', [], null],
    [
      'the soonest drop-off still to come',
      [booking('fri', '2026-03-13T16:00:00.000Z'), booking('thu', '2026-03-12T16:00:00.000Z')],
      'thu',
    ],
    ['one just due still counts', [booking('now', '2026-03-11T17:45:00.000Z')], 'now'],
    ['one long past does not', [booking('past', '2026-03-11T17:00:00.000Z')], null],
    [
      'a cancelled one does not',
      [booking('c', '2026-03-12T16:00:00.000Z', { state: 'cancelled' })],
      null,
    ],
    [
      'a refused one does not',
      [booking('f', '2026-03-12T16:00:00.000Z', { delivery: 'failed' })],
      null,
    ],
    [
      'a coffee for a time is no appointment',
      [booking('k', '2026-03-11T18:10:00.000Z', { category: 'coffee' })],
      null,
    ],
    ['a service without a time is no appointment', [booking('n', null)], null],
  ])('nextServiceBooking: %s', (_what, orders, expected) => {
    expect(nextServiceBooking(orders, NOW)?.clientOrderId ?? null).toBe(expected);
  });

  it('leaves a booking hours ahead to the appointment card, not the order under way', () => {
    const later = booking('later', '2026-03-12T16:00:00.000Z');
    const soon = booking('soon', '2026-03-11T18:30:00.000Z');
    expect(orderForHome([later], NOW)).toBeNull();
    expect(orderForHome([soon, later], NOW)?.clientOrderId).toBe('soon');
  });

  it('soonest: the earliest of the features’ appointments', () => {
    const a = { startsAt: 2, line: 'a', screen: { name: 'home' } } as Appointment;
    const b = { startsAt: 1, line: 'b', screen: { name: 'home' } } as Appointment;
    expect(soonest([null, a, b])?.line).toBe('b');
    expect(soonest([null, null])).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '../../common/cloudApi/errors.schema.ts';
import {
  TestDriveBookingListSchema,
  TestDriveBookingSchema,
  TestDriveModelListSchema,
  TestDriveSlotListSchema,
  type TestDriveSlot,
} from '../../common/cloudApi/testDrives.schema.ts';
import type { CloudServer } from '../../cloud/server.ts';
import { api, cloudHarness, TOKEN_1, TOKEN_2, WEDNESDAY, type Harness } from '../support/cloud.ts';

let h: Harness;
let server: CloudServer;
let clock: Date;

beforeEach(async () => {
  h = cloudHarness();
  clock = WEDNESDAY; // 11:00 in San Francisco
  server = await h.start({ now: () => clock });
});

afterEach(async () => {
  await h.cleanup();
});

const errorCode = (body: unknown) => ErrorResponseSchema.parse(body).error.code;

async function slots(modelId: string, token = TOKEN_1): Promise<TestDriveSlot[]> {
  const res = await api(server, token).get(`/v1/test-drives/slots?modelId=${modelId}`);
  expect(res.status).toBe(200);
  return TestDriveSlotListSchema.parse(res.body).slots;
}

const book = (id: string, slotId: string, token = TOKEN_1) =>
  api(server, token).put(`/v1/test-drives/bookings/${id}`, { slotId });

describe('test-drive models and slots', () => {
  it('lists the models, each at its dealer', async () => {
    const res = await api(server, TOKEN_1).get('/v1/test-drives/models');
    expect(res.status).toBe(200);
    const { models } = TestDriveModelListSchema.parse(res.body);
    expect(models.map((m) => m.id)).toEqual(['ex3', 'ex1-touring', 's-hybrid', 'ex3-munich']);
    expect(models[0]).toMatchObject({
      name: 'Dashport EX3',
      powertrain: 'BEV',
      currency: 'USD',
      dealer: { city: 'San Francisco', timeZone: 'America/Los_Angeles' },
    });
  });

  it('offers dealer-local slots Monday to Saturday for 14 days, at least two hours ahead', async () => {
    const all = await slots('ex3');
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
      weekday: 'short',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    // Today from 13:00 (11:30 is under two hours away), then 11 more Mon–Sat days of five.
    expect(all[0]?.slotId).toBe('tds_ex3_202603111300');
    expect(all).toHaveLength(3 + 11 * 5);
    for (const slot of all) {
      expect(slot.available).toBe(true);
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(45 * 60_000);
      expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(clock.getTime() + 2 * 3_600_000);
      expect(local.format(new Date(slot.start))).toMatch(
        /^(Mon|Tue|Wed|Thu|Fri|Sat), \d\d\/\d\d, (10:00|11:30|13:00|14:30|16:00)$/,
      );
    }
    expect(all.at(-1)?.slotId).toBe('tds_ex3_202603241600');
    // Munich's model runs on Munich time.
    expect((await slots('ex3-munich'))[0]?.slotId).toBe('tds_ex3-munich_202603121000');
  });

  it('answers 404 for an unknown model and 400 without one', async () => {
    const unknown = await api(server, TOKEN_1).get('/v1/test-drives/slots?modelId=no-such-car');
    expect(unknown.status).toBe(404);
    expect((await api(server, TOKEN_1).get('/v1/test-drives/slots')).status).toBe(400);
    expect((await api(server).get('/v1/test-drives/models')).status).toBe(401);
  });
});

describe('test-drive bookings', () => {
  it('books idempotently and refuses a different slot under the same id', async () => {
    const [slot, other] = await slots('ex3');
    if (!slot || !other) throw new Error('slots expected');
    const first = await book('drive-000001', slot.slotId);
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe('/v1/test-drives/bookings/drive-000001');
    const booking = TestDriveBookingSchema.parse(first.body);
    expect(booking).toMatchObject({
      state: 'booked',
      slotId: slot.slotId,
      modelId: 'ex3',
      modelName: 'Dashport EX3',
      start: slot.start,
      dealer: { id: 'sf-van-ness-dealer' },
    });
    const again = await book('drive-000001', slot.slotId);
    expect(again.status).toBe(200);
    expect(TestDriveBookingSchema.parse(again.body).bookingId).toBe(booking.bookingId);
    const conflict = await book('drive-000001', other.slotId);
    expect(conflict.status).toBe(409);
    expect(errorCode(conflict.body)).toBe('idempotency_conflict');
  });

  it('gives a slot to one car only: 409 slot_taken, shown as unavailable', async () => {
    const [slot] = await slots('ex3');
    if (!slot) throw new Error('a slot expected');
    expect((await book('drive-000002', slot.slotId)).status).toBe(201);
    const taken = await book('drive-000003', slot.slotId, TOKEN_2);
    expect(taken.status).toBe(409);
    expect(errorCode(taken.body)).toBe('slot_taken');
    const mine = await book('drive-000004', slot.slotId); // same car, new id: still taken
    expect(mine.status).toBe(409);
    expect((await slots('ex3', TOKEN_2))[0]).toMatchObject({
      slotId: slot.slotId,
      available: false,
    });
  });

  it('lets exactly one of two racing cars have a slot', async () => {
    const [slot] = await slots('s-hybrid');
    if (!slot) throw new Error('a slot expected');
    const results = await Promise.all([
      book('race-car-one', slot.slotId, TOKEN_1),
      book('race-car-two', slot.slotId, TOKEN_2),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('cancels (again safely), frees the slot, and lists bookings per car', async () => {
    const [slot] = await slots('ex3');
    if (!slot) throw new Error('a slot expected');
    expect((await book('drive-000005', slot.slotId)).status).toBe(201);
    const cancelled = await api(server, TOKEN_1).delete('/v1/test-drives/bookings/drive-000005');
    expect(cancelled.status).toBe(200);
    expect(TestDriveBookingSchema.parse(cancelled.body).state).toBe('cancelled');
    const again = await api(server, TOKEN_1).delete('/v1/test-drives/bookings/drive-000005');
    expect(again.status).toBe(200);
    expect((await slots('ex3'))[0]?.available).toBe(true);
    expect((await book('drive-000006', slot.slotId, TOKEN_2)).status).toBe(201);

    const list = async (token: string) =>
      TestDriveBookingListSchema.parse(
        (await api(server, token).get('/v1/test-drives/bookings')).body,
      ).bookings;
    expect((await list(TOKEN_1)).map((b) => [b.clientBookingId, b.state])).toEqual([
      ['drive-000005', 'cancelled'],
    ]);
    expect((await list(TOKEN_2)).map((b) => [b.clientBookingId, b.state])).toEqual([
      ['drive-000006', 'booked'],
    ]);
    // Another car's booking is not found, not cancellable.
    const foreign = await api(server, TOKEN_1).delete('/v1/test-drives/bookings/drive-000006');
    expect(foreign.status).toBe(404);
  });

  it('refuses to cancel a test drive that has started', async () => {
    const [slot] = await slots('ex3');
    if (!slot) throw new Error('a slot expected');
    expect((await book('drive-000007', slot.slotId)).status).toBe(201);
    clock = new Date(Date.parse(slot.start) + 60_000);
    const res = await api(server, TOKEN_1).delete('/v1/test-drives/bookings/drive-000007');
    expect(res.status).toBe(409);
    expect(errorCode(res.body)).toBe('not_cancellable');
  });

  it.each([
    ['an unknown model', 'tds_no-such-car_202603121000', 'unknown_slot'],
    ['a past slot', 'tds_ex3_202603101000', 'slot_unavailable'],
    ['one under two hours away', 'tds_ex3_202603111130', 'slot_unavailable'],
    ['a Sunday', 'tds_ex3_202603151000', 'slot_unavailable'],
    ['a time the dealer has no slot', 'tds_ex3_202603121015', 'slot_unavailable'],
    ['beyond the 14 days', 'tds_ex3_202603261000', 'slot_unavailable'],
  ])('refuses %s with 422', async (_name, slotId, code) => {
    const res = await book('drive-bad-01', slotId);
    expect(res.status).toBe(422);
    expect(errorCode(res.body)).toBe(code);
  });

  it('validates the booking id and slot id', async () => {
    expect((await book('x', 'tds_ex3_202603121000')).status).toBe(400);
    expect((await book('drive-000008', 'tomorrow at ten')).status).toBe(400);
  });
});

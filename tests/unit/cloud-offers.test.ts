import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsentSyncResponseSchema } from '../../common/cloudApi/consents.schema.ts';
import { ErrorResponseSchema } from '../../common/cloudApi/errors.schema.ts';
import { OfferListSchema, type OfferList } from '../../common/cloudApi/offers.schema.ts';
import { unauthenticatedCounts, receivedRecords } from '../../cloud/audit.ts';
import type { CloudServer } from '../../cloud/server.ts';
import { api, cloudHarness, TOKEN_1, TOKEN_2, WEDNESDAY, type Harness } from '../support/cloud.ts';

let h: Harness;
let server: CloudServer;
let clock: Date;

beforeEach(async () => {
  h = cloudHarness();
  clock = WEDNESDAY;
  server = await h.start({ now: () => clock });
});

afterEach(async () => {
  await h.cleanup();
});

/** Near Van Ness Fuel (San Francisco), and near the Leopoldstraße station (Munich). */
const SF = { lat: 37.7793, lon: -122.4193 };
const MUNICH = { lat: 48.16, lon: 11.58 };
const NON_TARGETED = ['civic-roasters-welcome', 'ex3-meet'];

async function offers(query: string, token = TOKEN_1): Promise<OfferList> {
  const res = await api(server, token).get(`/v1/offers${query ? `?${query}` : ''}`);
  expect(res.status).toBe(200);
  return OfferListSchema.parse(res.body);
}
const ids = (list: OfferList) => list.offers.map((o) => o.id);

describe('offers', () => {
  it('without the personalised consent answers only non-targeted offers', async () => {
    const plain = await offers('');
    expect(plain.personalised).toBe(false);
    expect(ids(plain)).toEqual(NON_TARGETED);
    for (const o of plain.offers) expect(o.trigger).toBe('none');
    expect(plain.offers[0]).toMatchObject({
      subject: {
        kind: 'merchant',
        merchantId: 'sf-civic-roasters',
        merchantName: 'Civic Center Roasters',
      },
      promoCode: 'DASH10',
    });
    // Context sent without the consent is ignored.
    const context = `leaseEnding=true&fuelLevel=low&lat=${SF.lat}&lon=${SF.lon}&timeOfDay=morning`;
    expect(ids(await offers(context))).toEqual(NON_TARGETED);
    expect(ids(await offers(`personalised=false&${context}`))).toEqual(NON_TARGETED);
  });

  it.each([
    ['lease ending', 'leaseEnding=true', ['lease-end-next-car', 'lease-end-inspection']],
    [
      'low fuel near a San Francisco partner',
      `fuelLevel=low&lat=${SF.lat}&lon=${SF.lon}`,
      ['van-ness-fuel-low'],
    ],
    [
      'low fuel near a Munich partner',
      `fuelLevel=low&lat=${MUNICH.lat}&lon=${MUNICH.lon}`,
      ['leopold-fuel-low'],
    ],
    ['low fuel far from any partner', 'fuelLevel=low&lat=0&lon=0', []],
    ['low fuel without a position', 'fuelLevel=low', []],
    ['a full tank near a partner', `fuelLevel=high&lat=${SF.lat}&lon=${SF.lon}`, []],
    ['the morning', 'timeOfDay=morning', ['hayes-morning-coffee']],
    ['the evening', 'timeOfDay=evening', ['sendlinger-evening']],
    ['the night', 'timeOfDay=night', []],
  ])('with the consent, targets %s (targeted first)', async (_name, context, targeted) => {
    const list = await offers(`personalised=true&limit=20&${context}`);
    expect(list.personalised).toBe(true);
    expect(ids(list)).toEqual([...targeted, ...NON_TARGETED]);
  });

  it('answers only offers valid now', async () => {
    const all = await offers('personalised=true&limit=20&leaseEnding=true&timeOfDay=morning');
    expect(ids(all)).not.toContain('polk-burgers-expired');
    expect(ids(all)).not.toContain('soma-wash-upcoming');
    for (const o of all.offers) {
      expect(Date.parse(o.validFrom)).toBeLessThanOrEqual(clock.getTime());
      expect(Date.parse(o.validUntil)).toBeGreaterThan(clock.getTime());
    }
    clock = new Date(clock.getTime() + 31 * 86_400_000);
    expect(ids(await offers(''))).toEqual([...NON_TARGETED, 'soma-wash-upcoming']);
  });

  it('speaks the requested locale and honours the limit', async () => {
    const de = await offers('locale=de&personalised=true&leaseEnding=true');
    expect(de.offers[0]?.title).toBe('Ihr Leasing endet bald');
    const zh = await offers('locale=zh-CN');
    expect(zh.offers[1]?.title).toBe('全新 EX3');
    expect(ids(await offers('personalised=true&leaseEnding=true&limit=1'))).toEqual([
      'lease-end-next-car',
    ]);
  });

  it.each([
    ['a latitude without a longitude', 'lat=37.7'],
    ['a personalised flag that is not true or false', 'personalised=yes'],
    ['an unknown fuel bucket', 'fuelLevel=empty'],
    ['an exact time instead of a bucket', 'timeOfDay=07:45'],
    ['an unknown locale', 'locale=fr'],
  ])('refuses %s with 400', async (_name, query) => {
    const res = await api(server, TOKEN_1).get(`/v1/offers?${query}`);
    expect(res.status).toBe(400);
    expect(ErrorResponseSchema.parse(res.body).error.code).toBe('invalid_request');
  });

  it('needs the vehicle token', async () => {
    expect((await api(server).get('/v1/offers')).status).toBe(401);
  });
});

describe('consent records', () => {
  const sync = (records: unknown[], token = TOKEN_1) =>
    api(server, token).post('/v1/consents', { records });

  it('keeps the history once and answers the latest decision per purpose', async () => {
    const records = [
      { purpose: 'location', granted: true, at: '2026-03-11T17:00:00Z' },
      { purpose: 'personalised_offers', granted: true, at: '2026-03-11T17:00:00Z' },
      { purpose: 'location', granted: false, at: '2026-03-11T17:30:00Z' },
    ];
    const first = await sync(records);
    expect(first.status).toBe(200);
    expect(ConsentSyncResponseSchema.parse(first.body)).toEqual({
      stored: 3,
      consents: [
        { purpose: 'location', granted: false, at: '2026-03-11T17:30:00.000Z' },
        { purpose: 'personalised_offers', granted: true, at: '2026-03-11T17:00:00.000Z' },
      ],
    });
    const retry = ConsentSyncResponseSchema.parse((await sync(records)).body);
    expect(retry.stored).toBe(0);
    const other = ConsentSyncResponseSchema.parse(
      (
        await sync(
          [{ purpose: 'mileage_sharing', granted: true, at: '2026-03-11T17:00:00Z' }],
          TOKEN_2,
        )
      ).body,
    );
    expect(other.consents.map((c) => c.purpose)).toEqual(['mileage_sharing']);
  });

  it.each([
    [
      'an unknown purpose',
      [{ purpose: 'selling_data', granted: true, at: '2026-03-11T17:00:00Z' }],
    ],
    ['no records', []],
    ['a missing time', [{ purpose: 'location', granted: true }]],
  ])('refuses %s with 400', async (_name, records) => {
    expect((await sync(records)).status).toBe(400);
  });
});

describe('the server’s record of what it received', () => {
  it('records positions and odometers a vehicle sent, with their values', async () => {
    await api(server, TOKEN_1).get(`/v1/merchants?lat=${SF.lat}&lon=${SF.lon}&radiusM=2000`);
    await api(server, TOKEN_1).get(
      `/v1/offers?personalised=true&fuelLevel=low&lat=${SF.lat}&lon=${SF.lon}`,
    );
    await api(server, TOKEN_2).post('/v1/account/mileage', {
      odometerM: 12_345_000,
      at: '2026-03-11T17:00:00Z',
    });
    const records = receivedRecords(server.db);
    expect(records.map((r) => [r.method, r.route, r.vehicleId])).toEqual([
      ['GET', '/v1/merchants', 'veh-demo-1'],
      ['GET', '/v1/offers', 'veh-demo-1'],
      ['POST', '/v1/account/mileage', 'veh-demo-2'],
    ]);
    expect(records[0]).toMatchObject({
      position: SF,
      odometerM: null,
      keys: ['lat', 'lon', 'radiusM'],
    });
    expect(records[1]).toMatchObject({
      position: SF,
      keys: ['fuelLevel', 'lat', 'lon', 'personalised'],
    });
    expect(records[2]).toMatchObject({
      position: null,
      odometerM: 12_345_000,
      keys: ['at', 'odometerM'],
    });
    for (const r of records) expect(r.receivedAt).toBe(WEDNESDAY.toISOString());
  });

  it('records what a vehicle sent even when refused or the route unknown; counts the rest', async () => {
    await api(server, TOKEN_1).post('/v1/consents', {
      records: [],
      position: { latitude: 48.1, longitude: 11.5 },
    });
    await api(server, 'not-a-token').get('/v1/offers?lat=1&lon=2');
    await api(server, TOKEN_1).post('/v1/telemetry', { vehicle: { traveledDistance: 42 } });
    const records = receivedRecords(server.db);
    expect(records.map((r) => [r.route, r.vehicleId, r.position, r.odometerM])).toEqual([
      ['/v1/consents', 'veh-demo-1', { lat: 48.1, lon: 11.5 }, null],
      ['/v1/telemetry', 'veh-demo-1', null, 42],
    ]);
    // Without a vehicle there is nothing to disclose to anyone: a count, not a row.
    expect(unauthenticatedCounts(server.db)).toEqual([
      { day: WEDNESDAY.toISOString().slice(0, 10), route: 'GET /v1/offers', count: 1 },
    ]);
    expect(records[0]?.keys).toEqual([
      'position',
      'position.latitude',
      'position.longitude',
      'records',
    ]);
  });

  it('shows no position and no mileage when the car sent only what needs no consent', async () => {
    const car = api(server, TOKEN_1);
    await car.get('/v1/account');
    await car.get('/v1/offers?personalised=false');
    await car.get('/v1/categories');
    await car.post('/v1/consents', {
      records: [{ purpose: 'location', granted: false, at: '2026-03-11T17:00:00Z' }],
    });
    await car.get('/v1/test-drives/models');
    const records = receivedRecords(server.db);
    expect(records).toHaveLength(5);
    for (const r of records) {
      expect(r.position).toBeNull();
      expect(r.odometerM).toBeNull();
      expect(r.keys.filter((k) => /lat|lon|odometer|mileage|fuel/i.test(k))).toEqual([]);
    }
  });
});

import { TEST_CONTROL_TOKEN } from '../support/controlToken.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../bridge/server.ts';
import type { Bridge } from '../../bridge/server.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import type { VissData } from '../../common/viss/types.ts';
import {
  ControlClient,
  ISO_UTC,
  VissClient,
  change,
  paths,
  sleep,
  timebased,
  until,
} from './bridge-support.ts';

/**
 * get with paths, and change / range / combined subscriptions, against a real bridge with no
 * source: every value comes from the test through the control channel, so what is notified
 * can be compared exactly with what was set.
 */

let bridge: Bridge;
let control: ControlClient;
const clients: VissClient[] = [];

async function client(): Promise<VissClient> {
  const c = new VissClient(bridge.url);
  clients.push(c);
  await c.connected();
  return c;
}

async function set(path: string, ...values: (string | number | boolean)[]) {
  for (const value of values)
    expect(await control.send({ op: 'set', path, value })).toEqual({ ok: true });
}

/** Everything notified before this returns has arrived: replies follow notifications in order. */
let barrierId = 0;
async function barrier(c: VissClient) {
  barrierId += 1;
  const requestId = `barrier-${barrierId}`;
  c.send({ action: 'get', path: SIGNAL.powertrainType, requestId });
  await c.reply(requestId);
}

beforeEach(async () => {
  bridge = await startBridge({
    host: '127.0.0.1',
    port: 0,
    control: { token: TEST_CONTROL_TOKEN },
  });
  control = new ControlClient(bridge.url);
  await control.connected();
  bridge.store.set(SIGNAL.powertrainType, 'COMBUSTION'); // answers the barrier gets
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  control.close();
  await bridge.close();
});

describe('get with a paths filter', () => {
  it('answers an array of {path, dp} for the leaves under a common root', async () => {
    await set(SIGNAL.range, 250_000);
    await set(SIGNAL.batteryLevel, '41.5');
    const c = await client();
    c.send({
      action: 'get',
      path: 'Vehicle.Powertrain',
      filter: paths(['Range', 'TractionBattery.StateOfCharge.Displayed']),
      requestId: 'g',
    });
    const reply = await c.reply('g');
    expect(reply).toEqual({
      action: 'get',
      requestId: 'g',
      ts: expect.stringMatching(ISO_UTC),
      data: [
        { path: SIGNAL.range, dp: { value: '250000', ts: expect.stringMatching(ISO_UTC) } },
        { path: SIGNAL.batteryLevel, dp: { value: '41.5', ts: expect.stringMatching(ISO_UTC) } },
      ],
    });
  });

  it('leaves out leaves without a value, and answers 404 when none has one', async () => {
    await set(SIGNAL.row1PassengerOccupancy, 'OCCUPIED');
    const c = await client();
    c.send({
      action: 'get',
      path: 'Vehicle.Cabin.Seat',
      filter: paths('*.*.OccupancyStatus'),
      requestId: 'a',
    });
    expect((await c.reply('a')).data).toEqual([
      { path: SIGNAL.row1PassengerOccupancy, dp: { value: 'OCCUPIED', ts: expect.any(String) } },
    ]);
    c.send({ action: 'get', path: 'Vehicle.Chassis', filter: paths('*.Wheel'), requestId: 'b' });
    expect(await c.reply('b')).toMatchObject({
      action: 'get',
      requestId: 'b',
      error: { number: '404', reason: 'unavailable_data' },
    });
    c.send({ action: 'get', path: 'Vehicle', filter: paths(['Speed', 'Warp']), requestId: 'c' });
    expect(await c.reply('c')).toMatchObject({
      error: { number: '404', description: expect.stringContaining('Vehicle.Warp') },
    });
  });
});

describe('change filter', () => {
  it('notifies a number only when it moved as stated since the last notification', async () => {
    await set(SIGNAL.speed, 50);
    const c = await client();
    const id = await c.subscribe(SIGNAL.speed, change('gt', '5'));
    // 53: +3; 56: +6 (notified); 58: +2 since 56; 50: a fall; 62: +6 since 56 (notified)
    await set(SIGNAL.speed, 53, 56, 58, 50, '62');
    await barrier(c);
    expect(c.values(id)).toEqual(['50', '56', '62']);
  });

  it('notifies any change with ne 0, and never an unchanged value', async () => {
    await set(SIGNAL.speed, 10);
    const c = await client();
    const id = await c.subscribe(SIGNAL.speed, change('ne', '0'));
    await set(SIGNAL.speed, 10, 10, '10.0', 11, 11, 10);
    await barrier(c);
    expect(c.values(id)).toEqual(['10', '11', '10']);
  });

  it('notifies booleans and strings when they change', async () => {
    await set(SIGNAL.isMoving, false);
    await set(SIGNAL.dayNightMode, 'DAY');
    const c = await client();
    const moving = await c.subscribe(SIGNAL.isMoving, change('ne', '0'));
    const theme = await c.subscribe(SIGNAL.dayNightMode, change('eq', '0'));
    await set(SIGNAL.isMoving, 'false', true, true, false);
    await set(SIGNAL.dayNightMode, 'DAY', 'NIGHT', 'NIGHT');
    await barrier(c);
    expect(c.values(moving)).toEqual(['false', 'true', 'false']);
    expect(c.values(theme)).toEqual(['DAY', 'NIGHT']);
  });

  it('takes the first value as the baseline when the signal had none yet', async () => {
    const c = await client();
    const id = await c.subscribe(SIGNAL.speed, change('gt', '5'));
    await barrier(c);
    expect(c.values(id)).toEqual([]);
    await set(SIGNAL.speed, 20, 24, 30);
    await barrier(c);
    expect(c.values(id)).toEqual(['20', '30']);
  });
});

describe('range filter', () => {
  it('notifies values inside the range that changed since the last notification', async () => {
    await set(SIGNAL.speed, 90);
    const c = await client();
    const id = await c.subscribe(SIGNAL.speed, {
      variant: 'range',
      parameter: [
        { 'logic-op': 'gte', boundary: '100' },
        { 'logic-op': 'lte', boundary: '130' },
      ],
    });
    await set(SIGNAL.speed, 100, 100, 120, 140, 120, 125, 99);
    await barrier(c);
    // 90: outside; 140 and 99: outside; the second 120 equals the last notified value.
    expect(c.values(id)).toEqual(['100', '120', '125']);
  });

  it('sends the current value at once when it is inside the range', async () => {
    await set(SIGNAL.fuelLevel, 7);
    const c = await client();
    const id = await c.subscribe(SIGNAL.fuelLevel, {
      variant: 'range',
      parameter: { 'boundary-op': 'lt', boundary: '10' },
    });
    await set(SIGNAL.fuelLevel, 6, 12, 9);
    await barrier(c);
    expect(c.values(id)).toEqual(['7', '6', '9']);
  });
});

describe('combined filters', () => {
  it('paths + change: one array notification per changed leaf', async () => {
    await set(SIGNAL.speed, 0);
    await set(SIGNAL.isMoving, false);
    const c = await client();
    const id = await c.subscribe('Vehicle', [paths(['Speed', 'IsMoving']), change('ne', '0')]);
    await set(SIGNAL.speed, 0, 5);
    await set(SIGNAL.isMoving, true);
    await barrier(c);
    const data = c.data(id) as VissData[][];
    expect(data.map((items) => items.map((d) => `${d.path}=${d.dp.value}`))).toEqual([
      [`${SIGNAL.speed}=0`, `${SIGNAL.isMoving}=false`],
      [`${SIGNAL.speed}=5`],
      [`${SIGNAL.isMoving}=true`],
    ]);
  });

  it('paths + timebased: every period, the current value of every leaf', async () => {
    await set(SIGNAL.latitude, 37.7);
    await set(SIGNAL.longitude, -122.4);
    const c = await client();
    const id = await c.subscribe('Vehicle.CurrentLocation', [timebased(20), paths('*')]);
    await until(() => c.notifications(id).length >= 3);
    for (const items of c.data(id)) {
      expect(items).toEqual([
        { path: SIGNAL.latitude, dp: { value: '37.7', ts: expect.stringMatching(ISO_UTC) } },
        { path: SIGNAL.longitude, dp: { value: '-122.4', ts: expect.stringMatching(ISO_UTC) } },
      ]);
    }
    expect(bridge.stats().subscriptions[0]).toMatchObject({
      path: 'Vehicle.CurrentLocation',
      paths: [SIGNAL.latitude, SIGNAL.longitude, SIGNAL.heading],
      multi: true,
    });
  });
});

describe('unsubscribe', () => {
  it('ends change notifications at once, and the id is gone afterwards', async () => {
    await set(SIGNAL.speed, 1);
    const c = await client();
    const id = await c.subscribe(SIGNAL.speed, change('ne', '0'));
    await set(SIGNAL.speed, 2);
    c.send({ action: 'unsubscribe', subscriptionId: id, requestId: 'u' });
    expect(await c.reply('u')).toMatchObject({ action: 'unsubscribe', subscriptionId: id });
    await set(SIGNAL.speed, 3, 4);
    await barrier(c);
    await sleep(20);
    expect(c.values(id)).toEqual(['1', '2']);
    expect(bridge.stats().subscriptions).toEqual([]);
    c.send({ action: 'unsubscribe', subscriptionId: id, requestId: 'again' });
    expect(await c.reply('again')).toMatchObject({ error: { number: '404' } });
  });
});

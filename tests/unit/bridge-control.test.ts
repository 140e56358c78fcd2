import { TEST_CONTROL_TOKEN } from '../support/controlToken.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { scenarioSource, simulatedPowertrain } from '../../bridge/scenarios/catalog.ts';
import { startBridge } from '../../bridge/server.ts';
import type { Bridge, BridgeOptions } from '../../bridge/server.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { CONTROL_EVENT, CONTROL_NAMESPACE } from '../../common/viss/control.ts';
import { ControlClient, VissClient, change, sleep, until } from './bridge-support.ts';

/** The test-only control channel: off unless asked for, strict about what it accepts. */

const open: { close(): void }[] = [];
let bridge: Bridge | undefined;

async function start(options: Partial<BridgeOptions> = {}): Promise<Bridge> {
  bridge = await startBridge({ host: '127.0.0.1', port: 0, ...options });
  return bridge;
}

async function controlClient(url: string): Promise<ControlClient> {
  const c = new ControlClient(url);
  open.push(c);
  await c.connected();
  return c;
}

async function vissClient(url: string): Promise<VissClient> {
  const c = new VissClient(url);
  open.push(c);
  await c.connected();
  return c;
}

afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await bridge?.close();
  bridge = undefined;
});

describe('control channel locks', () => {
  const attempt = async (url: string, options: { token?: string; origin?: string }) => {
    const socket = io(`${url}${CONTROL_NAMESPACE}`, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      auth: options.token === undefined ? {} : { token: options.token },
      ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
    });
    open.push(socket);
    return new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  };

  it('admits only the token holder, and no web page even with the token', async () => {
    const b = await start({ control: { token: TEST_CONTROL_TOKEN } });
    expect(await attempt(b.url, {})).toMatch(/valid token is required/);
    expect(await attempt(b.url, { token: `${TEST_CONTROL_TOKEN}x` })).toMatch(/valid token/);
    expect(
      await attempt(b.url, { token: TEST_CONTROL_TOKEN, origin: 'http://evil.example' }),
    ).toMatch(/web pages are refused/);
    expect(await attempt(b.url, { token: TEST_CONTROL_TOKEN, origin: b.url })).toMatch(
      /web pages are refused/,
    );
    expect(await attempt(b.url, { token: TEST_CONTROL_TOKEN })).toBe('connected');
  });

  it('refuses to start with a short token', async () => {
    await expect(start({ control: { token: 'short' } })).rejects.toThrow(/at least 32 characters/);
  });
});

describe('control channel', () => {
  it('is refused unless the bridge was started with control on', async () => {
    const b = await start({ source: scenarioSource('loop') });
    const socket = io(`${b.url}${CONTROL_NAMESPACE}`, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
    });
    open.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('Invalid namespace');
    // The VISS namespace is unaffected.
    const c = await vissClient(b.url);
    c.send({ action: 'get', path: SIGNAL.selectedGear, requestId: 'g' });
    expect((await c.reply('g')).data).toMatchObject({ dp: { value: '126' } });
  });

  it('sets values, VISS strings or native, validated like any other', async () => {
    const b = await start({ control: { token: TEST_CONTROL_TOKEN } });
    const control = await controlClient(b.url);
    const c = await vissClient(b.url);
    const id = await c.subscribe(SIGNAL.speed, change('ne', '0'));

    expect(await control.send({ op: 'set', path: SIGNAL.speed, value: 42.5 })).toEqual({
      ok: true,
    });
    expect(await control.send({ op: 'set', path: SIGNAL.speed, value: '43' })).toEqual({
      ok: true,
    });
    expect(await control.send({ op: 'set', path: SIGNAL.isMoving, value: 'true' })).toEqual({
      ok: true,
    });
    expect(b.store.getValue(SIGNAL.isMoving)).toBe(true);
    expect(await control.send({ op: 'set', path: SIGNAL.dayNightMode, value: 'NIGHT' })).toEqual({
      ok: true,
    });
    await until(() => c.values(id).length === 2);
    expect(c.values(id)).toEqual(['42.5', '43']);

    const refused: [Record<string, unknown>, string][] = [
      [{ op: 'set', path: SIGNAL.fuelLevel, value: 140 }, 'above max 100'],
      [{ op: 'set', path: SIGNAL.fuelLevel, value: '50.5' }, 'not an integer'],
      [{ op: 'set', path: SIGNAL.dayNightMode, value: 'DUSK' }, 'not one of DAY, NIGHT'],
      [{ op: 'set', path: SIGNAL.isMoving, value: 1 }, 'boolean expected'],
      [{ op: 'set', path: 'Vehicle.Powertrain.FuelSystem.Level', value: 5 }, 'unknown signal'],
      [{ op: 'set', path: '__proto__', value: 5 }, 'unknown signal'],
      [{ op: 'set', path: SIGNAL.speed, value: { nested: 1 } }, 'value'],
      [{ op: 'set', path: SIGNAL.speed }, 'value'],
      [{ op: 'launch' }, 'op must be one of'],
      [{ op: 'scenario', name: 'moon' }, 'unknown scenario "moon"'],
      [{ op: 'set', path: SIGNAL.speed, value: 'x'.repeat(20_000) }, 'limit is 16384'],
    ];
    for (const [message, reason] of refused) {
      const reply = await control.send(message);
      expect(reply, JSON.stringify(message).slice(0, 80)).toEqual({
        ok: false,
        error: expect.stringContaining(reason),
      });
    }
    expect(b.store.getValue(SIGNAL.fuelLevel)).toBeUndefined();
    expect(b.store.getValue(SIGNAL.speed)).toBe(43);
  });

  it('pauses and resumes the source', async () => {
    const b = await start({
      control: { token: TEST_CONTROL_TOKEN },
      source: scenarioSource('city', 50),
    });
    const control = await controlClient(b.url);
    expect(await control.send({ op: 'pause-source' })).toEqual({ ok: true });
    expect(b.stats().source).toEqual({ label: 'custom', running: true, paused: true });
    const held = b.store.get(SIGNAL.traveledDistance);
    await sleep(250);
    expect(b.store.get(SIGNAL.traveledDistance)).toEqual(held);
    // While paused, a value set by hand stays.
    await control.send({ op: 'set', path: SIGNAL.speed, value: 7 });
    await sleep(150);
    expect(b.store.getValue(SIGNAL.speed)).toBe(7);
    expect(await control.send({ op: 'resume-source' })).toEqual({ ok: true });
    await until(() => b.store.get(SIGNAL.traveledDistance)?.ts !== held?.ts, 1000, 'resumed');
  });

  it('switches scenario live, starting from a clean signal set', async () => {
    const b = await start({
      control: { token: TEST_CONTROL_TOKEN },
      source: scenarioSource('loop'),
      sourceLabel: 'simulator:loop',
    });
    const control = await controlClient(b.url);
    const c = await vissClient(b.url);
    expect(b.store.getValue(SIGNAL.fuelLevel)).toBe(62);

    expect(await control.send({ op: 'scenario', name: 'ev-low-charge' })).toEqual({ ok: true });
    expect(b.stats().source).toEqual({
      label: 'simulator:ev-low-charge',
      running: true,
      paused: false,
    });
    c.send({ action: 'get', path: SIGNAL.powertrainType, requestId: 'type' });
    expect((await c.reply('type')).data).toMatchObject({ dp: { value: 'ELECTRIC' } });
    // An electric car has no fuel level: the loop's value is gone, not left behind.
    c.send({ action: 'get', path: SIGNAL.fuelLevel, requestId: 'fuel' });
    expect(await c.reply('fuel')).toMatchObject({ error: { number: '404' } });

    expect(await control.send({ op: 'scenario', name: 'passenger' })).toEqual({ ok: true });
    expect(b.store.getValue(SIGNAL.row1PassengerOccupancy)).toBe('OCCUPIED');
  });

  it("drives the vehicle line's powertrain: an electric line's scenarios report charge, not fuel", async () => {
    const b = await start({
      control: { token: TEST_CONTROL_TOKEN },
      source: scenarioSource('low-fuel', 1, 'ELECTRIC'),
      sourceLabel: 'simulator:low-fuel',
      powertrain: 'ELECTRIC',
    });
    expect(b.store.getValue(SIGNAL.powertrainType)).toBe('ELECTRIC');
    expect(b.store.getValue(SIGNAL.batteryLevel)).toBe(8.4);
    expect(b.store.get(SIGNAL.fuelLevel)).toBeUndefined();
    // Scenarios started later take the line's powertrain too.
    const control = await controlClient(b.url);
    expect(await control.send({ op: 'scenario', name: 'city' })).toEqual({ ok: true });
    expect(b.store.getValue(SIGNAL.powertrainType)).toBe('ELECTRIC');
    expect(b.store.get(SIGNAL.fuelLevel)).toBeUndefined();
    expect(simulatedPowertrain('HYBRID')).toBe('COMBUSTION');
    expect(simulatedPowertrain('ELECTRIC')).toBe('ELECTRIC');
  });

  it('explains what it cannot do to the source', async () => {
    const none = await start({ control: { token: TEST_CONTROL_TOKEN } });
    expect(none.control({ op: 'pause-source' })).toEqual({
      ok: false,
      error: 'no source is running',
    });
    await none.close();
    const fixed = await start({
      control: { token: TEST_CONTROL_TOKEN },
      source: () => ({ stop() {} }),
      sourceLabel: 'can',
    });
    expect(fixed.control({ op: 'pause-source' })).toEqual({
      ok: false,
      error: 'source can cannot pause',
    });
  });

  it('works in process without the namespace, and ignores messages without an ack', async () => {
    const b = await start({ source: scenarioSource('parked') });
    expect(
      b.control({ op: 'set', path: SIGNAL.row1PassengerOccupancy, value: 'OCCUPIED' }),
    ).toEqual({ ok: true });
    expect(b.control({ op: 'scenario', name: 'dusk' })).toEqual({ ok: true });
    expect(b.control(null)).toMatchObject({ ok: false });
    expect(b.control(10n)).toEqual({ ok: false, error: 'message must be a JSON object' });

    const c = await start({ control: { token: TEST_CONTROL_TOKEN } });
    const socket = io(`${c.url}${CONTROL_NAMESPACE}`, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      auth: { token: TEST_CONTROL_TOKEN },
    });
    open.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.emit(CONTROL_EVENT, { op: 'set', path: SIGNAL.speed, value: 3 });
    await until(() => c.store.getValue(SIGNAL.speed) === 3);
    await b.close();
  });
});

describe('connection cap', () => {
  it('refuses connections beyond the cap, and admits again when one leaves', async () => {
    const b = await start({ maxConnections: 2, source: scenarioSource('parked') });
    const first = await vissClient(b.url);
    await vissClient(b.url);
    const third = io(b.url, { forceNew: true, reconnection: false, transports: ['websocket'] });
    open.push(third);
    const refused = await new Promise<boolean>((resolve) => {
      third.once('connect', () => resolve(false));
      third.once('connect_error', () => resolve(true));
    });
    expect(refused).toBe(true);
    first.close();
    await sleep(200);
    await vissClient(b.url);
  });
});

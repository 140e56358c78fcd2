import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../bridge/server.ts';
import type { Bridge } from '../../bridge/server.ts';
import { MAX_SUBSCRIPTIONS_PER_CLIENT } from '../../bridge/session.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { ISO_UTC, VissClient as Client, sleep, until } from './bridge-support.ts';

const subscribe = (path: string, requestId: string, period = '20') => ({
  action: 'subscribe',
  path,
  filter: { variant: 'timebased', parameter: { period } },
  requestId,
});

let bridge: Bridge;
const clients: Client[] = [];

async function client(transports: string[] | undefined = ['websocket']): Promise<Client> {
  const c = new Client(bridge.url, transports);
  clients.push(c);
  await c.connected();
  return c;
}

beforeEach(async () => {
  bridge = await startBridge({ host: '127.0.0.1', port: 0 });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await bridge.close();
});

describe('bridge server', () => {
  it('streams timebased notifications with string values and ISO UTC timestamps', async () => {
    bridge.store.set(SIGNAL.speed, 42.5);
    const c = await client(undefined); // default transports: polling, then upgrade, like a browser

    c.send(subscribe('Vehicle.Speed', 'sub-1', '20'));
    const response = await c.reply('sub-1');
    expect(response).toMatchObject({ action: 'subscribe', requestId: 'sub-1' });
    expect(response.ts).toMatch(ISO_UTC);
    const id = response.subscriptionId as string;
    expect(typeof id).toBe('string');

    await until(() => c.notifications(id).length >= 3);
    for (const n of c.notifications(id)) {
      expect(n.ts).toMatch(ISO_UTC);
      expect(n.data).toEqual({
        path: 'Vehicle.Speed',
        dp: { value: '42.5', ts: expect.stringMatching(ISO_UTC) },
      });
    }

    bridge.store.set(SIGNAL.speed, 47);
    const updated = await c.next(
      (m) => m.action === 'subscription' && (m.data as { dp: { value: string } }).dp.value === '47',
    );
    expect(updated.subscriptionId).toBe(id);
  });

  it('sends the current value right after subscribing, not one period later', async () => {
    bridge.store.set(SIGNAL.selectedGear, 126);
    const c = await client();
    c.send(subscribe(SIGNAL.selectedGear, 's', '60000'));
    const id = (await c.reply('s')).subscriptionId as string;
    const first = await c.next((m) => m.subscriptionId === id && m.action === 'subscription', 500);
    expect(first.data).toMatchObject({ path: SIGNAL.selectedGear, dp: { value: '126' } });
  });

  it('answers get with a data point, as an object or a JSON string', async () => {
    bridge.store.set(SIGNAL.fuelLevel, 61, Date.parse('2025-02-04T15:48:43.700Z'));
    const c = await client();

    c.send({ action: 'get', path: SIGNAL.fuelLevel, requestId: 'g1' });
    expect(await c.reply('g1')).toEqual({
      action: 'get',
      requestId: 'g1',
      ts: expect.stringMatching(ISO_UTC),
      data: { path: SIGNAL.fuelLevel, dp: { value: '61', ts: '2025-02-04T15:48:43.700Z' } },
    });

    c.send(JSON.stringify({ action: 'get', path: SIGNAL.fuelLevel, requestId: 'g2' }));
    expect((await c.reply('g2')).data).toMatchObject({ dp: { value: '61' } });
  });

  it('answers unknown paths and signals without a value with 404 unavailable_data', async () => {
    const c = await client();
    c.send({ action: 'get', path: 'Vehicle.Powertrain.FuelSystem.Level', requestId: 'a' });
    const unknown = await c.reply('a');
    expect(unknown).toMatchObject({
      action: 'get',
      requestId: 'a',
      error: { number: '404', reason: 'unavailable_data' },
    });
    expect((unknown.error as { description: string }).description).toContain('unknown signal path');
    expect(unknown.ts).toMatch(ISO_UTC);

    c.send({ action: 'get', path: SIGNAL.range, requestId: 'b' });
    expect(await c.reply('b')).toMatchObject({
      error: {
        number: '404',
        reason: 'unavailable_data',
        description: `no value yet for ${SIGNAL.range}`,
      },
    });

    c.send(subscribe('Vehicle.Nope', 'c'));
    expect(await c.reply('c')).toMatchObject({ action: 'subscribe', error: { number: '404' } });
  });

  it('answers malformed messages with VISS errors and keeps serving everyone', async () => {
    bridge.store.set(SIGNAL.speed, 10);
    const bad = await client();
    const other = await client();

    bad.send('{"action":"get",');
    const notJson = await bad.next((m) => 'error' in m);
    expect(notJson.error).toEqual({
      number: '400',
      reason: 'bad_request',
      description: 'message is not valid JSON',
    });

    bad.send({ action: 'fly', requestId: 'u' });
    expect(await bad.reply('u')).toMatchObject({
      error: {
        number: '400',
        reason: 'bad_request',
        description: expect.stringContaining('unknown action'),
      },
    });

    bad.send({ action: 'subscribe', path: SIGNAL.speed, requestId: 'f' });
    expect(await bad.reply('f')).toMatchObject({
      action: 'subscribe',
      error: {
        number: '400',
        reason: 'bad_request',
        description: expect.stringContaining('subscribe needs a timebased, change or range filter'),
      },
    });

    bad.send({
      action: 'subscribe',
      path: SIGNAL.speed,
      filter: { variant: 'curvelog', parameter: { maxerr: '1', bufsize: '10' } },
      requestId: 'ch',
    });
    expect(await bad.reply('ch')).toMatchObject({
      error: {
        number: '400',
        reason: 'bad_request',
        description: expect.stringContaining('not supported'),
      },
    });

    bad.send(subscribe(SIGNAL.speed, 'p', '5'));
    expect(await bad.reply('p')).toMatchObject({
      error: { number: '400', description: expect.stringContaining('at least 10 ms') },
    });

    bad.send({ action: 'get', path: SIGNAL.speed });
    const noId = await bad.next((m) => m.action === 'get' && 'error' in m && !('requestId' in m));
    expect(noId.error).toMatchObject({
      number: '400',
      description: expect.stringContaining('requestId'),
    });

    bad.send({ action: 'get', path: SIGNAL.speed, requestId: 'big', padding: 'x'.repeat(20_000) });
    expect(await bad.reply('big')).toMatchObject({
      error: {
        number: '400',
        reason: 'bad_request',
        description: expect.stringContaining('limit is 16384'),
      },
    });

    for (const junk of [42, null, ['get'], 'x'.repeat(17_000)]) bad.send(junk);
    await until(() => bad.inbox.filter((m) => 'error' in m).length >= 11);

    // The same client and another one still get answers.
    bad.send({ action: 'get', path: SIGNAL.speed, requestId: 'ok1' });
    other.send({ action: 'get', path: SIGNAL.speed, requestId: 'ok2' });
    expect((await bad.reply('ok1')).data).toMatchObject({ dp: { value: '10' } });
    expect((await other.reply('ok2')).data).toMatchObject({ dp: { value: '10' } });
    expect(other.inbox.some((m) => 'error' in m)).toBe(false);
  });

  it('drops a client that exceeds the transport limit without disturbing others', async () => {
    bridge.store.set(SIGNAL.speed, 10);
    const flooder = await client();
    const other = await client();
    const dropped = new Promise<string>((resolve) => flooder.socket.once('disconnect', resolve));
    flooder.send('x'.repeat(100_000));
    await dropped;

    other.send({ action: 'get', path: SIGNAL.speed, requestId: 'still' });
    expect((await other.reply('still')).data).toMatchObject({ dp: { value: '10' } });
  });

  it('stops notifications after unsubscribe and only lets the owner unsubscribe', async () => {
    bridge.store.set(SIGNAL.speed, 30);
    const owner = await client();
    const stranger = await client();

    owner.send(subscribe(SIGNAL.speed, 's1', '10'));
    const id = (await owner.reply('s1')).subscriptionId as string;
    await until(() => owner.notifications(id).length >= 2);

    stranger.send({ action: 'unsubscribe', subscriptionId: id, requestId: 'steal' });
    expect(await stranger.reply('steal')).toMatchObject({
      action: 'unsubscribe',
      subscriptionId: id,
      error: { number: '404', reason: 'unavailable_data' },
    });
    expect(bridge.stats().subscriptions.map((s) => s.id)).toEqual([id]);

    owner.send({ action: 'unsubscribe', subscriptionId: id, requestId: 'u1' });
    expect(await owner.reply('u1')).toMatchObject({
      action: 'unsubscribe',
      subscriptionId: id,
      ts: expect.stringMatching(ISO_UTC),
    });
    const count = owner.notifications(id).length;
    await sleep(80);
    expect(owner.notifications(id).length).toBe(count);
    expect(bridge.stats().subscriptions).toEqual([]);

    owner.send({ action: 'unsubscribe', subscriptionId: id, requestId: 'u2' });
    expect(await owner.reply('u2')).toMatchObject({ error: { number: '404' } });
  });

  it('gives every subscription its own id, across clients', async () => {
    const a = await client();
    const b = await client();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      a.send(subscribe(SIGNAL.speed, `a${i}`));
      b.send(subscribe(SIGNAL.speed, `b${i}`));
      ids.push((await a.reply(`a${i}`)).subscriptionId as string);
      ids.push((await b.reply(`b${i}`)).subscriptionId as string);
    }
    expect(new Set(ids).size).toBe(6);
  });

  it('caps subscriptions per connection with 429 too_many_requests', async () => {
    // A burst above the inbound rate limit, which is not what this test is about.
    await bridge.close();
    bridge = await startBridge({ host: '127.0.0.1', port: 0, limits: { rate: { burst: 1000 } } });
    const c = await client();
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_CLIENT; i += 1) {
      c.send(subscribe(SIGNAL.speed, `m${i}`, '60000'));
    }
    await c.reply(`m${MAX_SUBSCRIPTIONS_PER_CLIENT - 1}`);
    c.send(subscribe(SIGNAL.speed, 'over', '60000'));
    expect(await c.reply('over')).toMatchObject({
      action: 'subscribe',
      error: { number: '429', reason: 'too_many_requests' },
    });
    expect(bridge.stats().subscriptions).toHaveLength(MAX_SUBSCRIPTIONS_PER_CLIENT);
    // Another connection has its own allowance.
    const other = await client();
    other.send(subscribe(SIGNAL.speed, 'fine', '60000'));
    expect((await other.reply('fine')).subscriptionId).toBeDefined();
  });

  it('ends all subscriptions and their timers when a client disconnects', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    bridge.store.set(SIGNAL.speed, 5);
    const c = await client();
    const keeper = await client();
    keeper.send(subscribe(SIGNAL.speed, 'k', '1000'));
    await keeper.reply('k');
    const before = timers();

    for (const [i, path] of [SIGNAL.speed, SIGNAL.range, SIGNAL.heading].entries()) {
      c.send(subscribe(path, `r${i}`, '50'));
      await c.reply(`r${i}`);
    }
    expect(bridge.stats().subscriptions).toHaveLength(4);
    expect(timers()).toBe(before + 3);

    c.close();
    await until(() => bridge.stats().clients === 1);
    expect(bridge.stats().subscriptions.map((s) => s.path)).toEqual([SIGNAL.speed]);
    await until(() => timers() <= before);
  });

  it('allows any origin for the polling transport (renderer on app:// or another port)', async () => {
    const response = await fetch(`${bridge.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { Origin: 'app://dashport' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    await response.text();
  });

  it('close() ends clients, subscriptions and the listener', async () => {
    bridge.store.set(SIGNAL.speed, 5);
    const c = await client();
    c.send(subscribe(SIGNAL.speed, 's', '10'));
    await c.reply('s');
    const gone = new Promise((resolve) => c.socket.once('disconnect', resolve));
    await bridge.close();
    await gone;
    expect(bridge.stats().subscriptions).toEqual([]);
    await expect(fetch(`${bridge.url}/socket.io/?EIO=4&transport=polling`)).rejects.toThrow();
  });
});

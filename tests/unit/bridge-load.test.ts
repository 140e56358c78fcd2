import { afterEach, describe, expect, it } from 'vitest';
import { createScenario, scenarioSource } from '../../bridge/scenarios/catalog.ts';
import { startBridge, WRITE_BUFFER_HIGH_WATER } from '../../bridge/server.ts';
import type { Bridge, BridgeOptions } from '../../bridge/server.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { parseVissValue } from '../../common/vss/values.ts';
import type { VissData } from '../../common/viss/types.ts';
import { VissClient, change, paths, sleep, timebased, until } from './bridge-support.ts';

/** Many clients, fast streams, a client that stops reading, and one that floods. */

const open: VissClient[] = [];
let bridge: Bridge | undefined;

async function start(options: Partial<BridgeOptions> = {}): Promise<Bridge> {
  bridge = await startBridge({ host: '127.0.0.1', port: 0, ...options });
  return bridge;
}

async function client(url: string): Promise<VissClient> {
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

const BENCH_PATHS = createScenario('bench')
  .model.signals()
  .map(([path]) => path);

describe('bridge under load', () => {
  it('serves 50 clients at once, each with its own subscriptions', async () => {
    const b = await start({ source: scenarioSource('loop', 5) });
    const clients = await Promise.all(Array.from({ length: 50 }, () => client(b.url)));
    expect(b.stats().clients).toBe(50);
    const ids = await Promise.all(
      clients.map(async (c, i) => ({
        speed: await c.subscribe(SIGNAL.speed, timebased(50), `speed-${i}`),
        gear: await c.subscribe(SIGNAL.selectedGear, change('ne', '0'), `gear-${i}`),
      })),
    );
    await until(
      () => clients.every((c, i) => c.notifications(ids[i]!.speed).length >= 10),
      5000,
      'ten speed notifications for every client',
    );
    clients.forEach((c, i) => {
      for (const value of c.values(ids[i]!.speed)) {
        expect(parseVissValue(SIGNAL.speed, value).ok).toBe(true);
      }
      expect(c.values(ids[i]!.gear)[0]).toBe('126');
    });
    expect(b.stats().subscriptions).toHaveLength(100);
    expect(b.stats().dropped).toBe(0);

    for (const c of clients) c.close();
    await until(() => b.stats().clients === 0, 3000, 'all disconnected');
    expect(b.stats().subscriptions).toEqual([]);
  });

  it('streams 40 signals at 50 Hz to one client without dropping', async () => {
    expect(new Set(BENCH_PATHS).size).toBe(40);
    const b = await start({ source: scenarioSource('bench') });
    const c = await client(b.url);
    const ids = await Promise.all(
      BENCH_PATHS.map((path, i) => c.subscribe(path, timebased(20), `bench-${i}`)),
    );
    const first = ids.map((id) => c.notifications(id).length);
    const started = Date.now();
    await sleep(2000);
    const seconds = (Date.now() - started) / 1000;
    ids.forEach((id, i) => {
      const rate = (c.notifications(id).length - first[i]!) / seconds;
      expect(rate, BENCH_PATHS[i]).toBeGreaterThan(40);
      expect(rate, BENCH_PATHS[i]).toBeLessThan(55);
    });
    expect(b.stats().dropped).toBe(0);
  });

  it('keeps a client that stops reading bounded, and everyone else at full rate', async () => {
    const b = await start({ source: scenarioSource('bench') });
    const slow = await client(b.url);
    const normal = await client(b.url);
    // Each notification carries all 40 signals (~4 KB), 100 times a second, 20 times over:
    // enough to fill the loopback socket buffers quickly once the client stops reading.
    for (let i = 0; i < 20; i += 1) {
      await slow.subscribe('Vehicle', [paths('*'), timebased(10)], `all-${i}`);
    }
    const speed = await normal.subscribe(SIGNAL.speed, timebased(20));
    // A raw pause: the client's TCP socket stops reading; nothing closes.
    const engine = (slow.socket.io as unknown as { engine: { transport: { ws: unknown } } }).engine;
    (engine.transport.ws as { _socket: { pause(): void } })._socket.pause();

    await until(() => b.stats().dropped > 0, 10_000, 'the slow client to fall behind');
    const heapBefore = process.memoryUsage().heapUsed;
    const before = normal.notifications(speed).length;
    const started = Date.now();
    await sleep(2000);
    const seconds = (Date.now() - started) / 1000;

    const stats = b.stats();
    const slowSubs = stats.subscriptions.filter(
      (s) => s.ownerId !== stats.subscriptions.at(-1)!.ownerId,
    );
    expect(slowSubs).toHaveLength(20);
    for (const sub of slowSubs) {
      expect(sub.queued).toBeLessThanOrEqual(32);
      expect(sub.dropped).toBeGreaterThan(0);
    }
    expect(stats.dropped).toBe(slowSubs.reduce((sum, s) => sum + s.dropped, 0));
    for (const connection of stats.connections) {
      expect(connection.writeBuffered).toBeLessThanOrEqual(WRITE_BUFFER_HIGH_WATER);
    }
    // Memory does not follow the data: ~16 MB/s would have been buffered in those 2 s.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * 1024 * 1024);
    // The other client kept its 50 Hz and lost nothing.
    const rate = (normal.notifications(speed).length - before) / seconds;
    expect(rate).toBeGreaterThan(40);
    const normalSub = stats.subscriptions.at(-1)!;
    expect(normalSub).toMatchObject({ path: SIGNAL.speed, dropped: 0 });
    expect(stats.clients).toBe(2); // a slow client is held back, not thrown out

    // Shutting down does not wait for a client that will never read its last packets.
    const closing = Date.now();
    await b.close();
    expect(Date.now() - closing).toBeLessThan(3000);
  });

  it('answers a flood with 429 too_many_requests, then disconnects the flooder', async () => {
    const b = await start();
    b.store.set(SIGNAL.speed, 12);
    const flooder = await client(b.url);
    const other = await client(b.url);
    const gone = new Promise<string>((resolve) => flooder.socket.once('disconnect', resolve));
    for (let i = 0; i < 300; i += 1) {
      flooder.send({ action: 'get', path: SIGNAL.speed, requestId: `f${i}` });
    }
    expect(await gone).toBe('io server disconnect');
    const limited = flooder.inbox.filter(
      (m) => (m.error as { number?: string } | undefined)?.number === '429',
    );
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]).toMatchObject({
      action: 'get',
      error: { reason: 'too_many_requests', description: expect.stringContaining('per second') },
    });
    // Everything up to the decision is answered, in request order: the burst, then 429s.
    expect(flooder.inbox.filter((m) => 'data' in m).length).toBeGreaterThanOrEqual(100);
    const order = flooder.inbox
      .filter((m) => typeof m.requestId === 'string')
      .map((m) => Number(String(m.requestId).slice(1)));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(order.length).toBeGreaterThan(190);
    expect(flooder.inbox.at(-1)).toMatchObject({
      error: { number: '429', description: expect.stringContaining('disconnecting') },
    });
    const stats = b.stats();
    expect(stats.rateLimited).toBeGreaterThan(100);
    expect(stats.disconnectedAbusive).toBe(1);

    other.send({ action: 'get', path: SIGNAL.speed, requestId: 'fine' });
    expect(((await other.reply('fine')).data as VissData).dp.value).toBe('12');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { MerchantDetailSchema, type MerchantDetail } from '../../common/cloudApi/catalog.schema.ts';
import type { OrderState } from '../../common/orders/stateMachine.ts';
import { TRANSPORT } from '../../common/hostApi/channels.ts';
import { createHostClient } from '../../common/hostApi/client.ts';
import type { LocalOrder } from '../../common/hostApi/commerce.schema.ts';
import type { HostEnvelope } from '../../common/hostApi/errors.ts';
import type { Host } from '../../electron/host/host.ts';
import { api, cloudHarness, type Harness } from '../support/cloud.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { directTransport } from '../support/directTransport.ts';
import {
  ALWAYS_OPEN_MERCHANT,
  freePort,
  orderFor,
  startHost,
  waitFor,
} from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await h.cleanup();
  tmp.cleanup();
});

async function menu(): Promise<MerchantDetail> {
  const probe = await h.start();
  const body = (await api(probe).get(`/v1/merchants/${ALWAYS_OPEN_MERCHANT}`)).body;
  await probe.close();
  return MerchantDetailSchema.parse(body);
}

function cloudOrderIds(dbPath: string): string[] {
  // Read-only, beside the running cloud: what the cloud really stored.
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    return (
      db.prepare('SELECT client_order_id FROM orders ORDER BY change_seq').all() as {
        client_order_id: string;
      }[]
    ).map((r) => r.client_order_id);
  } finally {
    db.close();
  }
}

describe('orders while the cloud is down', () => {
  it('queues the order, sends it once when the cloud is back, then follows it to completed', async () => {
    tmp = tempDir('dashport-orders-');
    h = cloudHarness();
    const merchant = await menu();
    // The same address and database, but nothing listening yet.
    const port = await freePort();
    let host: Host = startHost(join(tmp.dir, 'host'), `http://127.0.0.1:${port}`);
    cleanups.push(() => host.close());
    const client = createHostClient(directTransport(host));
    const updates: LocalOrder[] = [];
    client.on('orders.updated', (order) => updates.push(order));

    const placed = await client.call('orders.place', {
      clientOrderId: 'order-tunnel-0001',
      request: orderFor(merchant),
    });
    expect(placed).toMatchObject({ delivery: 'queued', order: null, failure: null });
    await waitFor(() => (updates.some((u) => u.attempts > 0) ? true : undefined));
    expect((await client.call('orders.get', { clientOrderId: 'order-tunnel-0001' })).delivery).toBe(
      'queued',
    );
    expect((await client.call('connectivity.get')).cloud).toBe('offline');

    const cloud = await h.start({ port, orderStepMs: 100 });
    // The outbox's own retry timer finds the cloud; nothing else is poked.
    const done = await waitFor(() => updates.find((u) => u.order?.state === 'completed'), 15_000);
    expect(done).toMatchObject({ delivery: 'sent', clientOrderId: 'order-tunnel-0001' });
    expect(cloudOrderIds(h.dbPath)).toEqual(['order-tunnel-0001']);
    expect(done.order?.orderId).toBe(
      (cloud.db.prepare('SELECT order_id FROM orders').get() as { order_id: string }).order_id,
    );

    // What the renderer heard: queued, then sent, then the merchant's steps in order.
    const deliveries = updates.map((u) => u.delivery);
    expect(deliveries.indexOf('sent')).toBeGreaterThan(deliveries.lastIndexOf('queued'));
    const states = [
      ...new Set(updates.map((u) => u.order?.state).filter((s): s is OrderState => !!s)),
    ];
    expect(states).toEqual(['submitted', 'accepted', 'preparing', 'ready', 'completed']);
    expect((await client.call('connectivity.get')).cloud).toBe('online');

    // A restarted host still knows it, and placing it again orders nothing new.
    host.close();
    host = startHost(join(tmp.dir, 'host'), cloud.url);
    const again = await createHostClient(directTransport(host)).call('orders.place', {
      clientOrderId: 'order-tunnel-0001',
      request: orderFor(merchant),
    });
    expect(again).toMatchObject({ delivery: 'sent', order: { state: 'completed' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(cloudOrderIds(h.dbPath)).toEqual(['order-tunnel-0001']);
  });
});

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface HostProcess {
  child: ChildProcess;
  url: string;
  secret: string;
  exited: Promise<void>;
}

describe('the host killed at random points', () => {
  const SUBMISSIONS = 100;
  const SEED = Number(process.env.DASHPORT_KILL_SEED ?? 20261124);

  it('ends with every submitted order in the cloud exactly once', async () => {
    tmp = tempDir('dashport-kill-');
    h = cloudHarness();
    const merchant = await menu();
    const cloud = await h.start({ orderStepMs: 0 });
    const renderer = join(tmp.dir, 'renderer');
    // The token as a unit gets it: a file only the service user can read.
    const tokenFile = join(tmp.dir, 'cloud-token');
    writeFileSync(tokenFile, 'dev-vehicle-token\n', { mode: 0o600 });
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    const dataDir = join(tmp.dir, 'host');
    const random = prng(SEED);
    // What happened, for the failure message: a hang or a lost order can be replayed with the seed.
    const started = Date.now();
    const events: string[] = [];
    const trace = (line: string) => events.push(`${Date.now() - started} ms ${line}`);
    const fail = (why: string): never => {
      throw new Error(`${why} (seed ${SEED})\n${events.slice(-40).join('\n')}`);
    };

    const spawnHost = async (): Promise<HostProcess> => {
      const child = spawn(
        process.execPath,
        [
          join(PROJECT_ROOT, 'electron/host/cli.ts'),
          '--port=0',
          `--data-dir=${dataDir}`,
          `--renderer=${renderer}`,
          `--cloud-url=${cloud.url}`,
          `--cloud-token-file=${tokenFile}`,
          '--cloud-poll-ms=60000',
        ],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      );
      const exited = new Promise<void>((resolve) =>
        child.once('exit', (code, signal) => {
          trace(`host ${child.pid} exited (${signal ?? code})`);
          resolve();
        }),
      );
      cleanups.push(() => child.kill('SIGKILL'));
      const { url, secretFile } = await new Promise<{ url: string; secretFile: string }>(
        (resolve, reject) => {
          const lines = createInterface({ input: child.stdout! });
          lines.once('line', (line) =>
            resolve(JSON.parse(line) as { url: string; secretFile: string }),
          );
          child.once('exit', (code) => reject(new Error(`host exited early (${code})`)));
          setTimeout(() => reject(new Error('host did not start within 15 s')), 15_000).unref();
        },
      ).catch((error: Error) => fail(error.message));
      trace(`host ${child.pid} listening`);
      return { child, url, secret: readFileSync(secretFile, 'utf8').trim(), exited };
    };

    const connect = async ({ url, secret }: HostProcess): Promise<Socket> => {
      const socket = io(url, {
        transports: ['websocket'],
        extraHeaders: { Origin: url },
        auth: { secret },
        reconnection: false,
        forceNew: true,
        timeout: 5000,
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    };

    const ids: string[] = Array.from({ length: SUBMISSIONS }, () => randomUUID());
    const requests = new Map(ids.map((id, n) => [id, orderFor(merchant, { note: `#${n}` })]));
    // Kill right after sending one of these submissions: before, during or after its commit,
    // while the flusher sends it, or after the reply left.
    const killAfter = new Set<number>();
    while (killAfter.size < 16) killAfter.add(Math.floor(random() * SUBMISSIONS));
    const acknowledged = new Map<string, LocalOrder>();
    const sent = new Set<string>();
    let submissions = 0;
    let retries = 0;
    let kills = 0;
    let startupKills = 0;
    let restarts = 0;
    /** Orders committed but not yet sent when a host died (summed over deaths): left to its successor. */
    let queuedAtDeaths = 0;

    const kill = (target: HostProcess, why: string) => {
      if (target.child.killed || target.child.exitCode !== null) return;
      target.child.kill('SIGKILL');
      trace(`kill ${target.child.pid} (${why})`);
      kills++;
    };
    /** Kills `target` after `ms`; the returned promise settles once the timer fired. */
    const pendingKills: Promise<void>[] = [];
    const killLater = (target: HostProcess, ms: number, why: string) => {
      pendingKills.push(
        new Promise((resolve) =>
          setTimeout(() => {
            kill(target, why);
            resolve();
          }, ms),
        ),
      );
    };
    const restart = async () => {
      kill(host, 'restart');
      await host.exited;
      const db = new DatabaseSync(join(dataDir, 'dashport.db'), { readOnly: true });
      const { n } = db
        .prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'queued'`)
        .get() as { n: number };
      db.close();
      queuedAtDeaths += n;
      host = await spawnHost();
      restarts++;
    };

    let host = await spawnHost();
    while (acknowledged.size < SUBMISSIONS) {
      if (Date.now() - started > 70_000) fail('the kill loop is taking too long');
      let socket: Socket;
      try {
        socket = await connect(host);
      } catch {
        await restart();
        continue;
      }
      const lost = new Promise<'lost'>((resolve) =>
        socket.once('disconnect', () => resolve('lost')),
      );
      // Now and then the host dies while it starts: recovering the outbox, sending leftovers.
      if (startupKills < 4 && random() < 0.25) {
        startupKills++;
        killLater(host, Math.floor(random() * 40), 'while starting');
      }
      let killed = false;
      while (acknowledged.size < SUBMISSIONS && socket.connected && !killed) {
        const batch = ids.filter((id) => !acknowledged.has(id)).slice(0, 3);
        trace(
          `submit ${batch.map((id) => ids.indexOf(id)).join(',')} (${acknowledged.size} acked)`,
        );
        const replies = await Promise.all(
          batch.map(async (id) => {
            submissions++;
            if (sent.has(id)) retries++;
            const first = !sent.has(id);
            sent.add(id);
            const reply = socket.timeout(10_000).emitWithAck(TRANSPORT.invoke, 'orders.place', {
              clientOrderId: id,
              request: requests.get(id),
            }) as Promise<HostEnvelope<LocalOrder>>;
            if (first && killAfter.has(ids.indexOf(id)) && !killed) {
              killed = true;
              killLater(host, Math.floor(random() * 25), `after submitting #${ids.indexOf(id)}`);
            }
            return [id, await Promise.race([reply.catch(() => 'lost' as const), lost])] as const;
          }),
        );
        for (const [id, reply] of replies) {
          if (reply === 'lost') continue; // unacknowledged: submitted again, same id
          if (!reply.ok) fail(`orders.place refused: ${JSON.stringify(reply.error)}`);
          else acknowledged.set(id, reply.value);
        }
      }
      socket.close();
      // Killed (or about to be): wait for it, or kill it now, and start the next one.
      if (acknowledged.size < SUBMISSIONS || killed) await restart();
    }

    // Every scheduled kill has fired; the last host (restarted if one got it) drains the rest,
    // and the renderer's view says when it is done.
    await Promise.all(pendingKills);
    if (host.child.killed || host.child.exitCode !== null) await restart();
    const socket = await connect(host).catch((error: Error) => fail(error.message));
    const final = await waitFor(async () => {
      const reply = (await socket
        .timeout(5000)
        .emitWithAck(TRANSPORT.invoke, 'orders.list', null)) as HostEnvelope<{
        orders: LocalOrder[];
      }>;
      if (!reply.ok) return undefined;
      const orders = reply.value.orders;
      return orders.length === SUBMISSIONS && orders.every((o) => o.delivery === 'sent')
        ? orders
        : undefined;
    }, 20_000).catch((error: Error) => fail(`the outbox did not drain: ${error.message}`));
    socket.close();

    const inCloud = cloudOrderIds(h.dbPath);
    // The cloud's request log: a 200 to a PUT is a re-send of an order it already had.
    const puts = h.logs
      .map((line) => JSON.parse(line) as { event?: string; method?: string; status?: number })
      .filter((e) => e.event === 'request' && e.method === 'PUT');
    const counts = {
      seed: SEED,
      submissions,
      kills,
      startupKills,
      restarts,
      retries,
      queuedAtDeaths,
      cloudPuts: puts.length,
      cloudPutsCreated: puts.filter((p) => p.status === 201).length,
      cloudPutsReplayed: puts.filter((p) => p.status === 200).length,
      distinctOrders: SUBMISSIONS,
      ordersInCloud: inCloud.length,
    };
    console.log(`kill loop: ${JSON.stringify(counts)}`);

    expect(inCloud).toHaveLength(SUBMISSIONS);
    expect(new Set(inCloud)).toEqual(new Set(ids));
    const cloudOrderId = new Map(
      (
        cloud.db.prepare('SELECT client_order_id, order_id FROM orders').all() as {
          client_order_id: string;
          order_id: string;
        }[]
      ).map((r) => [r.client_order_id, r.order_id]),
    );
    for (const order of final) {
      expect(order.order?.orderId).toBe(cloudOrderId.get(order.clientOrderId));
      expect(order.order?.note).toBe(requests.get(order.clientOrderId)?.note);
    }
    expect(counts.cloudPutsCreated).toBe(SUBMISSIONS);
    expect(kills).toBeGreaterThanOrEqual(10);
    expect(retries).toBeGreaterThan(0);
  }, 90_000);
});

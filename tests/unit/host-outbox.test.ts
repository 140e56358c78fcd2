import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudServer } from '../../cloud/server.ts';
import { MerchantDetailSchema, type MerchantDetail } from '../../common/cloudApi/catalog.schema.ts';
import {
  OrderRequestSchema,
  OrderSchema,
  type Order,
  type OrderRequest,
} from '../../common/cloudApi/orders.schema.ts';
import { createLogger } from '../../common/log.ts';
import type { BackoffPolicy } from '../../electron/host/cloudClient/backoff.ts';
import { CloudClient } from '../../electron/host/cloudClient/client.ts';
import { openHostDatabase } from '../../electron/host/db.ts';
import { OrderStore } from '../../electron/host/orders/orderStore.ts';
import { IdempotencyConflict, Outbox } from '../../electron/host/orders/outbox.ts';
import { summarise } from '../../electron/host/orders/summary.ts';
import { api, cloudHarness, TOKEN_1, type Harness } from '../support/cloud.ts';
import {
  ALWAYS_OPEN_MERCHANT,
  freePort,
  orderFor,
  requestedPaths,
} from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';

const quiet = createLogger('host', () => {});

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
let db: DatabaseSync;
let merchant: MerchantDetail;
const closers: (() => void)[] = [];

beforeEach(async () => {
  tmp = tempDir('dashport-outbox-');
  h = cloudHarness();
  db = openHostDatabase(join(tmp.dir, 'dashport.db'));
  // The menu, read once from a throwaway cloud, so orders are valid whatever the test's cloud does.
  const probe = await h.start();
  merchant = MerchantDetailSchema.parse(
    (await api(probe).get(`/v1/merchants/${ALWAYS_OPEN_MERCHANT}`)).body,
  );
  await probe.close();
});
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  db.close();
  await h.cleanup();
  tmp.cleanup();
});

function outboxFor(
  baseUrl: string,
  options: {
    token?: string;
    backoff?: BackoffPolicy;
    now?: () => number;
    random?: () => number;
    changes?: string[];
  } = {},
) {
  const client = new CloudClient({
    baseUrl,
    token: options.token ?? TOKEN_1,
    retries: 0,
    timeoutMs: 2000,
  });
  const store = new OrderStore(db);
  const outbox = new Outbox({
    db,
    orders: store,
    send: (id, request) =>
      client.call('putOrder', { params: { clientOrderId: id }, body: request }),
    onChange: (id) => options.changes?.push(id),
    log: quiet,
    backoff: options.backoff ?? { baseMs: 60_000, maxMs: 480_000 },
    now: options.now,
    random: options.random,
  });
  closers.push(() => {
    outbox.close();
    client.close();
  });
  return { outbox, client, store };
}

function enqueue(outbox: Outbox, id: string, request: OrderRequest = orderFor(merchant)) {
  const parsed = OrderRequestSchema.parse(request);
  return outbox.enqueue(id, parsed, summarise(parsed, merchant));
}

function cloudOrders(server: CloudServer): { client_order_id: string; order_id: string }[] {
  return server.db
    .prepare('SELECT client_order_id, order_id FROM orders ORDER BY change_seq')
    .all() as { client_order_id: string; order_id: string }[];
}

describe('enqueue', () => {
  it('has the order committed to disk before the cloud sees any of it', async () => {
    const file = join(tmp.dir, 'dashport.db');
    let onDiskWhenSent: unknown = 'not sent';
    const cloud = createServer((req, res) => {
      // A second connection sees only committed data.
      const reader = new DatabaseSync(file, { readOnly: true });
      onDiskWhenSent = reader
        .prepare('SELECT status FROM outbox WHERE client_order_id = ?')
        .get(req.url?.split('/').at(-1) ?? '');
      reader.close();
      res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => cloud.listen(0, '127.0.0.1', resolve));
    const { outbox } = outboxFor(`http://127.0.0.1:${(cloud.address() as AddressInfo).port}`);
    const { entry, created } = enqueue(outbox, 'order-disk-0001');
    expect(created).toBe(true);
    expect(entry.status).toBe('queued');
    await outbox.flush();
    cloud.close();
    expect(onDiskWhenSent).toEqual({ status: 'queued' });
  });

  it('stores a client order id once: same request again is a no-op, another one a conflict', async () => {
    const { outbox } = outboxFor(`http://127.0.0.1:${await freePort()}`);
    const request = orderFor(merchant);
    expect(enqueue(outbox, 'order-same-0001', request).created).toBe(true);
    // Same order with keys in another order and the defaults spelt out.
    const [line] = request.lines;
    const again = {
      lines: [{ optionIds: line?.optionIds ?? [], quantity: 1, itemId: line?.itemId ?? '' }],
      note: '',
      paymentMethodId: request.paymentMethodId,
      fulfilment: request.fulfilment,
      currency: request.currency,
      merchantId: request.merchantId,
    };
    expect(enqueue(outbox, 'order-same-0001', again).created).toBe(false);
    expect(() => enqueue(outbox, 'order-same-0001', { ...request, note: 'extra shot' })).toThrow(
      IdempotencyConflict,
    );
    const { n } = db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number };
    expect(n).toBe(1);
    await outbox.flush();
  });
});

describe('flushing', () => {
  it('keeps orders queued while the cloud is down and sends each once, in order, when it is back', async () => {
    const port = await freePort();
    const changes: string[] = [];
    const { outbox } = outboxFor(`http://127.0.0.1:${port}`, {
      backoff: { baseMs: 60_000, maxMs: 60_000 },
      changes,
    });
    const ids = ['order-fifo-0001', 'order-fifo-0002', 'order-fifo-0003'];
    for (const id of ids) enqueue(outbox, id);
    await outbox.flush();
    const first = outbox.get(ids[0] as string);
    expect(first).toMatchObject({ status: 'queued', attempts: 1 });
    expect(first?.lastError).toMatch(/Cannot reach the cloud/);
    // One probe per backoff: the orders behind it were not tried, but wait with it.
    expect(outbox.get(ids[1] as string)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(outbox.get(ids[2] as string)?.nextAttemptAt).toBe(first?.nextAttemptAt);
    expect(first?.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(outbox.pending()).toBe(3);
    // What the engineering screen shows: why the queue is not moving.
    expect(outbox.lastSendError()).toMatch(/Cannot reach the cloud/);

    const cloud = await h.start({ port });
    outbox.kick({ retryNow: true });
    await outbox.flush();
    expect(cloudOrders(cloud).map((o) => o.client_order_id)).toEqual(ids);
    for (const id of ids) expect(outbox.get(id)?.status).toBe('sent');
    expect(outbox.pending()).toBe(0);
    expect(outbox.lastSendError()).toBeNull();
    const puts = requestedPaths(h.logs).filter((u) => u.startsWith('PUT'));
    expect(puts).toEqual(ids.map((id) => `PUT /v1/orders/${id}`));
    expect(changes).toEqual(expect.arrayContaining(ids));
  });

  it('backs off with a jittered ceiling that doubles up to the maximum', async () => {
    let clock = 1_000_000;
    const { outbox } = outboxFor(`http://127.0.0.1:${await freePort()}`, {
      backoff: { baseMs: 60_000, maxMs: 480_000 },
      now: () => clock,
      random: () => 0.999,
    });
    enqueue(outbox, 'order-back-0001');
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = clock;
      await outbox.flush();
      const entry = outbox.get('order-back-0001');
      waits.push((entry?.nextAttemptAt ?? 0) - before);
      clock = entry?.nextAttemptAt ?? clock;
    }
    expect(waits).toEqual([59_940, 119_880, 239_760, 479_520, 479_520]);
    expect(outbox.get('order-back-0001')?.attempts).toBe(5);
  });

  it('marks an order the cloud refuses as failed with its code, never sends it again, and goes on', async () => {
    const cloud = await h.start();
    // Another order already holds this id at the cloud: the conflict case.
    const taken = await api(cloud, TOKEN_1).put(
      '/v1/orders/order-taken-0001',
      orderFor(merchant, { note: 'someone else' }),
    );
    expect(taken.status).toBe(201);
    const { outbox } = outboxFor(cloud.url);
    enqueue(
      outbox,
      'order-bad-0001',
      orderFor(merchant, { lines: [{ itemId: 'no-such-item', quantity: 1 }] }),
    );
    enqueue(outbox, 'order-taken-0001');
    enqueue(outbox, 'order-good-0001');
    await outbox.flush();
    expect(outbox.get('order-bad-0001')).toMatchObject({
      status: 'failed',
      attempts: 1,
      failure: { code: 'unknown_item' },
    });
    expect(outbox.get('order-taken-0001')).toMatchObject({
      status: 'failed',
      failure: { code: 'idempotency_conflict' },
    });
    expect(outbox.get('order-good-0001')?.status).toBe('sent');
    outbox.kick({ retryNow: true });
    await outbox.flush();
    const puts = requestedPaths(h.logs).filter((u) => u.startsWith('PUT'));
    expect(puts.filter((u) => u.endsWith('order-bad-0001'))).toHaveLength(1);
    expect(puts.filter((u) => u.endsWith('order-taken-0001'))).toHaveLength(2); // the test's + one
  });

  it('keeps orders queued on a 5xx and on a refused token: neither is about the order', async () => {
    const broken = createServer((_req, res) => {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'internal', message: 'database down' } }));
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const failing = outboxFor(`http://127.0.0.1:${(broken.address() as AddressInfo).port}`);
    enqueue(failing.outbox, 'order-5xx-0001');
    await failing.outbox.flush();
    expect(failing.outbox.get('order-5xx-0001')).toMatchObject({
      status: 'queued',
      lastError: 'database down',
    });
    broken.close();

    const cloud = await h.start();
    const wrongToken = outboxFor(cloud.url, { token: 'not-a-vehicle' });
    enqueue(wrongToken.outbox, 'order-401-0001');
    await wrongToken.outbox.flush();
    expect(wrongToken.outbox.get('order-401-0001')).toMatchObject({
      status: 'queued',
      attempts: 1,
    });
    expect(cloudOrders(cloud)).toEqual([]);
  });

  it('sends on start what a crashed host left, and an order the cloud already took stays one order', async () => {
    const port = await freePort();
    const before = outboxFor(`http://127.0.0.1:${port}`);
    enqueue(before.outbox, 'order-left-0001');
    enqueue(before.outbox, 'order-half-0001');
    await before.outbox.flush();
    before.outbox.close(); // the "crash": both still queued

    const cloud = await h.start({ port });
    // The crash came after the cloud took this one but before the host marked it sent.
    const half = db
      .prepare(`SELECT request_json FROM outbox WHERE client_order_id = 'order-half-0001'`)
      .get() as {
      request_json: string;
    };
    const taken = await api(cloud, TOKEN_1).put(
      '/v1/orders/order-half-0001',
      JSON.parse(half.request_json),
    );
    expect(taken.status).toBe(201);

    const after = outboxFor(cloud.url);
    after.outbox.start();
    await after.outbox.flush();
    expect(after.outbox.get('order-left-0001')?.status).toBe('sent');
    expect(after.outbox.get('order-half-0001')?.status).toBe('sent');
    const orders = cloudOrders(cloud);
    expect(orders.map((o) => o.client_order_id).sort()).toEqual([
      'order-half-0001',
      'order-left-0001',
    ]);
    // The host holds the cloud's one order, not a second one.
    expect(after.store.get('order-half-0001')?.orderId).toBe(OrderSchema.parse(taken.body).orderId);
  });
});

describe('order store', () => {
  it('never replaces a newer version with an older one', () => {
    const store = new OrderStore(db);
    const v1 = {
      clientOrderId: 'order-vers-0001',
      orderId: 'ord_0123456789abcdef',
      merchantId: merchant.id,
      merchantName: merchant.name,
      state: 'submitted',
      fulfilment: 'pickup',
      currency: 'USD',
      lines: [
        {
          itemId: 'x',
          name: 'X',
          quantity: 1,
          options: [],
          unitPriceMinor: 100,
          lineTotalMinor: 100,
        },
      ],
      subtotalMinor: 100,
      tax: { rateBp: 0, included: true, amountMinor: 0 },
      totalMinor: 100,
      payment: { id: 'pm_demo1visa4242', brand: 'visa', last4: '4242' },
      note: '',
      pickupAt: null,
      pickupCode: 'ACDE',
      rejectReason: null,
      history: [{ state: 'submitted', at: '2026-11-24T00:00:00.000Z' }],
      version: 1,
      createdAt: '2026-11-24T00:00:00.000Z',
      updatedAt: '2026-11-24T00:00:00.000Z',
    } satisfies Order;
    const v3 = { ...v1, state: 'preparing' as const, version: 3 };
    expect(store.apply(v1)).toBe(true);
    expect(store.apply(v3)).toBe(true);
    expect(store.apply({ ...v1, state: 'accepted', version: 2 })).toBe(false);
    expect(store.apply(v3)).toBe(false);
    expect(store.get('order-vers-0001')).toMatchObject({ state: 'preparing', version: 3 });
  });
});

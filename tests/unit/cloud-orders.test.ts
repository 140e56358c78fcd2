import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '../../common/cloudApi/errors.schema.ts';
import {
  FavouriteListSchema,
  FavouriteSchema,
  MAX_FAVOURITES,
} from '../../common/cloudApi/favourites.schema.ts';
import {
  OrderListSchema,
  OrderSchema,
  type OrderRequest,
} from '../../common/cloudApi/orders.schema.ts';
import { PaymentMethodListSchema } from '../../common/cloudApi/payments.schema.ts';
import type { CloudServer } from '../../cloud/server.ts';
import {
  api,
  CARD_1,
  CARD_2,
  cloudHarness,
  TOKEN_1,
  TOKEN_2,
  WEDNESDAY,
  type Harness,
} from '../support/cloud.ts';

let h: Harness;
let server: CloudServer;
let clock: Date;

beforeEach(async () => {
  h = cloudHarness();
  clock = WEDNESDAY;
  // Simulator off: orders stay submitted unless a test moves them.
  server = await h.start({ now: () => clock, orderStepMs: 0 });
});
afterEach(() => h.cleanup());

/** Two lattes (large, oat) and a croissant at Civic Center Roasters, San Francisco. */
function coffeeOrder(overrides: Partial<OrderRequest> = {}): OrderRequest {
  return {
    merchantId: 'sf-civic-roasters',
    currency: 'USD',
    fulfilment: 'to_car',
    paymentMethodId: CARD_1,
    lines: [
      { itemId: 'latte', quantity: 2, optionIds: ['large', 'oat'] },
      { itemId: 'croissant', quantity: 1, optionIds: [] },
    ],
    ...overrides,
  };
}

async function errorOf(res: { status: number; body: unknown }) {
  return ErrorResponseSchema.parse(res.body).error;
}

describe('placing an order', () => {
  it('creates it once, priced by the server, and returns it again for the same request', async () => {
    const car = api(server, TOKEN_1);
    const first = await car.put('/v1/orders/order-aaaa-0001', coffeeOrder());
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe('/v1/orders/order-aaaa-0001');
    const order = OrderSchema.parse(first.body);
    // 2 × (5.25 + 1.20 + 0.70) + 3.75 = 18.05, plus 8.63 % San Francisco sales tax = 1.56
    expect(order).toMatchObject({
      clientOrderId: 'order-aaaa-0001',
      state: 'submitted',
      currency: 'USD',
      subtotalMinor: 1805,
      tax: { rateBp: 863, included: false, amountMinor: 156 },
      totalMinor: 1961,
      payment: { id: CARD_1, brand: 'visa', last4: '4242' },
      version: 1,
      createdAt: WEDNESDAY.toISOString(),
      history: [{ state: 'submitted', at: WEDNESDAY.toISOString() }],
    });
    expect(order.lines[0]).toEqual({
      itemId: 'latte',
      name: 'Caffè latte',
      quantity: 2,
      options: [
        { id: 'large', name: 'Large', priceDeltaMinor: 120 },
        { id: 'oat', name: 'Oat milk', priceDeltaMinor: 70 },
      ],
      unitPriceMinor: 715,
      lineTotalMinor: 1430,
    });

    const again = await car.put('/v1/orders/order-aaaa-0001', coffeeOrder());
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const list = OrderListSchema.parse((await car.get('/v1/orders')).body);
    expect(list.orders).toHaveLength(1);
    expect((await car.get('/v1/orders/order-aaaa-0001')).body).toEqual(first.body);
  });

  it('treats a retry with keys in another order or options listed differently as the same request', async () => {
    const car = api(server, TOKEN_1);
    const body = coffeeOrder();
    expect((await car.put('/v1/orders/order-keys-0001', body)).status).toBe(201);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect((await car.put('/v1/orders/order-keys-0001', reordered)).status).toBe(200);
    const optionsSwapped = coffeeOrder({
      lines: [
        { itemId: 'latte', quantity: 2, optionIds: ['oat', 'large'] },
        { itemId: 'croissant', quantity: 1 },
      ],
    });
    expect((await car.put('/v1/orders/order-keys-0001', optionsSwapped)).status).toBe(200);
    // Line order does matter: it is what the receipt shows.
    const linesSwapped = coffeeOrder({ lines: [...(body.lines ?? [])].reverse() });
    expect((await car.put('/v1/orders/order-keys-0001', linesSwapped)).status).toBe(409);
  });

  it('ignores any price the car sends', async () => {
    const car = api(server, TOKEN_1);
    const body = {
      ...coffeeOrder(),
      totalMinor: 1,
      subtotalMinor: 1,
      lines: [
        {
          itemId: 'latte',
          quantity: 2,
          optionIds: ['large', 'oat'],
          unitPriceMinor: 1,
          priceMinor: 1,
        },
        { itemId: 'croissant', quantity: 1, optionIds: [], lineTotalMinor: 0 },
      ],
    };
    const res = await car.put('/v1/orders/order-free-0001', body);
    expect(res.status).toBe(201);
    expect(OrderSchema.parse(res.body)).toMatchObject({ subtotalMinor: 1805, totalMinor: 1961 });
  });

  it('refuses a different request under a used client order id with 409 idempotency_conflict', async () => {
    const car = api(server, TOKEN_1);
    await car.put('/v1/orders/order-dup-00001', coffeeOrder());
    const res = await car.put(
      '/v1/orders/order-dup-00001',
      coffeeOrder({ lines: [{ itemId: 'croissant', quantity: 3, optionIds: [] }] }),
    );
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('idempotency_conflict');
    const list = OrderListSchema.parse((await car.get('/v1/orders')).body);
    expect(list.orders).toHaveLength(1);
    expect(list.orders[0]?.lines).toHaveLength(2);
  });

  it('creates one order from many concurrent identical requests', async () => {
    const car = api(server, TOKEN_1);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => car.put('/v1/orders/order-race-0001', coffeeOrder())),
    );
    expect(results.map((r) => r.status).sort()).toEqual([...Array(11).fill(200), 201]);
    const ids = new Set(results.map((r) => OrderSchema.parse(r.body).orderId));
    expect(ids.size).toBe(1);
    expect(OrderListSchema.parse((await car.get('/v1/orders')).body).orders).toHaveLength(1);
  });

  it('keeps each vehicle’s orders to itself', async () => {
    const one = api(server, TOKEN_1);
    const two = api(server, TOKEN_2);
    const a = OrderSchema.parse((await one.put('/v1/orders/shared-id-0001', coffeeOrder())).body);
    expect((await two.get('/v1/orders/shared-id-0001')).status).toBe(404);
    expect(OrderListSchema.parse((await two.get('/v1/orders')).body).orders).toEqual([]);
    // The same client order id is independent per vehicle.
    const res = await two.put(
      '/v1/orders/shared-id-0001',
      coffeeOrder({ paymentMethodId: CARD_2, fulfilment: 'pickup' }),
    );
    expect(res.status).toBe(201);
    expect(OrderSchema.parse(res.body).orderId).not.toBe(a.orderId);
    expect((await two.post('/v1/orders/shared-id-0001/cancel')).status).toBe(200);
    expect(OrderSchema.parse((await one.get('/v1/orders/shared-id-0001')).body).state).toBe(
      'submitted',
    );
  });

  it('prices VAT-inclusive places without adding tax', async () => {
    const car = api(server, TOKEN_1);
    const res = await car.put('/v1/orders/order-muc-00001', {
      merchantId: 'muc-leopold-cafe',
      currency: 'EUR',
      fulfilment: 'pickup',
      paymentMethodId: CARD_1,
      lines: [{ itemId: 'latte', quantity: 1, optionIds: ['large'] }],
    });
    expect(res.status).toBe(201);
    // 3.90 + 0.90 = 4.80 € including 19 % VAT (0.77 €).
    expect(OrderSchema.parse(res.body)).toMatchObject({
      subtotalMinor: 480,
      totalMinor: 480,
      tax: { rateBp: 1900, included: true, amountMinor: 77 },
    });
  });
});

describe('order errors', () => {
  it.each([
    ['no header', undefined],
    ['an unknown token', 'not-a-vehicle'],
  ])('answers 401 unauthorized with %s, before looking at the request', async (_what, token) => {
    for (const res of [
      await api(server, token).get('/v1/orders'),
      await api(server, token).put('/v1/orders/x', { nonsense: true }),
      await api(server, token).get('/v1/payment-methods'),
      await api(server, token).get('/v1/favourites'),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await errorOf(res)).code).toBe('unauthorized');
    }
    const basic = await fetch(`${server.url}/v1/orders`, {
      headers: { authorization: `Basic ${btoa('dev-vehicle-token:')}` },
    });
    expect(basic.status).toBe(401);
  });

  it('answers 404 not_found for an unknown order', async () => {
    const res = await api(server, TOKEN_1).get('/v1/orders/never-placed-01');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });

  it.each([
    ['a malformed client order id', '/v1/orders/short', coffeeOrder(), 'params.clientOrderId'],
    ['no lines', '/v1/orders/order-bad-00001', coffeeOrder({ lines: [] }), 'body.lines'],
    [
      'a fractional quantity',
      '/v1/orders/order-bad-00002',
      coffeeOrder({ lines: [{ itemId: 'latte', quantity: 1.5, optionIds: ['small'] }] }),
      'body.lines.0.quantity',
    ],
    [
      'a bad currency code',
      '/v1/orders/order-bad-00003',
      coffeeOrder({ currency: 'usd' }),
      'body.currency',
    ],
  ])('answers 400 invalid_request for %s', async (_what, path, body, issuePath) => {
    const res = await api(server, TOKEN_1).put(path, body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_request');
    expect(error.issues?.map((i) => i.path)).toContain(issuePath);
  });

  const line = (itemId: string, quantity: number, optionIds: string[]) => ({
    lines: [{ itemId, quantity, optionIds }],
  });
  it.each([
    ['unknown_merchant', coffeeOrder({ merchantId: 'nowhere' }), 'body.merchantId'],
    ['currency_mismatch', coffeeOrder({ currency: 'EUR' }), 'body.currency'],
    [
      'fulfilment_unavailable',
      coffeeOrder({ merchantId: 'sf-hayes-espresso', fulfilment: 'to_car' }),
      'body.fulfilment',
    ],
    ['unknown_payment_method', coffeeOrder({ paymentMethodId: CARD_2 }), 'body.paymentMethodId'],
    ['unknown_item', coffeeOrder(line('flat-white', 1, [])), 'body.lines.0.itemId'],
    ['unknown_option', coffeeOrder(line('latte', 1, ['small', 'soy'])), 'body.lines.0.optionIds.1'],
    ['invalid_options', coffeeOrder(line('latte', 1, ['oat'])), 'body.lines.0.optionIds'],
    [
      'invalid_options',
      coffeeOrder(line('latte', 1, ['small', 'large'])),
      'body.lines.0.optionIds',
    ],
    [
      'invalid_options',
      coffeeOrder(line('latte', 1, ['small', 'small'])),
      'body.lines.0.optionIds.1',
    ],
    ['quantity_out_of_range', coffeeOrder(line('croissant', 0, [])), 'body.lines.0.quantity'],
    ['quantity_out_of_range', coffeeOrder(line('croissant', -2, [])), 'body.lines.0.quantity'],
    ['quantity_out_of_range', coffeeOrder(line('croissant', 11, [])), 'body.lines.0.quantity'],
    ['price_changed', coffeeOrder({ expectedTotalMinor: 1900 }), 'body.expectedTotalMinor'],
    [
      'pickup_time_out_of_range',
      coffeeOrder({
        pickupAt: new Date(WEDNESDAY.getTime() + 3 * 3_600_000 + 60_000).toISOString(),
      }),
      'body.pickupAt',
    ],
    [
      'pickup_time_out_of_range',
      coffeeOrder({ pickupAt: new Date(WEDNESDAY.getTime() - 16 * 60_000).toISOString() }),
      'body.pickupAt',
    ],
  ])('answers 422 %s, storing nothing', async (code, body, issuePath) => {
    const car = api(server, TOKEN_1);
    const res = await car.put('/v1/orders/order-422-00001', body);
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message).not.toBe('');
    expect(error.issues?.[0]?.path).toBe(issuePath);
    expect((await car.get('/v1/orders/order-422-00001')).status).toBe(404);
    // Nothing was stored, so the id is still free for a valid order.
    expect((await car.put('/v1/orders/order-422-00001', coffeeOrder())).status).toBe(201);
  });

  it('keeps the pickup time the car asked for (a combined stop), and null without one', async () => {
    const car = api(server, TOKEN_1);
    const pickupAt = new Date(WEDNESDAY.getTime() + 12 * 60_000).toISOString();
    const timed = await car.put('/v1/orders/order-pick-0001', coffeeOrder({ pickupAt }));
    expect(timed.status).toBe(201);
    expect(OrderSchema.parse(timed.body).pickupAt).toBe(pickupAt);
    const listed = OrderListSchema.parse((await car.get('/v1/orders')).body);
    expect(listed.orders.find((o) => o.clientOrderId === 'order-pick-0001')?.pickupAt).toBe(
      pickupAt,
    );
    const plain = await car.put('/v1/orders/order-pick-0002', coffeeOrder());
    expect(OrderSchema.parse(plain.body).pickupAt).toBeNull();
    // A different pickup time under the same id is a different request.
    const later = new Date(WEDNESDAY.getTime() + 20 * 60_000).toISOString();
    const again = await car.put('/v1/orders/order-pick-0001', coffeeOrder({ pickupAt: later }));
    expect(again.status).toBe(409);
  });

  describe('a vehicle service booked for a drop-off time', () => {
    // WEDNESDAY is 11:00 in San Francisco; Van Ness Auto Service opens 07:30–18:00 on weekdays,
    // 08:00–16:00 on Saturdays, and not on Sundays.
    const service = (pickupAt: string): OrderRequest => ({
      merchantId: 'sf-van-ness-service',
      currency: 'USD',
      fulfilment: 'pickup',
      paymentMethodId: CARD_1,
      lines: [{ itemId: 'oil-change', quantity: 1, optionIds: ['0w20'] }],
      pickupAt,
    });

    it('takes a drop-off days ahead when the workshop is open then, even if closed now', async () => {
      const friday = '2026-03-13T16:00:00.000Z'; // Friday 09:00 local
      const res = await api(server, TOKEN_1).put('/v1/orders/order-svc-00001', service(friday));
      expect(res.status).toBe(201);
      expect(OrderSchema.parse(res.body).pickupAt).toBe(friday);
      clock = new Date(WEDNESDAY.getTime() + 12 * 3_600_000); // Wednesday 23:00: closed now
      const thursday = '2026-03-12T16:30:00.000Z'; // Thursday 09:30 local
      const late = await api(server, TOKEN_1).put('/v1/orders/order-svc-00002', service(thursday));
      expect(late.status).toBe(201);
    });

    it.each([
      ['on a Sunday', '2026-03-15T17:00:00.000Z', 'merchant_closed', /at that time/],
      ['fifteen days ahead', '2026-03-26T16:00:00.000Z', 'pickup_time_out_of_range', /14 days/],
    ])('refuses one %s', async (_when, pickupAt, code, message) => {
      const res = await api(server, TOKEN_1).put('/v1/orders/order-svc-00003', service(pickupAt));
      expect(res.status).toBe(422);
      const error = await errorOf(res);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    });

    it('keeps the 3-hour window for anything but a service', async () => {
      const tomorrow = new Date(WEDNESDAY.getTime() + 24 * 3_600_000).toISOString();
      const res = await api(server, TOKEN_1).put(
        '/v1/orders/order-svc-00004',
        coffeeOrder({ pickupAt: tomorrow }),
      );
      expect((await errorOf(res)).code).toBe('pickup_time_out_of_range');
    });
  });

  it('accepts an expected total that matches the server’s', async () => {
    const res = await api(server, TOKEN_1).put(
      '/v1/orders/order-exp-00001',
      coffeeOrder({ expectedTotalMinor: 1961 }),
    );
    expect(res.status).toBe(201);
  });

  it('refuses a closed merchant with 422 merchant_closed and when it opens', async () => {
    // 02:00 on Thursday in Hangzhou.
    const res = await api(server, TOKEN_1).put('/v1/orders/order-hz-000001', {
      merchantId: 'hz-hubin-coffee',
      currency: 'CNY',
      fulfilment: 'pickup',
      paymentMethodId: CARD_1,
      lines: [{ itemId: 'americano', quantity: 1, optionIds: ['small'] }],
    });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('merchant_closed');
    expect(error.message).toContain('08:00');
    // Six hours later it is open.
    clock = new Date(WEDNESDAY.getTime() + 6 * 3600_000);
    const later = await api(server, TOKEN_1).put('/v1/orders/order-hz-000001', {
      merchantId: 'hz-hubin-coffee',
      currency: 'CNY',
      fulfilment: 'pickup',
      paymentMethodId: CARD_1,
      lines: [{ itemId: 'americano', quantity: 1, optionIds: ['small'] }],
    });
    expect(later.status).toBe(201);
    expect(OrderSchema.parse(later.body).totalMinor).toBe(2200);
  });
});

describe('cancelling', () => {
  it('cancels a submitted order once, and a retry returns it unchanged', async () => {
    const car = api(server, TOKEN_1);
    await car.put('/v1/orders/order-cxl-00001', coffeeOrder());
    const res = await car.post('/v1/orders/order-cxl-00001/cancel');
    expect(res.status).toBe(200);
    const order = OrderSchema.parse(res.body);
    expect(order.state).toBe('cancelled');
    expect(order.version).toBe(2);
    expect(order.history.map((e) => e.state)).toEqual(['submitted', 'cancelled']);
    const again = await car.post('/v1/orders/order-cxl-00001/cancel');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    expect((await car.post('/v1/orders/nothing-here-1/cancel')).status).toBe(404);
  });
});

describe('resync after a reconnect', () => {
  it('lists what changed since a cursor or a time, oldest change first, in pages', async () => {
    const car = api(server, TOKEN_1);
    const empty = OrderListSchema.parse((await car.get('/v1/orders')).body);
    expect(empty).toEqual({ orders: [], cursor: '0', hasMore: false });

    await car.put('/v1/orders/order-sync-0001', coffeeOrder());
    clock = new Date(WEDNESDAY.getTime() + 1000);
    await car.put('/v1/orders/order-sync-0002', coffeeOrder());
    const all = OrderListSchema.parse((await car.get('/v1/orders')).body);
    expect(all.orders.map((o) => o.clientOrderId)).toEqual(['order-sync-0001', 'order-sync-0002']);
    expect(all.cursor).toBe('2');

    // Offline: the first order is cancelled (the change lands after the cursor).
    clock = new Date(WEDNESDAY.getTime() + 2000);
    await car.post('/v1/orders/order-sync-0001/cancel');
    const since = OrderListSchema.parse((await car.get(`/v1/orders?since=${all.cursor}`)).body);
    expect(since.orders.map((o) => [o.clientOrderId, o.state])).toEqual([
      ['order-sync-0001', 'cancelled'],
    ]);
    expect(since.cursor).toBe('3');
    expect(OrderListSchema.parse((await car.get('/v1/orders?since=3')).body)).toEqual({
      orders: [],
      cursor: '3',
      hasMore: false,
    });

    // By time: changes strictly after it.
    const byTime = OrderListSchema.parse(
      (await car.get(`/v1/orders?since=${new Date(WEDNESDAY.getTime() + 500).toISOString()}`)).body,
    );
    expect(byTime.orders.map((o) => o.clientOrderId)).toEqual([
      'order-sync-0002',
      'order-sync-0001',
    ]);

    // Pages: one at a time until hasMore is false.
    const seen: string[] = [];
    let cursor = '0';
    for (let i = 0; i < 5; i++) {
      const page = OrderListSchema.parse(
        (await car.get(`/v1/orders?since=${cursor}&limit=1`)).body,
      );
      seen.push(...page.orders.map((o) => o.clientOrderId));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen).toEqual(['order-sync-0002', 'order-sync-0001']);

    // A cursor from before a server reset (larger than any) resyncs everything.
    const reset = OrderListSchema.parse((await car.get('/v1/orders?since=999')).body);
    expect(reset.orders).toHaveLength(2);
    expect(reset.cursor).toBe('3');
  });

  it('refuses a malformed since with 400', async () => {
    const res = await api(server, TOKEN_1).get('/v1/orders?since=yesterday');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).issues?.[0]?.path).toBe('query.since');
  });
});

describe('payment methods', () => {
  it('lists only the vehicle’s own tokens, brand and last four, never a card number', async () => {
    const res = await api(server, TOKEN_1).get('/v1/payment-methods');
    const { paymentMethods } = PaymentMethodListSchema.parse(res.body);
    expect(paymentMethods.map((p) => [p.id, p.brand, p.last4, p.isDefault])).toEqual([
      [CARD_1, 'visa', '4242', true],
      ['pm_demo1mc4444', 'mastercard', '4444', false],
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/\d{12,}/);
    const two = PaymentMethodListSchema.parse(
      (await api(server, TOKEN_2).get('/v1/payment-methods')).body,
    );
    expect(two.paymentMethods.map((p) => p.id)).toEqual([CARD_2]);
  });
});

describe('favourites', () => {
  const favourite = {
    label: 'Morning coffee',
    merchantId: 'sf-civic-roasters',
    fulfilment: 'to_car',
    lines: [{ itemId: 'latte', quantity: 1, optionIds: ['medium', 'oat'] }],
  };

  it('saves, lists with today’s price, replaces and deletes, per vehicle', async () => {
    const car = api(server, TOKEN_1);
    const created = await car.put('/v1/favourites/fav-morning-1', favourite);
    expect(created.status).toBe(201);
    expect(FavouriteSchema.parse(created.body)).toMatchObject({
      id: 'fav-morning-1',
      merchantName: 'Civic Center Roasters',
      currency: 'USD',
      orderable: true,
      // 5.25 + 0.60 + 0.70 = 6.55, + 8.63 % tax (0.57)
      totalMinor: 712,
      lines: [{ itemId: 'latte', name: 'Caffè latte', quantity: 1, optionIds: ['medium', 'oat'] }],
    });
    const replaced = await car.put('/v1/favourites/fav-morning-1', {
      ...favourite,
      label: 'Usual',
    });
    expect(replaced.status).toBe(200);
    const list = FavouriteListSchema.parse((await car.get('/v1/favourites')).body);
    expect(list.favourites.map((f) => f.label)).toEqual(['Usual']);
    expect(
      FavouriteListSchema.parse((await api(server, TOKEN_2).get('/v1/favourites')).body),
    ).toEqual({ favourites: [] });
    expect((await api(server, TOKEN_2).delete('/v1/favourites/fav-morning-1')).status).toBe(404);

    const deleted = await car.delete('/v1/favourites/fav-morning-1');
    expect(deleted).toMatchObject({ status: 200, body: { id: 'fav-morning-1', deleted: true } });
    expect((await car.delete('/v1/favourites/fav-morning-1')).status).toBe(404);
  });

  it('checks a favourite against the menu like an order', async () => {
    const car = api(server, TOKEN_1);
    const bad = await car.put('/v1/favourites/fav-bad-0001', {
      ...favourite,
      lines: [{ itemId: 'latte', quantity: 1, optionIds: ['venti'] }],
    });
    expect(bad.status).toBe(422);
    expect((await errorOf(bad)).code).toBe('unknown_option');
    const elsewhere = await car.put('/v1/favourites/fav-bad-0002', {
      ...favourite,
      merchantId: 'x',
    });
    expect((await errorOf(elsewhere)).code).toBe('unknown_merchant');
  });

  it(`keeps at most ${MAX_FAVOURITES} per vehicle`, async () => {
    const car = api(server, TOKEN_1);
    for (let i = 0; i < MAX_FAVOURITES; i++) {
      expect((await car.put(`/v1/favourites/fav-many-${i}00`, favourite)).status).toBe(201);
    }
    const over = await car.put('/v1/favourites/fav-one-too-many', favourite);
    expect(over.status).toBe(422);
    expect((await errorOf(over)).code).toBe('too_many_favourites');
    // Replacing an existing one is still allowed.
    expect((await car.put('/v1/favourites/fav-many-000', favourite)).status).toBe(200);
  });
});

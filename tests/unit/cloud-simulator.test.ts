import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ORDER_UPDATED_EVENT,
  OrderUpdatedEventSchema,
  type OrderUpdatedEvent,
} from '../../common/cloudApi/events.schema.ts';
import {
  OrderListSchema,
  OrderSchema,
  type OrderRequest,
} from '../../common/cloudApi/orders.schema.ts';
import { ORDER_PROGRESS } from '../../common/orders/stateMachine.ts';
import type { CloudServer } from '../../cloud/server.ts';
import {
  api,
  CARD_1,
  CARD_2,
  cloudHarness,
  eventually,
  TOKEN_1,
  TOKEN_2,
  WEDNESDAY,
  type Harness,
} from '../support/cloud.ts';

let h: Harness;
beforeEach(() => {
  h = cloudHarness();
});
afterEach(() => h.cleanup());

/** A 24-hour fuel station, so the real clock never finds it closed. */
function fuelOrder(card = CARD_1, itemId = 'prepay-30'): OrderRequest {
  return {
    merchantId: 'sf-van-ness-fuel',
    currency: 'USD',
    fulfilment: 'pickup',
    paymentMethodId: card,
    lines: [{ itemId, quantity: 1, optionIds: ['regular'] }],
  };
}

function collect(socket: Socket): OrderUpdatedEvent[] {
  const seen: OrderUpdatedEvent[] = [];
  socket.on(ORDER_UPDATED_EVENT, (payload: unknown) => {
    seen.push(OrderUpdatedEventSchema.parse(payload));
  });
  return seen;
}

async function stateOf(server: CloudServer, token: string, id: string) {
  return OrderSchema.parse((await api(server, token).get(`/v1/orders/${id}`)).body).state;
}

describe('merchant simulator and order events', () => {
  it('moves an order to completed and pushes each change to its vehicle only', async () => {
    const server = await h.start({ orderStepMs: 40 });
    const one = await h.events(server, TOKEN_1);
    const two = await h.events(server, TOKEN_2);
    const mine = collect(one);
    const theirs = collect(two);

    const res = await api(server, TOKEN_1).put('/v1/orders/order-sim-00001', fuelOrder());
    expect(res.status).toBe(201);
    await eventually(async () => (mine.length >= 5 ? true : undefined));

    expect(mine.map((e) => e.order.state)).toEqual(ORDER_PROGRESS);
    expect(mine.map((e) => e.order.version)).toEqual([1, 2, 3, 4, 5]);
    expect(mine.map((e) => e.cursor)).toEqual(['1', '2', '3', '4', '5']);
    for (const e of mine) expect(e.order.clientOrderId).toBe('order-sim-00001');
    const final = mine[4]?.order;
    expect(final?.history.map((x) => x.state)).toEqual(ORDER_PROGRESS);
    // Steps are spaced by the configured time (timer resolution aside).
    const times = final?.history.map((x) => Date.parse(x.at)) ?? [];
    for (let i = 1; i < times.length; i++) {
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(35);
    }
    expect(await stateOf(server, TOKEN_1, 'order-sim-00001')).toBe('completed');

    // The other vehicle heard nothing of it, and hears its own order.
    expect(theirs).toEqual([]);
    await api(server, TOKEN_2).put('/v1/orders/order-sim-00002', fuelOrder(CARD_2));
    await eventually(async () => (theirs.length >= 5 ? true : undefined));
    expect(theirs.every((e) => e.order.clientOrderId === 'order-sim-00002')).toBe(true);
    expect(mine).toHaveLength(5);
  });

  it('holds an order for a later time at accepted until two steps before it', async () => {
    const server = await h.start({ orderStepMs: 40 });
    const seen = collect(await h.events(server, TOKEN_1));
    const pickupAt = new Date(Date.now() + 600).toISOString();
    const placed = Date.now();
    const res = await api(server, TOKEN_1).put('/v1/orders/order-hold-0001', {
      ...fuelOrder(),
      pickupAt,
    });
    expect(res.status).toBe(201);
    await eventually(async () => (seen.length >= 5 ? true : undefined));
    expect(seen.map((e) => e.order.state)).toEqual(ORDER_PROGRESS);
    const preparingAt = Date.parse(seen[2]!.order.updatedAt);
    // Without a time it would prepare one step (40 ms) after acceptance; held, not before
    // pickupAt − 2 steps (about 520 ms after it was placed).
    expect(preparingAt - placed).toBeGreaterThanOrEqual(480);
    expect(preparingAt).toBeLessThanOrEqual(Date.parse(pickupAt));
  });

  it('refuses an event connection without a valid token', async () => {
    const server = await h.start();
    await expect(h.events(server, undefined)).rejects.toThrow('unauthorized');
    await expect(h.events(server, 'wrong-token')).rejects.toThrow('unauthorized');
    expect(server.eventConnections()).toBe(0);
    await h.events(server, TOKEN_1);
    expect(server.eventConnections()).toBe(1);
  });

  it('rejects an order with a sold-out item (item_sold_out) instead of accepting it', async () => {
    // Civic Center Roasters marks its seasonal drink sold out; the clock is pinned to 11:00 in
    // San Francisco so the café is open whatever the hour the test runs.
    const server = await h.start({ orderStepMs: 20, now: () => WEDNESDAY });
    const events = collect(await h.events(server, TOKEN_1));
    const res = await api(server, TOKEN_1).put('/v1/orders/order-sold-0002', {
      merchantId: 'sf-civic-roasters',
      currency: 'USD',
      fulfilment: 'pickup',
      paymentMethodId: CARD_1,
      lines: [
        { itemId: 'latte', quantity: 1, optionIds: ['small'] },
        { itemId: 'seasonal', quantity: 1, optionIds: ['small'] },
      ],
    });
    expect(res.status).toBe(201);
    await eventually(async () => (events.length >= 2 ? true : undefined));
    expect(events.map((e) => [e.order.state, e.order.rejectReason])).toEqual([
      ['submitted', null],
      ['rejected', 'item_sold_out'],
    ]);
    const order = OrderSchema.parse(
      (await api(server, TOKEN_1).get('/v1/orders/order-sold-0002')).body,
    );
    expect(order.history.map((x) => x.state)).toEqual(['submitted', 'rejected']);
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toHaveLength(2); // terminal: no further steps
  });

  it('stops advancing a cancelled order, and refuses to cancel once preparing', async () => {
    const server = await h.start({ orderStepMs: 60 });
    const car = api(server, TOKEN_1);
    await car.put('/v1/orders/order-cxl-sim01', fuelOrder());
    const cancelled = await car.post('/v1/orders/order-cxl-sim01/cancel');
    expect(OrderSchema.parse(cancelled.body).state).toBe('cancelled');
    await car.put('/v1/orders/order-cxl-sim02', fuelOrder());
    await eventually(async () =>
      (await stateOf(server, TOKEN_1, 'order-cxl-sim02')) === 'preparing' ? true : undefined,
    );
    const late = await car.post('/v1/orders/order-cxl-sim02/cancel');
    expect(late.status).toBe(409);
    expect((late.body as { error: { code: string } }).error.code).toBe('not_cancellable');
    await eventually(async () =>
      (await stateOf(server, TOKEN_1, 'order-cxl-sim02')) === 'completed' ? true : undefined,
    );
    expect(await stateOf(server, TOKEN_1, 'order-cxl-sim01')).toBe('cancelled');
  });

  it('resumes open orders after a restart, and the car resyncs what it missed', async () => {
    let server = await h.start({ orderStepMs: 80 });
    const car = () => api(server, TOKEN_1);
    await car().put('/v1/orders/order-rst-00001', fuelOrder());
    const seenBefore = OrderListSchema.parse((await car().get('/v1/orders')).body);
    await eventually(async () =>
      (await stateOf(server, TOKEN_1, 'order-rst-00001')) === 'accepted' ? true : undefined,
    );
    // The server goes down mid-order (the car is offline too), and comes back.
    await server.close();
    // Slower steps after the restart, so the event socket is surely connected before the end.
    server = await h.start({ orderStepMs: 100 });
    const socket = await h.events(server, TOKEN_1);
    const pushed = collect(socket);
    await eventually(async () =>
      (await stateOf(server, TOKEN_1, 'order-rst-00001')) === 'completed' ? true : undefined,
    );
    const order = OrderSchema.parse((await car().get('/v1/orders/order-rst-00001')).body);
    expect(order.history.map((x) => x.state)).toEqual(ORDER_PROGRESS);
    expect(order.version).toBe(5);

    // Resync from the cursor the car held before the outage gives the final state.
    const missed = OrderListSchema.parse(
      (await car().get(`/v1/orders?since=${seenBefore.cursor}`)).body,
    );
    expect(missed.orders.map((o) => [o.clientOrderId, o.state])).toEqual([
      ['order-rst-00001', 'completed'],
    ]);
    expect(missed.cursor).toBe('5');
    expect(pushed.at(-1)?.order.state).toBe('completed');
  });

  it('leaves orders where they are when the simulator is off (step 0)', async () => {
    const server = await h.start({ orderStepMs: 0 });
    await api(server, TOKEN_1).put('/v1/orders/order-off-00001', fuelOrder());
    await new Promise((r) => setTimeout(r, 150));
    expect(await stateOf(server, TOKEN_1, 'order-off-00001')).toBe('submitted');
  });

  it('logs nothing at error level through a full order life', async () => {
    const server = await h.start({ orderStepMs: 10 });
    await api(server, TOKEN_1).put('/v1/orders/order-log-00001', fuelOrder());
    await eventually(async () =>
      (await stateOf(server, TOKEN_1, 'order-log-00001')) === 'completed' ? true : undefined,
    );
    await server.close();
    const levels = h.logs.map((l) => (JSON.parse(l) as { level: string }).level);
    expect(levels).not.toContain('error');
  });
});

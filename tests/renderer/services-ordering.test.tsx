import { act, screen, waitFor } from '@testing-library/react';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARKED, renderApp, type Harness } from './harness.tsx';
import {
  CIVIC_CENTER,
  closedHoursClock,
  cloudOrderCount,
  feedCar,
  openHoursClock,
  stackNames,
  tap,
  WAIT,
} from './servicesSupport.ts';

let app: Harness | undefined;
beforeEach(() => localStorage.clear());
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';

describe('ordering while parked (real host and cloud)', () => {
  it('browses, builds an order, checks out with the saved card and follows it to ready', async () => {
    app = await renderApp({ cloud: { orderStepMs: 150, now: openHoursClock() } });
    feedCar(app, { ...PARKED, ...CIVIC_CENTER });

    // 1. Services: where to look (asked once), then the category.
    await tap('nav-services');
    await tap('location-allow');
    await tap('category-coffee');
    // 2. Merchants near the car, nearest first, with the distance and the minutes to get there.
    await waitFor(() => screen.getByTestId('merchant-sf-hayes-espresso'), WAIT);
    expect(text('merchant-sf-hayes-espresso')).toMatch(/520 m · 2 min/);
    await tap('merchant-sf-hayes-espresso');
    // 3. The menu: a latte with options chosen in the sheet, a muffin with none.
    await tap('add-latte');
    expect(screen.getByTestId('options-sheet')).toBeTruthy();
    // The required size comes preselected; medium costs more.
    expect(screen.getByTestId('option-size-small').getAttribute('aria-pressed')).toBe('true');
    await tap('option-size-medium');
    await tap('option-milk-oat');
    expect(text('options-add')).toBe('Add · $6.55');
    await tap('options-add');
    await tap('section-bakery');
    await tap('add-muffin');
    expect(text('cart-summary')).toBe('2 items · $10.92');
    // 4. Checkout: the last of four screens from the services tile (G1).
    await tap('to-checkout');
    expect(stackNames(app)).toEqual(['services', 'merchants', 'merchant', 'checkout']);
    await waitFor(
      () =>
        expect(screen.getByTestId('payment-pm_demo1visa4242').getAttribute('aria-pressed')).toBe(
          'true',
        ),
      WAIT,
    );
    // Subtotal 6.55 + 3.50 = 10.05; San Francisco sales tax 8.63 % is added on top: 0.87.
    expect(text('checkout-total')).toBe('$10.92');
    await tap('place-order');

    // The order's progress replaces checkout; the cart is spent.
    await waitFor(() => expect(screen.getByTestId('order-screen')).toBeTruthy(), WAIT);
    expect(stackNames(app)).toEqual(['services', 'merchants', 'merchant', 'order']);
    expect(app.store.getState().cart).toBeNull();
    const progress = () => screen.getByTestId('order-progress');
    await waitFor(() => expect(progress().dataset.delivery).toBe('sent'), WAIT);
    expect(text('order-delivery')).toBe('Sent');
    await waitFor(() => expect(progress().dataset.state).toBe('ready'), WAIT);
    expect(text('order-state')).toBe('Ready for pickup');
    expect(text('pickup-code')).toMatch(/^Pickup code [A-Z0-9]{4}$/);
    // The car's total is the cloud's total, and the cloud has the order once.
    const order = app.store.getState().orders[0]!;
    expect(order.order?.totalMinor).toBe(1092);
    expect(text('order-total')).toBe('Total $10.92');
    expect(cloudOrderCount(app, order.clientOrderId)).toBe(1);
    expect(cloudOrderCount(app)).toBe(1);

    // Saved as a favourite, it is on the home screen; the order is in the history.
    await tap('save-favourite');
    await waitFor(() => expect(text('save-favourite')).toBe('Saved as favourite'), WAIT);
    await tap('order-done');
    await waitFor(() => expect(screen.getAllByTestId(/^home-favourite-/)).toHaveLength(1), WAIT);
    await tap('nav-services');
    await tap('open-orders');
    expect(text(`order-row-${order.clientOrderId}`)).toMatch(/Hayes Valley Espresso Bar/);
  }, 30_000);

  it('asks before emptying a cart from another merchant', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    feedCar(app, { ...PARKED, ...CIVIC_CENTER });
    await openCoffeeNearby(app);
    await tap('merchant-sf-hayes-espresso');
    await tap('section-bakery');
    await tap('add-muffin');
    await tap('nav-back');
    await tap('merchant-sf-civic-roasters');
    await tap('section-bakery');
    await tap('add-muffin');
    expect(screen.getByTestId('replace-sheet')).toBeTruthy();
    await tap('replace-keep');
    expect(app.store.getState().cart?.merchant.id).toBe('sf-hayes-espresso');
    await tap('add-muffin');
    await tap('replace-confirm');
    expect(app.store.getState().cart?.merchant.id).toBe('sf-civic-roasters');
    expect(text('cart-summary')).toBe('1 item · $3.80');
  }, 30_000);

  it('shows an order the cloud refused as not sent, with the reason, and never retries it', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: closedHoursClock() } });
    feedCar(app, PARKED);
    // Placed from a menu seen earlier, the café has closed since.
    const order = await act(() =>
      app!.store.getState().placeOrder({
        merchantId: 'sf-hayes-espresso',
        currency: 'USD',
        fulfilment: 'pickup',
        paymentMethodId: 'pm_demo1visa4242',
        lines: [{ itemId: 'muffin', quantity: 1, optionIds: [] }],
      }),
    );
    act(() => app!.store.getState().reset({ name: 'order', clientOrderId: order.clientOrderId }));
    await waitFor(
      () => expect(screen.getByTestId('order-progress').dataset.delivery).toBe('failed'),
      WAIT,
    );
    expect(text('order-delivery')).toBe('Not sent');
    expect(text('order-state')).toBe('The place is closed.');
    // A refused order is not one to save as a favourite.
    expect(screen.queryByTestId('save-favourite')).toBeNull();
    expect(cloudOrderCount(app)).toBe(0);
  });

  it('keeps an order placed while the cloud is down, says so, and sends it exactly once', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    feedCar(app, { ...PARKED, ...CIVIC_CENTER });
    await openCoffeeNearby(app);
    await tap('merchant-sf-hayes-espresso'); // the menu is now in the car's cache
    await tap('section-bakery');
    await tap('add-muffin');
    await tap('to-checkout');
    await waitFor(() => expect(screen.getByTestId('payment-pm_demo1visa4242')).toBeTruthy(), WAIT);

    const port = Number(new URL(app.cloud.url).port);
    await app.cloud.close();
    await tap('place-order');
    await waitFor(() => expect(screen.getByTestId('order-screen')).toBeTruthy(), WAIT);
    expect(screen.getByTestId('order-progress').dataset.delivery).toBe('queued');
    expect(text('order-delivery')).toBe('Will send when connected');
    // Named from the cached menu although the cloud cannot be asked.
    expect(screen.getByTestId('order-screen').textContent).toMatch(/1 × Blueberry muffin/);

    // The same port and database again: the car sends it, and the cloud has it once.
    const { startCloud } = await import('../../cloud/server.ts');
    const { createLogger } = await import('../../common/log.ts');
    const back = await startCloud({
      host: '127.0.0.1',
      port,
      dbPath: join(app.dataDir, 'cloud.db'),
      orderStepMs: 0,
      now: openHoursClock(),
      logger: createLogger('cloud', () => {}),
    });
    try {
      await act(() => app!.host.checkCloud());
      await waitFor(
        () => expect(screen.getByTestId('order-progress').dataset.delivery).toBe('sent'),
        WAIT,
      );
      expect(text('order-delivery')).toBe('Sent');
      const id = app.store.getState().orders[0]!.clientOrderId;
      const count = back.db
        .prepare('SELECT count(*) AS n FROM orders WHERE client_order_id = ?')
        .get(id) as { n: number };
      expect(count.n).toBe(1);
    } finally {
      await back.close();
    }
  }, 30_000);
});

/** Straight to the coffee list around the car (location allowed through the host). */
async function openCoffeeNearby(h: Harness): Promise<void> {
  await act(async () => {
    await h.store.getState().setLocationConsent(true);
    h.store.getState().reset({ name: 'merchants', category: 'coffee' });
  });
}

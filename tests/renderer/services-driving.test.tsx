import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Favourite } from '../../common/cloudApi/favourites.schema.ts';
import { DRIVING, PARKED, renderApp, type Harness } from './harness.tsx';
import {
  CIVIC_CENTER,
  closedHoursClock,
  cloudOrderCount,
  feedCar,
  OCCUPIED,
  openHoursClock,
  tap,
  WAIT,
} from './servicesSupport.ts';

let app: Harness | undefined;
beforeEach(() => localStorage.clear());
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A saved latte at Hayes Valley, stored through the host as the order screen would. */
async function saveFavourite(h: Harness): Promise<Favourite> {
  await act(async () => {
    await h.store.getState().saveFavourite({
      label: 'Oat latte',
      merchantId: 'sf-hayes-espresso',
      fulfilment: 'pickup',
      lines: [{ itemId: 'latte', quantity: 1, optionIds: ['small', 'oat'] }],
    });
  });
  const favourite = h.store.getState().favourites.value?.favourites[0];
  if (!favourite) throw new Error('favourite not saved');
  return favourite;
}

describe('while the car moves', () => {
  it('keeps browsing, cart and checkout behind the gate, but shows an order’s progress', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    feedCar(app, { ...DRIVING, ...CIVIC_CENTER });
    await tap('nav-services');
    expect(screen.getByTestId('screen-gate').textContent).toMatch(/Available when parked/);
    expect(screen.queryByTestId('category-coffee')).toBeNull();
    for (const screenParams of [
      { name: 'merchants', category: 'coffee' },
      { name: 'merchant', merchantId: 'sf-hayes-espresso' },
      { name: 'checkout' },
      { name: 'favourites' },
      { name: 'orders' },
    ] as const) {
      act(() => app!.store.getState().reset(screenParams));
      expect(screen.getByTestId('screen-gate'), screenParams.name).toBeTruthy();
    }
    // Stopping in Park opens it at once; driving off closes it again.
    act(() => app!.store.getState().reset({ name: 'services' }));
    feedCar(app, PARKED);
    expect(screen.queryByTestId('screen-gate')).toBeNull();
    feedCar(app, DRIVING);
    expect(screen.getByTestId('screen-gate')).toBeTruthy();
    // The progress of an order is information, not a task: always there.
    act(() => app!.store.getState().reset({ name: 'order' }));
    expect(screen.queryByTestId('screen-gate')).toBeNull();
  });

  it('lets the driver reorder a favourite from home in two taps: the favourite and its confirmation', async () => {
    app = await renderApp({ cloud: { orderStepMs: 100, now: openHoursClock() } });
    feedCar(app, { ...PARKED, ...CIVIC_CENTER });
    const favourite = await saveFavourite(app);
    feedCar(app, DRIVING);
    act(() => app!.store.getState().reset({ name: 'home' }));
    expect(app.store.getState().driveState).toBe('MOVING');

    // Tap 1: the favourite opens its confirmation; nothing is ordered yet.
    await tap(`home-favourite-${favourite.id}`);
    const sheet = screen.getByTestId('reorder-sheet');
    expect(sheet.textContent).toMatch(/Order again\?/);
    expect(sheet.textContent).toMatch(/Hayes Valley Espresso Bar/);
    expect(sheet.textContent).toMatch(/1 × Caffè latte/);
    await waitFor(
      () => expect(screen.getByTestId('reorder-payment').textContent).toBe('Visa ···· 4242'),
      WAIT,
    );
    expect(cloudOrderCount(app)).toBe(0);
    // Cancel orders nothing.
    await tap('reorder-cancel');
    expect(screen.queryByTestId('reorder-sheet')).toBeNull();
    expect(app.store.getState().orders).toHaveLength(0);

    await tap(`home-favourite-${favourite.id}`);
    // Tap 2: confirmed. The sheet closes and home shows the order on its way.
    await tap('reorder-confirm');
    await waitFor(() => expect(screen.queryByTestId('reorder-sheet')).toBeNull(), WAIT);
    expect(app.store.getState().stack.map((s) => s.name)).toEqual(['home']);
    const progress = () =>
      screen
        .getByTestId('home-order')
        .querySelector<HTMLElement>('[data-testid="order-progress"]')!;
    await waitFor(() => expect(progress().dataset.delivery).toBe('sent'), WAIT);
    await waitFor(() => expect(progress().dataset.state).toBe('ready'), WAIT);
    expect(screen.getByTestId('home-order').textContent).toMatch(/Pickup code [A-Z0-9]{4}/);
    const order = app.store.getState().orders[0]!;
    // Priced as the favourite showed it: $5.95 + 8.63 % tax.
    expect(order.order?.totalMinor).toBe(favourite.totalMinor);
    expect(cloudOrderCount(app, order.clientOrderId)).toBe(1);
    expect(cloudOrderCount(app)).toBe(1);
  }, 30_000);

  it('says when a favourite’s place is closed, and does not let it be ordered', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: closedHoursClock() } });
    feedCar(app, { ...PARKED, ...CIVIC_CENTER });
    const favourite = await saveFavourite(app);
    feedCar(app, DRIVING);
    act(() => app!.store.getState().reset({ name: 'home' }));
    await tap(`home-favourite-${favourite.id}`);
    await waitFor(
      () =>
        expect(screen.getByTestId('reorder-closed').textContent).toBe(
          'Closed: ordering opens 07:00',
        ),
      WAIT,
    );
    expect((screen.getByTestId('reorder-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(cloudOrderCount(app)).toBe(0);
  });

  it('opens browsing to a confirmed passenger while a passenger seat is occupied', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    feedCar(app, { ...DRIVING, ...CIVIC_CENTER, ...OCCUPIED });
    await tap('nav-services');
    expect(screen.getByTestId('screen-gate')).toBeTruthy();
    await tap('passenger-confirm');
    expect(screen.queryByTestId('screen-gate')).toBeNull();
    await tap('area-san-francisco');
    await tap('category-coffee');
    await tap('merchant-sf-hayes-espresso');
    await tap('add-latte');
    await tap('options-add');
    await tap('to-checkout');
    await tap('place-order');
    await waitFor(
      () => expect(screen.getByTestId('order-progress').dataset.delivery).toBe('sent'),
      WAIT,
    );
    // The passenger leaves: the gate is back on every browsing screen.
    feedCar(app, { [OCCUPIED_PATH]: 'EMPTY' });
    act(() => app!.store.getState().reset({ name: 'services' }));
    expect(screen.getByTestId('screen-gate')).toBeTruthy();
  }, 30_000);
});

const OCCUPIED_PATH = Object.keys(OCCUPIED)[0]!;

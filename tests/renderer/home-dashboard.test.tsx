import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNAL } from '../../common/vss/signals.ts';
import { HOME_COLUMNS } from '../../renderer/app/homeCards.tsx';
import { DRIVING, PARKED, renderApp, type Harness } from './harness.tsx';
import {
  CIVIC_CENTER,
  feedCar,
  openHoursClock,
  OCCUPIED,
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

/** 20,000 km on the clock (the gauge needs the odometer): over the dev lease's pace. */
const ODOMETER = { [SIGNAL.traveledDistance]: 20_000_000 };

const shown = (testId: string) => screen.queryByTestId(testId) !== null;
const inviteButtons = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid^="home-invite-"]')].map(
    (e) => e.dataset.testid,
  );

describe('the home screen as the car’s dashboard', () => {
  it('parked, a new car gets something to do for services, the lease and an offer', async () => {
    // The cloud on the real clock, like the renderer's: the lease term is counted from today.
    app = await renderApp();
    feedCar(app, { ...PARKED, ...CIVIC_CENTER, ...ODOMETER });
    // Services: nobody has said where to look, so categories to start from and the question.
    await waitFor(
      () =>
        expect(inviteButtons()).toEqual([
          'home-invite-coffee',
          'home-invite-food',
          'home-invite-fuel',
        ]),
      WAIT,
    );
    expect(shown('home-location-allow')).toBe(true);
    // The lease: gauge and one line with the days left.
    await screen.findByTestId('home-lease', {}, WAIT);
    expect(screen.getByTestId('lease-gauge')).toBeTruthy();
    expect(screen.getByTestId('home-lease-days').textContent).toMatch(/^\d+ days? left$/);
    // One offer, in Park.
    const offer = await screen.findByTestId('home-offer', {}, WAIT);
    expect(document.querySelectorAll('[data-testid="home-offer"]')).toHaveLength(1);
    expect(offer.querySelector('h2')?.textContent).not.toBe('');
    // The vehicle is a line now, still live.
    expect(screen.getByTestId('drive-state').dataset.state).toBe('PARKED');
  }, 30_000);

  it('one tap shares the location; the invitation then names what is open near the car', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    feedCar(app, { ...PARKED, ...CIVIC_CENTER, ...ODOMETER });
    await tap('home-location-allow');
    await waitFor(() => expect(shown('home-location')).toBe(false), WAIT);
    await waitFor(() => expect(inviteButtons()[0]).toMatch(/^home-invite-sf-/), WAIT);
    const places = inviteButtons();
    expect(places).toHaveLength(3);
    // One per category before a second of any.
    const categories = places.map((id) => id!.replace('home-invite-', ''));
    expect(new Set(categories).size).toBe(3);
    await tap(places[0]!);
    expect(stackNames(app)).toEqual(['home', 'merchant']);
  }, 30_000);

  it('moving, it shows only what the driver may use: no invitation, no offer', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    feedCar(app, { ...PARKED, ...CIVIC_CENTER, ...ODOMETER });
    await screen.findByTestId('home-offer', {}, WAIT);
    feedCar(app, DRIVING);
    await waitFor(() => expect(shown('home-offer')).toBe(false), WAIT);
    expect(shown('home-invite')).toBe(false);
    expect(screen.getByTestId('home-location-moving').textContent).toBe(
      'Location is off, so nothing nearby is shown.',
    );
    expect(shown('home-location-allow')).toBe(false);
    // The lease glance stays: it is the lease screen's own driving view.
    expect(shown('home-lease')).toBe(true);
    // A passenger may browse: the invitation is back, the offer is not (A6: Park only).
    feedCar(app, OCCUPIED);
    act(() => app!.store.getState().enterPassengerMode(performance.now()));
    await waitFor(() => expect(shown('home-invite')).toBe(true), WAIT);
    expect(shown('home-offer')).toBe(false);
  }, 30_000);

  it('favourites take the invitation’s place, moving too', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    await app.client.call('favourites.add', {
      favouriteId: 'fav-home-0001',
      favourite: {
        label: 'Croissant',
        merchantId: 'sf-hayes-espresso',
        fulfilment: 'pickup',
        lines: [{ itemId: 'croissant', quantity: 1, optionIds: [] }],
      },
    });
    await act(() => app!.store.getState().refreshFavourites());
    feedCar(app, { ...DRIVING, ...CIVIC_CENTER });
    await screen.findByTestId('home-favourite-fav-home-0001', {}, WAIT);
    expect(shown('home-invite')).toBe(false);
  }, 30_000);

  it('shows the next appointment, and opens it only when parked', async () => {
    app = await renderApp();
    feedCar(app, PARKED);
    expect(shown('home-appointment')).toBe(false);
    // Booked as a person would: the booking screen tells the home screen's query it changed.
    act(() => app!.store.getState().push({ name: 'testDrives', modelId: 'ex3' }));
    const slot = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('[data-testid^="test-drive-slot-"]');
      if (!el) throw new Error('no slot yet');
      return el;
    }, WAIT);
    await tap(slot.dataset.testid ?? '');
    await screen.findByTestId('test-drive-bookings', {}, WAIT);
    act(() => app!.store.getState().reset({ name: 'home' }));
    const line = await screen.findByTestId('home-appointment-line', {}, WAIT);
    expect(line.textContent).toMatch(/EX3/);
    await tap('home-appointment-open');
    expect(stackNames(app)).toEqual(['home', 'testDrives']);
    act(() => app!.store.getState().reset({ name: 'home' }));
    feedCar(app, DRIVING);
    await screen.findByTestId('home-appointment-line', {}, WAIT);
    expect(shown('home-appointment-open')).toBe(false);
  }, 30_000);

  it('books a service for a drop-off time at checkout, and home shows it as the next appointment', async () => {
    app = await renderApp();
    feedCar(app, PARKED);
    act(() => app!.store.getState().push({ name: 'merchant', merchantId: 'sf-van-ness-service' }));
    await tap('add-oil-change');
    await tap('options-add');
    await tap('to-checkout');
    // Three drop-off times, the earliest on each open day; the second is chosen.
    const slots = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('[data-testid^="slot-"]')];
      if (found.length !== 3) throw new Error(`${found.length} slots`);
      return found.map((el) => el.dataset.testid!.slice('slot-'.length));
    }, WAIT);
    await tap(`slot-${slots[1]}`);
    await tap('place-order');
    await waitFor(() => expect(stackNames(app!)).toEqual(['home', 'merchant', 'order']), WAIT);
    const stored = await waitFor(() => {
      const row = app!.cloud.db
        .prepare("SELECT snapshot_json FROM orders WHERE merchant_id = 'sf-van-ness-service'")
        .get() as { snapshot_json: string } | undefined;
      if (!row) throw new Error('not in the cloud yet');
      return JSON.parse(row.snapshot_json) as { pickupAt: string };
    }, WAIT);
    expect(stored.pickupAt).toBe(slots[1]);

    act(() => app!.store.getState().reset({ name: 'home' }));
    const line = await screen.findByTestId('home-appointment-line', {}, WAIT);
    expect(line.textContent).toMatch(/Synthetic oil change · .* · Van Ness Auto Service/);
    // A booking a day or more ahead is an appointment, not an order under way.
    expect(shown('home-order')).toBe(false);
    await tap('home-appointment-open');
    expect(stackNames(app)).toEqual(['home', 'order']);
  }, 30_000);

  it('leaves out the cards of a feature the variant turns off', async () => {
    app = await renderApp({
      variant: { features: { services: false, lease: false, offers: false, testDrives: false } },
    });
    feedCar(app, PARKED);
    await screen.findByTestId('vehicle-line', {}, WAIT);
    // The cards are in (their chunk loaded, the start over): every column, none with a card.
    await waitFor(
      () => expect(document.querySelectorAll('.home__column')).toHaveLength(HOME_COLUMNS.length),
      WAIT,
    );
    expect(document.querySelectorAll('.home__column .card')).toHaveLength(0);
    expect(HOME_COLUMNS.flat().length).toBeGreaterThan(0);
  }, 30_000);
});

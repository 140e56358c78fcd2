import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SIGNAL } from '../../common/vss/signals.ts';
import { WEDNESDAY } from '../support/cloud.ts';
import { DRIVING, renderApp, type Harness } from './harness.tsx';
import { CIVIC_CENTER, feedCar, tap, WAIT } from './servicesSupport.ts';

let app: Harness | undefined;
beforeEach(() => {
  localStorage.clear();
  // Car, host and cloud share one clock, at lunchtime in San Francisco (the burger place is open),
  // running at real speed: a pickup time is checked by the cloud against its own clock.
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(WEDNESDAY.getTime() + 30 * 60_000);
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  vi.useRealTimers();
});

/** The burger on the home screen as a favourite: Polk Street Burger Co., 372 m from Van Ness Fuel. */
async function burgerFavourite(h: Harness): Promise<void> {
  await h.client.call('favourites.add', {
    favouriteId: 'fav-burger-0001',
    favourite: {
      label: 'Cheeseburger',
      merchantId: 'sf-polk-burgers',
      fulfilment: 'to_car',
      lines: [{ itemId: 'classic', quantity: 1, optionIds: ['medium'] }],
    },
  });
  await act(() => h.store.getState().refreshFavourites());
}

/** How often the cloud was asked for combined stops (a catalogue read, counted per route). */
function stopsAsked(h: Harness): number {
  const row = h.cloud.db
    .prepare(`SELECT sum(count) AS n FROM unauthenticated_requests WHERE route LIKE '%stops%'`)
    .get() as { n: number | null };
  return row.n ?? 0;
}

interface CloudOrderRow {
  merchant_id: string;
  snapshot_json: string;
}

describe('the combined stop', () => {
  it('on a low tank, orders the favourite beside a station ahead in two taps, for when the car gets there', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0 } });
    await act(() => app!.store.getState().setLocationConsent(true));
    await burgerFavourite(app);
    // Heading north from Civic Center at 48 km/h, 12 % in the tank: Van Ness Fuel lies ahead.
    feedCar(app, { ...DRIVING, ...CIVIC_CENTER, [SIGNAL.fuelLevel]: 12 });

    const stop = await screen.findByTestId('combined-stop', {}, WAIT);
    expect(stop.dataset.station).toBe('sf-van-ness-fuel');
    expect(screen.getByTestId('combined-stop-merchant').textContent).toMatch(
      /^Polk Street Burger Co\., \d+ m on foot$/,
    );

    const before = Date.now();
    await tap('combined-stop-order'); // 1
    expect(screen.getByTestId('reorder-pickup').textContent).toMatch(/beside Van Ness Fuel/);
    await tap('reorder-confirm'); // 2

    const row = await waitFor(() => {
      const found = app!.cloud.db.prepare('SELECT merchant_id, snapshot_json FROM orders').get() as
        CloudOrderRow | undefined;
      if (!found) throw new Error('not in the cloud yet');
      return found;
    }, WAIT);
    expect(row.merchant_id).toBe('sf-polk-burgers');
    const snapshot = JSON.parse(row.snapshot_json) as { fulfilment: string; pickupAt: string };
    expect(snapshot.fulfilment).toBe('pickup');
    // ~800 m at 48 km/h (1 min), 5 min to fill up, ~372 m on foot (5 min): ready in about 11.
    const minutes = (Date.parse(snapshot.pickupAt) - before) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThan(13);
    // The order under way leads the home screen.
    await screen.findByTestId('home-order', {}, WAIT);
  }, 30_000);

  it('proposes nothing without a favourite near a station, and asks nothing without one at all', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0 } });
    await act(() => app!.store.getState().setLocationConsent(true));
    feedCar(app, { ...DRIVING, ...CIVIC_CENTER, [SIGNAL.fuelLevel]: 12 });
    await screen.findByTestId('station-sf-van-ness-fuel', {}, WAIT);
    expect(screen.queryByTestId('combined-stop')).toBeNull();
    // Without favourites there is nothing to pair: the stops are not even asked.
    expect(stopsAsked(app)).toBe(0);
    // A favourite far from any station ahead: the stations list stays.
    await app.client.call('favourites.add', {
      favouriteId: 'fav-far-00001',
      favourite: {
        label: 'Croissant',
        merchantId: 'sf-stonestown-coffee',
        fulfilment: 'pickup',
        lines: [{ itemId: 'croissant', quantity: 1, optionIds: [] }],
      },
    });
    await act(() => app!.store.getState().refreshFavourites());
    await screen.findByTestId('home-favourite-fav-far-00001', {}, WAIT);
    // With a favourite the stops are asked (the cloud counts the request), and the answer, which
    // has stations but none beside this café, proposes nothing.
    await waitFor(() => expect(stopsAsked(app!)).toBeGreaterThan(0), WAIT);
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByTestId('combined-stop')).toBeNull();
    expect(screen.getByTestId('station-sf-van-ness-fuel')).toBeTruthy();
  }, 30_000);
});

import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNAL } from '../../common/vss/signals.ts';
import { DRIVING, PARKED, renderApp, type Harness } from './harness.tsx';
import { CIVIC_CENTER, feedCar, openHoursClock, tap, WAIT } from './servicesSupport.ts';

let app: Harness | undefined;
beforeEach(() => localStorage.clear());
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const locationConsent = async (h: Harness) => {
  const reply = await h.host.dispatch('consent.get', undefined);
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.value as { consents: { purpose: string; granted: boolean }[] }).consents.find(
    (c) => c.purpose === 'location',
  )?.granted;
};

describe('where merchants are searched', () => {
  it('asks first: location stays withheld until allowed, and the host refuses a search around the car', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    feedCar(app, { ...PARKED, ...CIVIC_CENTER });
    await tap('nav-services');
    await waitFor(() => expect(screen.getByTestId('location-choice')).toBeTruthy(), WAIT);
    expect(screen.queryByTestId('category-coffee')).toBeNull();
    expect(await locationConsent(app)).toBe(false);
    const refused = await app.host.dispatch('catalog.merchants', {
      position: { lat: 37.7793, lon: -122.4193 },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await tap('location-allow');
    await waitFor(() => expect(screen.getByTestId('category-coffee')).toBeTruthy(), WAIT);
    expect(await locationConsent(app)).toBe(true);
    expect(screen.getByTestId('search-source').textContent).toBe('Near the car');

    // Withdrawn (here, or in any other window): the question comes back, nothing is searched.
    await act(async () => {
      await app!.host.dispatch('consent.set', { purpose: 'location', granted: false });
    });
    await waitFor(() => expect(screen.getByTestId('location-choice')).toBeTruthy(), WAIT);
    expect(screen.getByTestId('search-source').textContent).toBe('Choose where to search');
  });

  it('searches a picked area without the consent, with distances in the chosen unit', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    feedCar(app, PARKED);
    await tap('nav-services');
    await tap('area-munich');
    expect(screen.getByTestId('search-source').textContent).toBe('In Munich');
    await tap('category-coffee');
    await waitFor(() => expect(screen.getByTestId('merchant-muc-leopold-cafe')).toBeTruthy(), WAIT);
    expect(screen.queryByTestId('merchant-sf-hayes-espresso')).toBeNull();
    expect(screen.getByTestId('merchant-muc-viktualien-kaffee').textContent).toMatch(/\d+ m ·/);
    expect(await locationConsent(app)).toBe(false);

    await act(() => app!.store.getState().updateSettings({ distanceUnit: 'mi' }));
    expect(screen.getByTestId('merchant-muc-leopold-cafe').textContent).toMatch(
      /(\d+ ft|[\d.]+ mi) ·/,
    );

    // Prices in the merchant's currency, as the language writes it.
    await act(() => app!.store.getState().updateSettings({ language: 'de' }));
    await tap('merchant-muc-leopold-cafe');
    await waitFor(
      () => expect(screen.getByTestId('item-latte').textContent).toMatch(/3,90\s€/),
      WAIT,
    );
  });

  it('sorts merchants ahead of the car first when asked, and says when a list is from the cache', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    // Facing south from Civic Center.
    feedCar(app, { ...PARKED, ...CIVIC_CENTER, [SIGNAL.heading]: 180 });
    await act(() => app!.store.getState().setLocationConsent(true));
    act(() => app!.store.getState().reset({ name: 'merchants', category: 'fuel' }));
    await waitFor(() => expect(screen.getByTestId('sort-ahead')).toBeTruthy(), WAIT);
    const order = () =>
      [...document.querySelectorAll<HTMLElement>('[data-testid^="merchant-"]')].map((e) =>
        e.dataset.testid!.replace('merchant-', ''),
      );
    // Van Ness Fuel (north, 0.8 km) is nearest; 19th Avenue Gas (south-west) is ahead.
    expect(order()).toEqual(['sf-van-ness-fuel', 'sf-19th-ave-gas']);
    await tap('sort-ahead');
    expect(order()).toEqual(['sf-19th-ave-gas', 'sf-van-ness-fuel']);
    expect(screen.getByTestId('merchant-sf-19th-ave-gas').textContent).toMatch(/Ahead/);
    expect(screen.queryByTestId('stale-note')).toBeNull();

    await app.cloud.close();
    act(() => app!.store.getState().reset({ name: 'home' }));
    act(() => app!.store.getState().reset({ name: 'merchants', category: 'fuel' }));
    await waitFor(
      () => expect(screen.getByTestId('stale-note').textContent).toBe('May be out of date'),
      WAIT,
    );
    expect(order()).toContain('sf-van-ness-fuel');
  });

  it('offers no search while moving: the question is behind the gate', async () => {
    app = await renderApp();
    feedCar(app, DRIVING);
    await tap('nav-services');
    expect(screen.getByTestId('screen-gate')).toBeTruthy();
    expect(screen.queryByTestId('location-allow')).toBeNull();
  });
});

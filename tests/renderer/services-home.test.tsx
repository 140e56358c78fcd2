import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNAL } from '../../common/vss/signals.ts';
import { DRIVING, renderApp, type Harness } from './harness.tsx';
import { CIVIC_CENTER, feedCar, openHoursClock, WAIT } from './servicesSupport.ts';

let app: Harness | undefined;
beforeEach(() => localStorage.clear());
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const stations = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid^="station-"]')].map((e) =>
    e.dataset.testid!.replace('station-', ''),
  );

describe('low fuel or charge on the home screen', () => {
  it('shows nothing while the tank is above 15 %', async () => {
    app = await renderApp();
    feedCar(app, { ...DRIVING, ...CIVIC_CENTER, [SIGNAL.fuelLevel]: 40 });
    expect(screen.queryByTestId('low-energy')).toBeNull();
  });

  it('puts fuel stations ahead of the car first while driving on a low tank', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    await act(() => app!.store.getState().setLocationConsent(true));
    // Heading north from Civic Center: Van Ness Fuel lies ahead, 19th Avenue Gas behind.
    feedCar(app, { ...DRIVING, ...CIVIC_CENTER, [SIGNAL.fuelLevel]: 12 });
    await waitFor(() => expect(stations()).toEqual(['sf-van-ness-fuel']), WAIT);
    const card = screen.getByTestId('low-energy');
    expect(card.dataset.category).toBe('fuel');
    expect(card.textContent).toMatch(/Low fuel/);
    expect(screen.getByTestId('low-energy-heading').textContent).toBe('Stations ahead');
    expect(screen.getByTestId('station-sf-van-ness-fuel').textContent).toMatch(/800 m · 3 min/);
  });

  it('falls back to the nearest stations when none is ahead, in the picked area without consent', async () => {
    app = await renderApp({ cloud: { orderStepMs: 0, now: openHoursClock() } });
    act(() => app!.store.getState().pickArea('san-francisco'));
    feedCar(app, { ...DRIVING, [SIGNAL.fuelLevel]: 9 });
    await waitFor(() => expect(stations()).toHaveLength(2), WAIT);
    expect(screen.getByTestId('low-energy-heading').textContent).toBe('Nearest stations');
  });

  it('points an electric car on low charge to chargers', async () => {
    app = await renderApp({
      variant: {
        vehicle: { hasParkGear: true, powertrain: 'ELECTRIC', signals: { source: 'simulator' } },
      },
      cloud: { orderStepMs: 0, now: openHoursClock() },
    });
    await act(() => app!.store.getState().setLocationConsent(true));
    feedCar(app, {
      ...DRIVING,
      ...CIVIC_CENTER,
      [SIGNAL.heading]: 180,
      [SIGNAL.batteryLevel]: 11,
    });
    await waitFor(() => expect(stations().length).toBeGreaterThan(0), WAIT);
    expect(screen.getByTestId('low-energy').dataset.category).toBe('ev_charging');
    expect(stations()[0]).toBe('sf-market-ev');
    expect(screen.getByTestId('low-energy').textContent).toMatch(/Low charge/);
  });

  it('asks for location or an area when it may not search', async () => {
    app = await renderApp();
    feedCar(app, { ...DRIVING, ...CIVIC_CENTER, [SIGNAL.fuelLevel]: 10 });
    expect(screen.getByTestId('low-energy').textContent).toMatch(
      /Allow location or pick an area in Services/,
    );
  });
});

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNAL } from '../../common/vss/signals.ts';
import { feed, PARKED, renderApp, type Harness } from './harness.tsx';

let app: Harness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const now = () => Date.now();

describe('home screen', () => {
  it('shows unknown readouts until the bridge has spoken', async () => {
    app = await renderApp();
    expect(screen.getByTestId('speed-value').textContent).toBe('—');
    expect(screen.getByTestId('gear-value').textContent).toBe('—');
  });

  it('shows live speed, gear, fuel and range from vehicle signals', async () => {
    app = await renderApp();
    act(() =>
      app!.store.getState().applySamples({
        [SIGNAL.speed]: { value: 47.6, ts: now(), receivedAt: performance.now() },
        [SIGNAL.selectedGear]: { value: 127, ts: now(), receivedAt: performance.now() },
        [SIGNAL.fuelLevel]: { value: 64, ts: now(), receivedAt: performance.now() },
        [SIGNAL.range]: { value: 412_000, ts: now(), receivedAt: performance.now() },
      }),
    );
    expect(screen.getByTestId('speed-value').textContent).toBe('48');
    expect(screen.getByTestId('speed-unit').textContent).toBe('km/h');
    expect(screen.getByTestId('gear-value').textContent).toBe('D');
    expect(screen.getByTestId('fuel-value').textContent).toBe('64%');
    expect(screen.getByTestId('range-value').textContent).toBe('412 km');
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('64');
  });

  it('shows the battery charge instead of fuel on an electric car', async () => {
    app = await renderApp();
    act(() =>
      app!.store.getState().applySamples({
        [SIGNAL.batteryLevel]: { value: 9, ts: now(), receivedAt: performance.now() },
      }),
    );
    expect(screen.getByRole('meter', { name: 'Charge' }).getAttribute('aria-valuenow')).toBe('9');
    expect(screen.getByTestId('fuel-value').textContent).toBe('9%');
  });

  it('ignores a reading older than the one shown', async () => {
    app = await renderApp();
    const t = now();
    act(() =>
      app!.store
        .getState()
        .applySamples({ [SIGNAL.speed]: { value: 30, ts: t, receivedAt: performance.now() } }),
    );
    act(() =>
      app!.store.getState().applySamples({
        [SIGNAL.speed]: { value: 90, ts: t - 500, receivedAt: performance.now() },
      }),
    );
    expect(screen.getByTestId('speed-value').textContent).toBe('30');
  });

  it('shows the status of the bridge and the cloud', async () => {
    app = await renderApp();
    act(() => app!.store.getState().setBridgeStatus('disconnected'));
    expect(screen.getByRole('status', { name: /Vehicle: no connection/ })).toBeTruthy();
    act(() => app!.store.getState().setBridgeStatus('connected'));
    expect(screen.getByRole('status', { name: /Vehicle: connected/ })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status', { name: /Cloud: online/ })).toBeTruthy());
    await app.cloud.close();
    await act(() => app!.host.checkCloud());
    expect(screen.getByRole('status', { name: /Cloud: offline/ })).toBeTruthy();
  });
});

describe('settings screen', () => {
  it('switches the language at once and the host keeps it', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    fireEvent.click(screen.getByTestId('nav-settings'));
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('language-zh-CN'));
    await waitFor(() => expect(screen.getByRole('heading', { name: '设置' })).toBeTruthy());
    expect(screen.getByTestId('nav-home').textContent).toBe('主页');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(await app.host.dispatch('settings.get', undefined)).toMatchObject({
      value: { language: 'zh-CN' },
    });
  });

  it('converts speed and range when the distance unit changes to miles', async () => {
    app = await renderApp();
    act(() =>
      app!.store.getState().applySamples({
        [SIGNAL.speed]: { value: 100, ts: now(), receivedAt: performance.now() },
        [SIGNAL.range]: { value: 160_934, ts: now(), receivedAt: performance.now() },
      }),
    );
    act(() => feed(app!.store, PARKED));
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.click(screen.getByTestId('distance-unit-mi'));
    await waitFor(() =>
      expect(screen.getByTestId('distance-unit-mi').getAttribute('aria-pressed')).toBe('true'),
    );
    fireEvent.click(screen.getByTestId('nav-home'));
    act(() => feed(app!.store, { [SIGNAL.speed]: 100 }));
    expect(screen.getByTestId('speed-value').textContent).toBe('62');
    expect(screen.getByTestId('range-value').textContent).toBe('100 mi');
  });

  it('follows the car in auto theme and obeys a manual choice', async () => {
    app = await renderApp();
    act(() =>
      app!.store.getState().applySamples({
        [SIGNAL.dayNightMode]: { value: 'NIGHT', ts: now(), receivedAt: performance.now() },
      }),
    );
    expect(document.documentElement.dataset.theme).toBe('night');
    act(() => feed(app!.store, PARKED));
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.click(screen.getByTestId('theme-day'));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('day'));
  });

  it('offers only the languages the variant enables', async () => {
    app = await renderApp({ variant: { locales: ['en', 'de'], defaultLocale: 'de' } });
    act(() => feed(app!.store, PARKED));
    fireEvent.click(screen.getByTestId('nav-settings'));
    expect(screen.getByRole('heading', { name: 'Einstellungen' })).toBeTruthy();
    expect(screen.queryByTestId('language-zh-CN')).toBeNull();
    expect(screen.getByTestId('language-de').getAttribute('aria-pressed')).toBe('true');
  });

  it('leads from Settings to the consent centre', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.click(screen.getByTestId('settings-consent'));
    expect(await screen.findByRole('heading', { name: 'Privacy and consent' })).toBeTruthy();
    expect(app.store.getState().stack.at(-1)).toEqual({ name: 'consent' });
  });

  it('has a nav bar of five pictograms with labels; consent is reached from Settings', async () => {
    app = await renderApp();
    const entries = [...document.querySelectorAll<HTMLElement>('.nav-bar .nav-item')];
    expect(entries.map((e) => e.dataset.testid)).toEqual([
      'nav-home',
      'nav-services',
      'nav-lease',
      'nav-offers',
      'nav-settings',
    ]);
    for (const entry of entries) {
      expect(entry.querySelector('svg.nav-item__icon[aria-hidden="true"]')).not.toBeNull();
      expect(entry.textContent?.trim()).not.toBe('');
    }
  });
});

import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNAL } from '../../common/vss/signals.ts';
import { DRIVING, PARKED, renderApp, type Harness } from './harness.tsx';
import { feedCar, stackNames, tap, WAIT } from './servicesSupport.ts';

let app: Harness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function enterPin(pin: string): Promise<void> {
  for (const digit of pin) await tap(`pin-${digit}`);
  await tap('pin-submit');
}

describe('the engineering screen (real host with the dev variant’s PIN)', () => {
  it('opens from Settings with seven taps on the version and the PIN, and shows live signals', async () => {
    app = await renderApp();
    feedCar(app, { ...PARKED, [SIGNAL.fuelLevel]: 40 });
    await tap('nav-settings');
    const version = await screen.findByTestId('system-info', {}, WAIT);
    for (let i = 0; i < 6; i++) fireEvent.click(version);
    expect(screen.queryByTestId('engineering-pin')).toBeNull();
    fireEvent.click(version);
    await screen.findByTestId('engineering-pin', {}, WAIT);

    await enterPin('1234');
    expect((await screen.findByTestId('engineering-pin-problem', {}, WAIT)).textContent).toBe(
      'Wrong PIN.',
    );
    expect(stackNames(app)).toEqual(['settings']);

    await enterPin('2468');
    await screen.findByTestId('engineering-tabs', {}, WAIT);
    expect(stackNames(app)).toEqual(['settings', 'engineering']);
    expect(screen.getByTestId('engineering-variant').textContent).toBe('dev');
    expect(screen.getByTestId('engineering-runtime').textContent).toMatch(/Chromium|\?/);

    await tap('engineering-tabs-signals');
    expect(screen.getByTestId(`signal-value-${SIGNAL.fuelLevel}`).textContent).toBe('40');
    expect(screen.getByTestId('engineering-drive').textContent).toMatch(/PARKED/);
    act(() => feedCar(app!, { [SIGNAL.fuelLevel]: 39 }));
    expect(screen.getByTestId(`signal-value-${SIGNAL.fuelLevel}`).textContent).toBe('39');

    // The host's side: nothing waiting, no error, the database with its size.
    await tap('engineering-tabs-host');
    expect((await screen.findByTestId('engineering-outbox', {}, WAIT)).textContent).toBe('0');
    expect(screen.getByTestId('engineering-last-error').textContent).toBe('none');
    expect(screen.getByTestId('engineering-file-dashport.db').textContent).toMatch(/^[\d.,]+ KB$/);

    // Parked only: driving off closes it behind the gate.
    feedCar(app, DRIVING);
    expect(await screen.findByTestId('screen-gate', {}, WAIT)).toBeTruthy();
  }, 30_000);

  it('opened by name alone, it is locked and says how to open it', async () => {
    app = await renderApp();
    feedCar(app, PARKED);
    act(() => app!.store.getState().reset({ name: 'engineering' }));
    expect((await screen.findByTestId('engineering-locked', {}, WAIT)).textContent).toMatch(
      /seven times/,
    );
    expect(screen.queryByTestId('engineering-tabs')).toBeNull();
  }, 30_000);
});

import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { endStart } from '../../renderer/ui/startPhase.ts';
import { PARKED, renderApp, type Harness } from './harness.tsx';
import { CIVIC_CENTER, feedCar } from './servicesSupport.ts';

let app: Harness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const cards = () => document.querySelectorAll('.home__column').length;
const clockText = () => document.querySelector('.status-bar__clock')?.textContent ?? '';

// This file's own module state: the start is over once, for the whole page.
describe('the start of the app', () => {
  it('shows the car and the bars first; home’s cards and the clock follow once it is over', async () => {
    app = await renderApp({ holdStart: true });
    // The car's first values are in (the start ends once they are on screen and the page idles).
    feedCar(app, { ...PARKED, ...CIVIC_CENTER });
    await waitFor(() => expect(screen.getByTestId('drive-state').dataset.state).toBe('PARKED'));
    app.catchUp();
    expect(screen.getByTestId('status-bar')).toBeTruthy();
    expect(screen.getByRole('navigation')).toBeTruthy();
    expect(cards()).toBe(0);
    expect(clockText()).toBe('');

    act(() => endStart());
    await waitFor(() => expect(cards()).toBeGreaterThan(0));
    // A card that shows for a parked new car: somewhere to start ordering.
    await waitFor(() =>
      expect(document.querySelector('[data-testid^="home-invite-"]')).not.toBeNull(),
    );
    await waitFor(() => expect(clockText()).toMatch(/\d\d:\d\d/));
  });
});

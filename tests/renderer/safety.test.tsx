import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNAL } from '../../common/vss/signals.ts';
import { limitText, LimitedText } from '../../renderer/safety/LimitedText.tsx';
import { RestrictedList } from '../../renderer/safety/RestrictedList.tsx';
import { RestrictedTextInput } from '../../renderer/safety/RestrictedTextInput.tsx';
import { ReadingContent } from '../../renderer/safety/ReadingContent.tsx';
import { MerchantImage } from '../../renderer/features/services/categories.tsx';
import { StoreProvider } from '../../renderer/store/context.tsx';
import { STALE_AFTER_MS } from '../../renderer/vehicle/subscriptions.ts';
import { DRIVING, feed, PARKED, renderApp, type Harness } from './harness.tsx';

let app: Harness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const OCCUPIED = { [SIGNAL.row1PassengerOccupancy]: 'OCCUPIED' };
const EMPTY = { [SIGNAL.row1PassengerOccupancy]: 'EMPTY' };

describe('drive state in the UI', () => {
  it('is unknown, and restricted as moving, before any signal', async () => {
    app = await renderApp();
    expect(screen.getByTestId('drive-state').dataset.state).toBe('UNKNOWN');
    fireEvent.click(screen.getByTestId('nav-settings'));
    expect(screen.getByTestId('screen-gate')).toBeTruthy();
  });

  it('goes parked -> moving -> parked with the signals and gates Settings accordingly', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    fireEvent.click(screen.getByTestId('nav-settings'));
    expect(screen.queryByTestId('screen-gate')).toBeNull();
    act(() => feed(app!.store, DRIVING));
    expect(screen.getByTestId('screen-gate').textContent).toMatch(/Available when parked/);
    act(() => feed(app!.store, PARKED));
    expect(screen.queryByTestId('screen-gate')).toBeNull();
  });

  it('treats a stale speed as unknown and so as moving', async () => {
    app = await renderApp();
    act(() => feed(app!.store, { [SIGNAL.selectedGear]: 127, [SIGNAL.speed]: 0 }));
    expect(app.store.getState().driveState).toBe('IDLING');
    const later = performance.now() + STALE_AFTER_MS[SIGNAL.speed]! + 1;
    act(() => app!.store.getState().expireStale(later));
    expect(app.store.getState().driveState).toBe('UNKNOWN');
    expect(screen.getByTestId('speed-value').textContent).toBe('—');
  });

  it('forgets every signal when the bridge connection drops', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    act(() => app!.store.getState().clearSignals());
    expect(app.store.getState().driveState).toBe('UNKNOWN');
  });

  it('stops all animation while moving', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    expect(document.documentElement.dataset.motion).toBe('on');
    act(() => feed(app!.store, DRIVING));
    expect(document.documentElement.dataset.motion).toBe('off');
  });
});

describe('passenger mode', () => {
  it('is refused while no passenger seat is occupied', async () => {
    app = await renderApp();
    act(() => feed(app!.store, { ...DRIVING, ...EMPTY }));
    fireEvent.click(screen.getByTestId('nav-settings'));
    const button = screen.getByTestId('passenger-confirm') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(app.store.getState().enterPassengerMode(performance.now())).toBe(false);
  });

  it('opens the full app while moving, and ends when the seat empties', async () => {
    app = await renderApp();
    act(() => feed(app!.store, { ...DRIVING, ...OCCUPIED }));
    fireEvent.click(screen.getByTestId('nav-settings'));
    fireEvent.click(screen.getByTestId('passenger-confirm'));
    expect(screen.queryByTestId('screen-gate')).toBeNull();
    expect(screen.getByTestId('passenger-exit')).toBeTruthy();
    act(() => feed(app!.store, EMPTY));
    expect(screen.getByTestId('screen-gate')).toBeTruthy();
    expect(app.store.getState().passenger.active).toBe(false);
  });

  it('expires on its timer', async () => {
    app = await renderApp({ variant: { passengerMode: { expiresAfterMinutes: 1 } } });
    act(() => feed(app!.store, { ...DRIVING, ...OCCUPIED }));
    const t0 = performance.now();
    act(() => void app!.store.getState().enterPassengerMode(t0));
    // The signals keep arriving; only the confirmation ages.
    act(() => feed(app!.store, { ...DRIVING, ...OCCUPIED }, t0 + 59_000));
    act(() => app!.store.getState().expireStale(t0 + 59_000));
    expect(app.store.getState().passenger.active).toBe(true);
    act(() => feed(app!.store, { ...DRIVING, ...OCCUPIED }, t0 + 60_001));
    act(() => app!.store.getState().expireStale(t0 + 60_001));
    expect(app.store.getState().passenger.active).toBe(false);
  });

  it('can be ended by the user', async () => {
    app = await renderApp();
    act(() => feed(app!.store, { ...DRIVING, ...OCCUPIED }));
    act(() => void app!.store.getState().enterPassengerMode(performance.now()));
    fireEvent.click(screen.getByTestId('passenger-exit'));
    expect(app.store.getState().passenger.active).toBe(false);
  });
});

describe('restricted components', () => {
  const items = Array.from({ length: 9 }, (_, i) => `Item ${i + 1}`);
  const long = 'x'.repeat(200);

  async function mount() {
    app = await renderApp();
    const view = render(
      <StoreProvider store={app.store}>
        <RestrictedList items={items} keyOf={(i) => i} renderItem={(i) => i} label="items" />
        <RestrictedTextInput label="Search" data-testid="search" />
        <p data-testid="long">
          <LimitedText text={long} />
        </p>
        <ReadingContent>
          <p data-testid="terms">Terms</p>
        </ReadingContent>
        <span data-testid="picture">
          <MerchantImage merchant={{ id: 'sf-polk-burgers', category: 'food' }} />
        </span>
      </StoreProvider>,
    );
    return view;
  }

  it('are unrestricted when parked', async () => {
    await mount();
    act(() => feed(app!.store, PARKED));
    expect(
      screen
        .getAllByRole('listitem', { name: undefined })
        .filter((li) => li.textContent?.startsWith('Item')),
    ).toHaveLength(9);
    expect((screen.getByTestId('search') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByTestId('long').textContent).toHaveLength(200);
    expect(screen.getByTestId('terms')).toBeTruthy();
    // The host's picture of the merchant, from the app's own origin, over the pictogram.
    const picture = screen.getByTestId('picture');
    expect(picture.querySelector('img')?.getAttribute('src')).toBe(
      '/media/merchants/sf-polk-burgers',
    );
    expect(picture.querySelector('svg')).toBeTruthy();
  });

  it('cap rows, disable typing, cut strings and hide reading while moving', async () => {
    await mount();
    act(() => feed(app!.store, DRIVING));
    expect(
      screen.getAllByRole('listitem').filter((li) => li.textContent?.startsWith('Item')),
    ).toHaveLength(6);
    expect(screen.getByText('3 more when parked')).toBeTruthy();
    expect((screen.getByTestId('search') as HTMLInputElement).disabled).toBe(true);
    expect(Array.from(screen.getByTestId('long').textContent ?? '')).toHaveLength(120);
    expect(screen.queryByTestId('terms')).toBeNull();
    // A5: the pictogram only, no photograph, for the driver.
    expect(screen.getByTestId('picture').querySelector('img')).toBeNull();
    expect(screen.getByTestId('picture').querySelector('svg')).toBeTruthy();
  });

  it('cuts by characters, not UTF-16 units', () => {
    expect(Array.from(limitText('😀'.repeat(10), 5))).toHaveLength(5);
    expect(limitText('short', 120)).toBe('short');
  });
});

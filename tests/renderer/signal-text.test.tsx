import { act, render, screen } from '@testing-library/react';
import { useCallback } from 'react';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { SIGNAL } from '../../common/vss/signals.ts';
import type { AppState, AppStore } from '../../renderer/store/appStore.ts';
import { StoreProvider } from '../../renderer/store/context.tsx';
import { createVehicleSlice } from '../../renderer/store/vehicleSlice.ts';
import { useSignalText } from '../../renderer/vehicle/useSignalText.ts';
import { devVariant } from '../support/devVariant.ts';

/** The vehicle slice and the line's configuration it derives the drive state with: all a readout reads. */
function vehicleStore(): AppStore {
  return createStore<AppState>()(
    (...a) =>
      ({
        ...createVehicleSlice(...(a as Parameters<typeof createVehicleSlice>)),
        config: devVariant(),
      }) as unknown as AppState,
  );
}

const sample = (value: number) => ({ value, ts: Date.now(), receivedAt: performance.now() });

describe('a readout written at signal rate (useSignalText)', () => {
  it('shows every new value without rendering its component again', () => {
    const store = vehicleStore();
    let renders = 0;
    function Readout({ suffix }: { suffix: string }) {
      renders++;
      const format = useCallback(
        (v: number | undefined) => (v === undefined ? '—' : `${Math.round(v)}${suffix}`),
        [suffix],
      );
      return <span data-testid="readout" ref={useSignalText(SIGNAL.speed, format)} />;
    }
    const { rerender } = render(
      <StoreProvider store={store}>
        <Readout suffix="" />
      </StoreProvider>,
    );
    const readout = () => screen.getByTestId('readout').textContent;
    expect(readout()).toBe('—');
    const rendersBefore = renders;
    for (let kmh = 1; kmh <= 50; kmh++) {
      act(() => store.getState().applySamples({ [SIGNAL.speed]: sample(kmh + 0.4) }));
      expect(readout()).toBe(String(kmh));
    }
    expect(renders).toBe(rendersBefore);

    // Another signal changing writes nothing; a new format (unit, language) rewrites at once.
    act(() => store.getState().applySamples({ [SIGNAL.fuelLevel]: sample(40) }));
    expect(readout()).toBe('50');
    rerender(
      <StoreProvider store={store}>
        <Readout suffix=" mph" />
      </StoreProvider>,
    );
    expect(readout()).toBe('50 mph');
    act(() => store.getState().clearSignals());
    expect(readout()).toBe('—');
  });

  it('stops writing once its element is gone', () => {
    const store = vehicleStore();
    const format = (v: number | undefined) => String(v);
    function Readout() {
      return <span data-testid="readout" ref={useSignalText(SIGNAL.speed, format)} />;
    }
    const view = render(
      <StoreProvider store={store}>
        <Readout />
      </StoreProvider>,
    );
    const element = screen.getByTestId('readout');
    view.unmount();
    act(() => store.getState().applySamples({ [SIGNAL.speed]: sample(12) }));
    expect(element.textContent).toBe('undefined');
  });
});

import { useCallback, type RefCallback } from 'react';
import { useAppStoreApi } from '../store/context.tsx';
import type { NumericPath } from './useSignal.ts';

/**
 * A readout that changes at signal rate, written straight into its element: no React render per
 * sample. The store already takes signal values once per frame (the vehicle client batches them
 * on requestAnimationFrame), so writing on each store change is writing at most once a frame, in
 * the frame that paints it. The element must have no React children; `format` turns the value
 * (undefined: unknown) into the text and should be stable (useCallback) for the locale and unit.
 */
export function useSignalText(
  path: NumericPath,
  format: (value: number | undefined) => string,
): RefCallback<HTMLElement> {
  const store = useAppStoreApi();
  return useCallback(
    (element: HTMLElement | null) => {
      if (!element) return;
      let shown: string | null = null;
      const write = (value: unknown) => {
        const text = format(typeof value === 'number' ? value : undefined);
        if (text === shown) return;
        shown = text;
        element.textContent = text;
      };
      write(store.getState().signals[path]?.value);
      return store.subscribe((state, previous) => {
        const sample = state.signals[path];
        if (sample !== previous.signals[path]) write(sample?.value);
      });
    },
    [store, path, format],
  );
}

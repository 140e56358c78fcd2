import { useAppStore } from '../store/context.tsx';
import type { SignalValue } from '../store/vehicleSlice.ts';

/** One signal's current value, or undefined when unknown. Re-renders only when that signal changes. */
export function useSignal(path: string): SignalValue | undefined {
  return useAppStore((s) => s.signals[path]?.value);
}

export function useNumberSignal(path: string): number | undefined {
  const value = useSignal(path);
  return typeof value === 'number' ? value : undefined;
}

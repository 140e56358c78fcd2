import type { VssPath, VssValueOf } from '../../common/vss/signals.ts';
import { useAppStore } from '../store/context.tsx';

/** The value types each path may take (the bridge validated them against VSS before sending). */
export type NumericPath = { [P in VssPath]: VssValueOf<P> extends number ? P : never }[VssPath];

/**
 * One signal's current value typed by its VSS datatype, or undefined when unknown. Re-renders
 * only when that signal changes.
 */
export function useSignal<P extends VssPath>(path: P): VssValueOf<P> | undefined {
  return useAppStore((s) => s.signals[path]?.value as VssValueOf<P> | undefined);
}

/** A numeric signal; a value of the wrong type (never sent by a valid bridge) reads as unknown. */
export function useNumberSignal(path: NumericPath): number | undefined {
  const value: unknown = useSignal(path);
  return typeof value === 'number' ? value : undefined;
}

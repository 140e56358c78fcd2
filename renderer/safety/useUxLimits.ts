import type { UxLimits } from '../../common/drive/restrictions.ts';
import { useAppStore } from '../store/context.tsx';

/** The market's limits (string length, list rows, depth) that apply while restricted. */
export function useUxLimits(): UxLimits {
  return useAppStore((s) => s.config.uxRestrictions.limits);
}

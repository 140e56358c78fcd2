import type { UxLimits } from '../../common/drive/restrictions.ts';
import { hasFlag } from '../../common/drive/restrictions.ts';
import { useAppStore } from '../store/context.tsx';

/** The restriction mask in force. Components decide from flags, never from speed (the market table maps one to the other). */
export function useUxFlags(): number {
  return useAppStore((s) => s.uxFlags);
}

/** True while `flag` is in force; re-renders only when that answer changes. */
export function useRestricted(flag: number): boolean {
  return useAppStore((s) => hasFlag(s.uxFlags, flag));
}

export function useUxLimits(): UxLimits {
  return useAppStore((s) => s.config.uxRestrictions.limits);
}

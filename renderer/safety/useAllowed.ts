import type { DriveContext } from './permissions.ts';
import { allows, type Permission } from './permissions.ts';
import { useAppStore } from '../store/context.tsx';
import type { AppState } from '../store/appStore.ts';

function contextOf(state: AppState): DriveContext {
  return {
    driveState: state.driveState,
    uxFlags: state.uxFlags,
    passengerActive: state.passenger.active,
  };
}

/**
 * Whether the drive state allows `permission` now. The one hook screens and controls ask; it
 * re-renders only when the answer changes.
 */
export function useAllowed(permission: Permission): boolean {
  return useAppStore((s) => allows(permission, contextOf(s)));
}

import type { DriveState } from '../../common/drive/driveState.ts';

/**
 * When a screen may be used: always; only parked (whoever is in the car); or parked, or while a
 * confirmed passenger has the app.
 */
export type Availability = 'always' | 'parked' | 'parked-or-passenger';

export function isAvailable(
  availability: Availability,
  driveState: DriveState,
  passengerMode: boolean,
): boolean {
  if (availability === 'always') return true;
  if (driveState === 'PARKED') return true;
  return availability === 'parked-or-passenger' && passengerMode;
}

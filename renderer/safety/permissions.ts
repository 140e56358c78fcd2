import type { DriveState } from '../../common/drive/driveState.ts';
import { UX, hasFlag } from '../../common/drive/restrictions.ts';

/**
 * When a screen may be used: always; only parked (whoever is in the car); or parked, or while a
 * confirmed passenger has the app.
 */
export type Availability = 'always' | 'parked' | 'parked-or-passenger';

/**
 * What a control may do, each tied to the UX restriction flag that forbids it. Offers also need
 * Park itself: not even idling at a light (A6).
 */
const ACTIVITIES = {
  video: { flag: UX.NO_VIDEO, parkedOnly: false },
  keyboard: { flag: UX.NO_KEYBOARD, parkedOnly: false },
  reading: { flag: UX.NO_READING, parkedOnly: false },
  setup: { flag: UX.NO_SETUP, parkedOnly: false },
  fullText: { flag: UX.LIMIT_STRING_LENGTH, parkedOnly: false },
  fullLists: { flag: UX.LIMIT_CONTENT, parkedOnly: false },
  offers: { flag: UX.NO_OFFERS, parkedOnly: true },
  // A5: no photographs for the driver; pictograms instead. A passenger's table lifts the lock.
  photos: { flag: UX.FULLY_RESTRICTED, parkedOnly: false },
} as const;
export type Activity = keyof typeof ACTIVITIES;

/** Everything a screen or control can ask permission for. */
export type Permission = Availability | Activity;

/** What the answer depends on: the drive state, the restriction flags and passenger mode. */
export interface DriveContext {
  driveState: DriveState;
  uxFlags: number;
  passengerActive: boolean;
}

/**
 * The one decision every screen and control asks, through `useAllowed`. Screens decide by drive
 * state and passenger mode; controls by the flags the market table derives from the drive state,
 * never by raw speed.
 */
export function allows(permission: Permission, context: DriveContext): boolean {
  switch (permission) {
    case 'always':
      return true;
    case 'parked':
      return context.driveState === 'PARKED';
    case 'parked-or-passenger':
      return context.driveState === 'PARKED' || context.passengerActive;
    default: {
      const rule = ACTIVITIES[permission];
      if (rule.parkedOnly && context.driveState !== 'PARKED') return false;
      return !hasFlag(context.uxFlags, rule.flag);
    }
  }
}

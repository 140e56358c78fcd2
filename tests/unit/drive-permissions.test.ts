import { describe, expect, it } from 'vitest';
import type { DriveState } from '../../common/drive/driveState.ts';
import { flagsOf, MOVING_FLOOR, UX } from '../../common/drive/restrictions.ts';
import { allows, type DriveContext, type Permission } from '../../renderer/safety/permissions.ts';

const PARKED: DriveContext = { driveState: 'PARKED', uxFlags: 0, passengerActive: false };
const IDLING: DriveContext = {
  driveState: 'IDLING',
  uxFlags: flagsOf(['NO_OFFERS', 'NO_VIDEO']),
  passengerActive: false,
};
const MOVING: DriveContext = {
  driveState: 'MOVING',
  uxFlags: MOVING_FLOOR,
  passengerActive: false,
};
const MOVING_PASSENGER: DriveContext = { ...MOVING, passengerActive: true };
const UNKNOWN: DriveContext = {
  driveState: 'UNKNOWN',
  uxFlags: MOVING_FLOOR,
  passengerActive: true,
};

const at = (c: DriveContext, driveState: DriveState, uxFlags = c.uxFlags) => ({
  ...c,
  driveState,
  uxFlags,
});

describe('allows: the one decision screens and controls ask (table)', () => {
  it.each<[Permission, DriveContext, boolean]>([
    ['always', MOVING, true],
    ['always', UNKNOWN, true],
    ['parked', PARKED, true],
    ['parked', IDLING, false],
    ['parked', MOVING_PASSENGER, false],
    ['parked-or-passenger', PARKED, true],
    ['parked-or-passenger', MOVING, false],
    ['parked-or-passenger', MOVING_PASSENGER, true],
    ['parked-or-passenger', UNKNOWN, true],
    ['video', PARKED, true],
    ['video', IDLING, false],
    ['video', MOVING_PASSENGER, false],
    ['keyboard', PARKED, true],
    ['keyboard', MOVING, false],
    ['reading', IDLING, true],
    ['reading', MOVING, false],
    ['setup', MOVING, false],
    ['setup', at(PARKED, 'PARKED', UX.NO_SETUP), false],
    ['fullText', MOVING, false],
    ['fullText', IDLING, true],
    ['fullLists', MOVING, false],
    ['fullLists', PARKED, true],
    ['offers', PARKED, true],
    // Offers need Park itself: a lax table that lifts NO_OFFERS while idling still shows none.
    ['offers', at(IDLING, 'IDLING', 0), false],
    ['offers', at(PARKED, 'PARKED', UX.NO_OFFERS), false],
    ['offers', MOVING_PASSENGER, false],
    ['photos', PARKED, true],
    ['photos', MOVING, false],
    ['photos', UNKNOWN, false],
    // Under the passenger table (no FULLY_RESTRICTED) a merchant's picture shows.
    ['photos', at(MOVING_PASSENGER, 'MOVING', flagsOf(['NO_VIDEO', 'NO_OFFERS'])), true],
  ])('%s in %o -> %s', (permission, context, expected) => {
    expect(allows(permission, context)).toBe(expected);
  });
});

import type { DriveState } from './driveState.ts';
import { restrictionState } from './driveState.ts';
import {
  DEFAULT_UX_LIMITS,
  flagsOf,
  MOVING_FLOOR,
  type UxFlagName,
  type UxLimits,
} from './restrictions.ts';

/** One market's mapping from drive state (and passenger mode) to restriction flag names. */
export interface UxTable {
  parked: UxFlagName[];
  idling: UxFlagName[];
  moving: UxFlagName[];
  /** Applies instead of idling/moving while a confirmed passenger uses the app. */
  passenger: UxFlagName[];
  limits: UxLimits;
}

/** The strictest reading of the rules: NHTSA counts a car in gear at a stop as driving. */
export const DEFAULT_UX_TABLE: UxTable = {
  parked: [],
  idling: ['FULLY_RESTRICTED', 'NO_READING', 'NO_OFFERS'],
  moving: ['FULLY_RESTRICTED', 'NO_READING', 'NO_OFFERS'],
  passenger: ['NO_VIDEO', 'NO_OFFERS'],
  limits: DEFAULT_UX_LIMITS,
};

/**
 * Flags in force. UNKNOWN counts as MOVING, and the moving floor is always applied while not
 * parked, so neither a missing reading nor a lax table can unlock the driver's screen.
 */
export function activeFlags(table: UxTable, state: DriveState, passengerMode: boolean): number {
  const effective = restrictionState(state);
  if (effective === 'PARKED') return flagsOf(table.parked);
  if (passengerMode) return flagsOf(table.passenger);
  const base = flagsOf(effective === 'IDLING' ? table.idling : table.moving);
  return effective === 'MOVING' ? base | MOVING_FLOOR : base;
}

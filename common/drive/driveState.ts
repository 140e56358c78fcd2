import { GEAR } from '../vss/signals.ts';

/** Android's CarDrivingStateEvent states. */
export const DRIVE_STATES = ['PARKED', 'IDLING', 'MOVING', 'UNKNOWN'] as const;
export type DriveState = (typeof DRIVE_STATES)[number];

export interface DriveInputs {
  /** VSS SelectedGear, undefined when unknown or stale. */
  selectedGear: number | undefined;
  /** VSS ParkingBrake.IsEngaged, undefined when unknown or stale. */
  parkingBrake: boolean | undefined;
  /** VSS Speed in km/h, undefined when unknown or stale. */
  speedKmh: number | undefined;
  /** Whether the transmission has a Park position (variant); manual gearboxes rely on the brake. */
  hasParkGear: boolean;
}

/**
 * Android `CarDrivingStateService` inference, in its order: gear Park -> PARKED; no Park gear and
 * the parking brake on -> PARKED; speed unknown or negative -> UNKNOWN; speed 0 -> IDLING;
 * otherwise MOVING. Unknown inputs are passed in as undefined (the caller drops stale values).
 */
export function inferDriveState(input: DriveInputs): DriveState {
  if (input.hasParkGear && input.selectedGear === GEAR.park) return 'PARKED';
  if (!input.hasParkGear && input.parkingBrake === true) return 'PARKED';
  if (input.speedKmh === undefined || !Number.isFinite(input.speedKmh) || input.speedKmh < 0)
    return 'UNKNOWN';
  if (input.speedKmh === 0) return 'IDLING';
  return 'MOVING';
}

/** Dashport is stricter than Android: a state we cannot vouch for is restricted as if moving. */
export function restrictionState(state: DriveState): Exclude<DriveState, 'UNKNOWN'> {
  return state === 'UNKNOWN' ? 'MOVING' : state;
}

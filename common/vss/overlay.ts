import type { SignalMeta } from './types.ts';

/**
 * Dashport's VSS overlay: signals the standard tree lacks, defined as an own branch the way
 * VSS overlays are meant to be used. They follow VSS rules (datatype, allowed values) so the
 * bridge validates them like any other leaf. Documented in docs/bridge-protocol.md.
 */
export const OVERLAY_SIGNALS = {
  // VSS 6.0 has no steering-wheel buttons; the HMI branch is where an OEM's input would land.
  'Vehicle.Cabin.Infotainment.HMI.SteeringWheelButton': {
    type: 'sensor',
    datatype: 'string',
    allowed: ['NONE', 'UP', 'DOWN', 'LEFT', 'RIGHT', 'OK', 'BACK', 'HOME'],
    description:
      'Steering-wheel button currently pressed; NONE when released. Dashport overlay, not in VSS 6.0.',
  },
} as const satisfies Record<string, SignalMeta>;

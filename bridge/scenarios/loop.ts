import type { CarSpec } from './car.ts';
import { loopDrive, type LoopTiming } from './profiles.ts';

/** The default demo: parked, a short drive round the block, parked again; refuels when low. */
export function loopSpec(timing: Partial<LoopTiming> = {}): CarSpec {
  const drive = loopDrive(timing);
  return {
    powertrain: 'COMBUSTION',
    speedAt: drive.speedAt,
    parkedAt: drive.parkedAt,
    energyPercent: 62,
    refuel: { belowPercent: 10, toPercent: 80 },
  };
}

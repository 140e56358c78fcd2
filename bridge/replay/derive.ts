import { GEAR, SIGNAL } from '../../common/vss/signals.ts';
import type { TimedSample } from './sample.ts';

/**
 * Recordings carry speed but no gear (see ../shared/traces/README.md), and a home screen needs
 * both to tell parked from driving. These values are *derived*, not recorded:
 *
 * - SelectedGear: 126 (Park) at the start, once the speed has been 0 for PARK_AFTER_MS, and at
 *   the end; 127 (Drive) as soon as the speed is above 0.
 * - IsMoving: speed > 0, from each speed sample.
 *
 * A signal the recording does have is left alone. Samples are merged in time order; a derived
 * sample follows the speed sample it comes from.
 */

export const PARK_AFTER_MS = 2_000;

export function deriveDriveSignals(samples: readonly TimedSample[], endMs: number): TimedSample[] {
  const has = (path: string) => samples.some((s) => s.path === path && s.origin === 'trace');
  const deriveGear = !has(SIGNAL.selectedGear);
  const deriveMoving = !has(SIGNAL.isMoving);
  if (!deriveGear && !deriveMoving) return [...samples];

  const out: TimedSample[] = [];
  let gear: number | undefined;
  let moving: boolean | undefined;
  let stoppedSince: number | undefined = 0;

  const setGear = (t: number, value: number) => {
    if (!deriveGear || gear === value) return;
    gear = value;
    out.push({ t, path: SIGNAL.selectedGear, value, origin: 'derived' });
  };
  // Park falls due PARK_AFTER_MS into a standstill, between samples if need be.
  const parkIfDue = (beforeMs: number) => {
    if (stoppedSince !== undefined && stoppedSince + PARK_AFTER_MS <= beforeMs) {
      setGear(stoppedSince + PARK_AFTER_MS, GEAR.park);
    }
  };

  setGear(0, GEAR.park);
  for (const sample of samples) {
    parkIfDue(sample.t);
    out.push(sample);
    if (sample.path !== SIGNAL.speed || typeof sample.value !== 'number') continue;
    const isMoving = sample.value > 0;
    if (deriveMoving && moving !== isMoving) {
      moving = isMoving;
      out.push({ t: sample.t, path: SIGNAL.isMoving, value: isMoving, origin: 'derived' });
    }
    if (isMoving) {
      stoppedSince = undefined;
      setGear(sample.t, GEAR.drive);
    } else {
      stoppedSince ??= sample.t;
    }
  }
  parkIfDue(endMs);
  setGear(endMs, GEAR.park);
  return out;
}

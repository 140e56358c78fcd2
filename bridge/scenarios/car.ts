import { GEAR, SIGNAL } from '../../common/vss/signals.ts';
import type { VssPath } from '../../common/vss/signals.ts';
import type { VssValue } from '../../common/vss/types.ts';
import { loopHeading, moveAlong } from './route.ts';
import type { Position } from './route.ts';
import type { VehicleModel } from './runner.ts';

/**
 * A car described by a few functions of simulated time (speed, seat, light) and a powertrain.
 * The model integrates distance, position and energy from them, so every scenario gets a
 * consistent picture (gear, IsMoving, odometer, range) without repeating the bookkeeping.
 */

export type Powertrain = 'COMBUSTION' | 'ELECTRIC';
export type Occupancy = 'OCCUPIED' | 'EMPTY';

export interface CarSpec {
  powertrain: Powertrain;
  /** km/h at simulated time t (ms since start); must be 0 throughout when `parked`. */
  speedAt(tMs: number): number;
  /** Gear P and parking brake on while true (speed must then be 0); otherwise gear D, brake off. */
  parkedAt?(tMs: number): boolean;
  /** A stop at the station: when parked below `belowPercent`, the tank is filled to `toPercent`. */
  refuel?: { belowPercent: number; toPercent: number };
  ignition?: 'ON' | 'OFF';
  /** Fuel (combustion) or displayed state of charge (electric) at the start, percent. */
  energyPercent: number;
  /** Plugged in: SoC rises by this much per minute until full (electric, parked). */
  chargePercentPerMinute?: number;
  row1PassengerAt?(tMs: number): Occupancy;
  /** Outside light, percent; the HMI switches to NIGHT below NIGHT_BELOW_PERCENT. */
  lightAt?(tMs: number): number;
  /** Length of the circular route, m. */
  loopM?: number;
}

export interface CarState extends Position {
  tMs: number;
  parked: boolean;
  speedKmh: number;
  distanceM: number;
  energyPercent: number;
  charging: boolean;
}

export interface CarModel extends VehicleModel {
  state(): Readonly<CarState>;
  /** Speed change per second right now, km/h/s (for derived signals such as acceleration). */
  accelerationKmhPerS(): number;
}

export const NIGHT_BELOW_PERCENT = 15;
/** The energy level a driving demo never falls below, so it never strands the car. */
export const ENERGY_FLOOR_PERCENT = 1;

const START: Position = { latitude: 37.7793, longitude: -122.4193, heading: 45 };
const START_ODOMETER_M = 12_345_000;
/** Default length of the circular route, m: the car stays in town however long it drives. */
export const LOOP_M = 3_000;
const MAX_SUBSTEP_MS = 50;
// 7 l/100 km from a 50 l tank; 16 kWh/100 km from a 60 kWh battery.
const ENERGY = {
  COMBUSTION: { percentPerM: (7 / 100_000 / 50) * 100 },
  ELECTRIC: { percentPerM: (16 / 100_000 / 60) * 100 },
} as const;

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const clamp = (value: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, value));

export function createCarModel(spec: CarSpec): CarModel {
  const loopM = spec.loopM ?? LOOP_M;
  const parkedAt = spec.parkedAt ?? (() => false);
  const s: CarState = {
    ...START,
    tMs: 0,
    parked: parkedAt(0),
    speedKmh: spec.speedAt(0),
    distanceM: 0,
    energyPercent: spec.energyPercent,
    charging: spec.chargePercentPerMinute !== undefined && spec.energyPercent < 100,
  };

  const advance = (dt: number) => {
    // Midpoint speed: distance stays accurate whatever the tick length.
    const metres = (Math.max(0, spec.speedAt(s.tMs + dt / 2)) / 3.6) * (dt / 1000);
    Object.assign(s, moveAlong(s, metres));
    s.distanceM += metres;
    s.heading = loopHeading(START.heading, s.distanceM, loopM);
    if (s.charging && spec.chargePercentPerMinute !== undefined) {
      s.energyPercent = Math.min(
        100,
        s.energyPercent + (spec.chargePercentPerMinute * dt) / 60_000,
      );
      s.charging = s.energyPercent < 100;
    } else if (metres > 0) {
      const used = metres * ENERGY[spec.powertrain].percentPerM;
      s.energyPercent = Math.max(ENERGY_FLOOR_PERCENT, s.energyPercent - used);
    }
    s.tMs += dt;
    s.parked = parkedAt(s.tMs);
    if (s.parked && spec.refuel && s.energyPercent < spec.refuel.belowPercent) {
      s.energyPercent = spec.refuel.toPercent;
    }
  };

  return {
    step(elapsedMs) {
      if (!(elapsedMs >= 0 && Number.isFinite(elapsedMs))) {
        throw new RangeError('elapsedMs must be a finite number >= 0');
      }
      let remaining = elapsedMs;
      while (remaining > 0) {
        const dt = Math.min(remaining, MAX_SUBSTEP_MS);
        advance(dt);
        remaining -= dt;
      }
      s.speedKmh = spec.speedAt(s.tMs);
    },
    state: () => ({ ...s }),
    accelerationKmhPerS() {
      const from = Math.max(0, s.tMs - 50);
      const to = s.tMs + 50;
      return ((spec.speedAt(to) - spec.speedAt(from)) / (to - from)) * 1000;
    },
    signals() {
      const speed = round(Math.max(0, s.speedKmh), 2);
      const energy = clamp(s.energyPercent, 0, 100);
      const light = round(clamp(spec.lightAt?.(s.tMs) ?? 80, 0, 100), 1);
      const parked = s.parked;
      const values: [VssPath, VssValue][] = [
        [SIGNAL.speed, speed],
        [SIGNAL.isMoving, speed > 0],
        [SIGNAL.selectedGear, parked ? GEAR.park : GEAR.drive],
        [SIGNAL.parkingBrake, parked],
        [SIGNAL.traveledDistance, Math.floor(START_ODOMETER_M + s.distanceM)],
        [SIGNAL.latitude, round(s.latitude, 7)],
        [SIGNAL.longitude, round(s.longitude, 7)],
        [SIGNAL.heading, round(s.heading, 2) % 360],
        [SIGNAL.lowVoltageSystemState, spec.ignition ?? 'ON'],
        [SIGNAL.dayNightMode, light < NIGHT_BELOW_PERCENT ? 'NIGHT' : 'DAY'],
        [SIGNAL.lightIntensity, light],
        [SIGNAL.powertrainType, spec.powertrain],
        [SIGNAL.row1PassengerOccupancy, spec.row1PassengerAt?.(s.tMs) ?? 'EMPTY'],
        [SIGNAL.row2PassengerOccupancy, 'EMPTY'],
        [SIGNAL.row2DriverOccupancy, 'EMPTY'],
        [SIGNAL.row2MiddleOccupancy, 'EMPTY'],
      ];
      const rangeM = Math.floor(energy / ENERGY[spec.powertrain].percentPerM);
      if (spec.powertrain === 'COMBUSTION') {
        values.push([SIGNAL.fuelLevel, Math.round(energy)], [SIGNAL.range, rangeM]);
      } else {
        // An electric car has no fuel level at all: the signal is never published.
        values.push(
          // Rounded down, as a car shows it: never "100" before the battery is full.
          [SIGNAL.batteryLevel, Math.floor(energy * 10) / 10],
          [SIGNAL.range, rangeM],
          [SIGNAL.isCharging, s.charging],
        );
      }
      return values;
    },
  };
}

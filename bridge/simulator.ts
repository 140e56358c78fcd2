import { GEAR, SIGNAL } from '../common/vss/signals.ts';
import { loopHeading, moveAlong } from './scenarios/route.ts';
import { runModel } from './scenarios/runner.ts';
import type { RunModelOptions, VehicleModel } from './scenarios/runner.ts';
import type { SignalStore } from './signalStore.ts';
import type { SourceHandle } from './sources.ts';

/**
 * A deterministic drive that loops: parked -> accelerate -> cruise -> decelerate -> parked.
 * `createDriveSimulator` is a pure state machine advanced by `step(ms)`, so tests can drive
 * hours in microseconds; `run` puts it on a timer and feeds a store. This is the `loop` scenario.
 */

export type DrivePhase = 'parked' | 'accelerating' | 'cruising' | 'decelerating';

export interface DriveProfile {
  parkedMs: number;
  accelerateMs: number;
  cruiseMs: number;
  decelerateMs: number;
  cruiseKmh: number;
}

export const DEFAULT_PROFILE: DriveProfile = {
  parkedMs: 8_000,
  accelerateMs: 8_000,
  cruiseMs: 20_000,
  decelerateMs: 8_000,
  cruiseKmh: 50,
};

/** San Francisco City Hall. */
const START = { latitude: 37.7793, longitude: -122.4193, heading: 45 };
const START_ODOMETER_M = 12_345_000;
const START_FUEL_PERCENT = 62;
const TANK_LITRES = 50;
const LITRES_PER_M = 7 / 100_000; // 7 l/100 km
const REFUEL_BELOW_PERCENT = 10;
const REFUEL_TO_PERCENT = 80;
/** The route is a circle this long, so the car stays in town however long the loop runs. */
export const LOOP_M = 3_000;
const CRUISE_WAVE_KMH = 3;
const MAX_SUBSTEP_MS = 50;

const NEXT: Record<DrivePhase, DrivePhase> = {
  parked: 'accelerating',
  accelerating: 'cruising',
  cruising: 'decelerating',
  decelerating: 'parked',
};

export interface DriveState {
  phase: DrivePhase;
  /** Time spent in the current phase. */
  phaseMs: number;
  /** Completed parked -> parked loops. */
  cycles: number;
  speedKmh: number;
  /** Distance driven since the simulator started, in m. */
  distanceM: number;
  fuelPercent: number;
  latitude: number;
  longitude: number;
  heading: number;
}

export interface DriveSimulator extends VehicleModel {
  state(): Readonly<DriveState>;
  /** Speed change per second right now, km/h/s (for derived signals such as acceleration). */
  accelerationKmhPerS(): number;
}

const smoothstep = (x: number) => x * x * (3 - 2 * x);
const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function createDriveSimulator(overrides: Partial<DriveProfile> = {}): DriveSimulator {
  const profile = { ...DEFAULT_PROFILE, ...overrides };
  const durations: Record<DrivePhase, number> = {
    parked: profile.parkedMs,
    accelerating: profile.accelerateMs,
    cruising: profile.cruiseMs,
    decelerating: profile.decelerateMs,
  };
  for (const [phase, ms] of Object.entries(durations)) {
    if (!(ms > 0 && Number.isFinite(ms))) throw new RangeError(`${phase} duration must be > 0`);
  }
  if (!(profile.cruiseKmh > CRUISE_WAVE_KMH && profile.cruiseKmh < 300)) {
    throw new RangeError(`cruiseKmh must be between ${CRUISE_WAVE_KMH} and 300`);
  }

  const s: DriveState = {
    phase: 'parked',
    phaseMs: 0,
    cycles: 0,
    speedKmh: 0,
    distanceM: 0,
    fuelPercent: START_FUEL_PERCENT,
    ...START,
  };

  const speedAt = (phase: DrivePhase, ms: number): number => {
    const x = Math.min(1, ms / durations[phase]);
    switch (phase) {
      case 'parked':
        return 0;
      case 'accelerating':
        return profile.cruiseKmh * smoothstep(x);
      case 'cruising':
        // Two gentle waves that are zero at both ends, so speed is continuous across phases.
        return profile.cruiseKmh + CRUISE_WAVE_KMH * Math.sin(4 * Math.PI * x);
      case 'decelerating':
        return profile.cruiseKmh * (1 - smoothstep(x));
    }
  };

  const drive = (metres: number) => {
    ({ latitude: s.latitude, longitude: s.longitude } = moveAlong(s, metres));
    s.distanceM += metres;
    s.heading = loopHeading(START.heading, s.distanceM, LOOP_M);
    s.fuelPercent -= ((metres * LITRES_PER_M) / TANK_LITRES) * 100;
  };

  return {
    step(elapsedMs) {
      if (!(elapsedMs >= 0 && Number.isFinite(elapsedMs))) {
        throw new RangeError('elapsedMs must be a finite number >= 0');
      }
      let remaining = elapsedMs;
      while (remaining > 0) {
        const left = durations[s.phase] - s.phaseMs;
        const dt = Math.min(remaining, MAX_SUBSTEP_MS, left);
        // Midpoint speed: distance stays accurate whatever the tick length.
        drive((speedAt(s.phase, s.phaseMs + dt / 2) / 3.6) * (dt / 1000));
        s.phaseMs += dt;
        remaining -= dt;
        if (s.phaseMs >= durations[s.phase]) {
          s.phase = NEXT[s.phase];
          s.phaseMs = 0;
          if (s.phase === 'parked') {
            s.cycles += 1;
            // A stop at the station, so an endless demo never runs dry.
            if (s.fuelPercent < REFUEL_BELOW_PERCENT) s.fuelPercent = REFUEL_TO_PERCENT;
          }
        }
      }
      s.speedKmh = speedAt(s.phase, s.phaseMs);
    },
    state: () => ({ ...s }),
    accelerationKmhPerS() {
      const from = Math.max(0, s.phaseMs - 50);
      const to = Math.min(durations[s.phase], s.phaseMs + 50);
      if (to <= from) return 0;
      return ((speedAt(s.phase, to) - speedAt(s.phase, from)) / (to - from)) * 1000;
    },
    signals() {
      const parked = s.phase === 'parked';
      const speed = round(s.speedKmh, 2);
      const fuel = Math.min(100, Math.max(0, s.fuelPercent));
      return [
        [SIGNAL.speed, speed],
        [SIGNAL.isMoving, speed > 0],
        [SIGNAL.selectedGear, parked ? GEAR.park : GEAR.drive],
        [SIGNAL.parkingBrake, parked],
        [SIGNAL.traveledDistance, Math.floor(START_ODOMETER_M + s.distanceM)],
        [SIGNAL.fuelLevel, Math.round(fuel)],
        [SIGNAL.range, Math.floor((fuel / 100) * (TANK_LITRES / LITRES_PER_M))],
        [SIGNAL.latitude, round(s.latitude, 7)],
        [SIGNAL.longitude, round(s.longitude, 7)],
        [SIGNAL.heading, round(s.heading, 2) % 360],
        [SIGNAL.lowVoltageSystemState, 'ON'],
        [SIGNAL.dayNightMode, 'DAY'],
        [SIGNAL.powertrainType, 'COMBUSTION'],
        [SIGNAL.row1PassengerOccupancy, 'EMPTY'],
      ];
    },
  };
}

export interface RunOptions extends RunModelOptions {
  profile?: Partial<DriveProfile>;
}

/** Feeds `store` from a fresh loop simulator every tick until stopped. */
export function run(store: SignalStore, options: RunOptions = {}): SourceHandle {
  return runModel(store, createDriveSimulator(options.profile), options);
}

import { SIGNAL } from '../../common/vss/signals.ts';
import type { VssPath } from '../../common/vss/signals.ts';
import type { VssValue } from '../../common/vss/types.ts';
import { createCarModel, LOOP_M } from './car.ts';
import { loopSpec } from './loop.ts';
import type { VehicleModel } from './runner.ts';

/**
 * The bench scenario: the loop scenario's car plus the signals a real car streams continuously (wheel
 * speeds, tyre pressures, engine, temperatures, pedals, motion), 40 signals in all, each one
 * derived from the drive so the picture stays consistent. The runner publishes them at 50 Hz.
 */

export const BENCH_TICK_MS = 20;

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const clampPercent = (value: number) => Math.round(Math.min(100, Math.max(0, value)));

// The loop is a clockwise circle: the car always turns right, gently.
const RADIUS_M = LOOP_M / (2 * Math.PI);
const HALF_TRACK_M = 0.8;
const WHEELBASE_M = 2.7;
const STEERING_RATIO = 15;

export function createBenchModel(): VehicleModel {
  const loop = createCarModel(loopSpec());
  let tMs = 0;

  const gearFor = (kmh: number) => (kmh < 15 ? 1 : kmh < 30 ? 2 : kmh < 45 ? 3 : kmh < 60 ? 4 : 5);

  return {
    step(elapsedMs) {
      loop.step(elapsedMs);
      tMs += elapsedMs;
    },
    signals() {
      const { parked, speedKmh } = loop.state();
      const moving = speedKmh > 0;
      const v = speedKmh / 3.6;
      const a = loop.accelerationKmhPerS();
      // Turning right: outer (left) wheels run faster; yaw and lateral acceleration negative.
      const turn = moving ? HALF_TRACK_M / RADIUS_M : 0;
      const steering = moving
        ? -Math.round(((Math.atan(WHEELBASE_M / RADIUS_M) * 180) / Math.PI) * STEERING_RATIO)
        : 0;
      const warm = 1 - Math.exp(-tMs / 240_000);
      const extras: [VssPath, VssValue][] = [
        [SIGNAL.currentGear, parked ? 0 : gearFor(speedKmh)],
        [SIGNAL.distanceUnit, 'KILOMETERS'],
        [SIGNAL.steeringWheelButton, 'NONE'],
        [SIGNAL.wheelSpeedFrontLeft, round(speedKmh * (1 + turn), 2)],
        [SIGNAL.wheelSpeedFrontRight, round(speedKmh * (1 - turn), 2)],
        [SIGNAL.wheelSpeedRearLeft, round(speedKmh * (1 + turn), 2)],
        [SIGNAL.wheelSpeedRearRight, round(speedKmh * (1 - turn), 2)],
        [SIGNAL.tirePressureFrontLeft, Math.round(240 + 8 * warm)],
        [SIGNAL.tirePressureFrontRight, Math.round(241 + 8 * warm)],
        [SIGNAL.tirePressureRearLeft, Math.round(250 + 8 * warm)],
        [SIGNAL.tirePressureRearRight, Math.round(249 + 8 * warm)],
        [SIGNAL.engineSpeed, Math.round(750 + speedKmh * 30)],
        [SIGNAL.coolantTemperature, round(20 + 70 * warm, 1)],
        [SIGNAL.cabinTemperature, round(21.5 + 0.3 * Math.sin(tMs / 60_000), 1)],
        [SIGNAL.outsideTemperature, 18],
        [SIGNAL.acceleratorPedal, moving ? clampPercent(a > 0.1 ? 10 + a * 5 : 12) : 0],
        [SIGNAL.brakePedal, a < -0.1 ? clampPercent(-a * 5) : 0],
        [SIGNAL.steeringWheelAngle, steering],
        [SIGNAL.accelerationLongitudinal, round(a / 3.6, 2)],
        [SIGNAL.accelerationLateral, round(-(v * v) / RADIUS_M, 2)],
        [SIGNAL.yawRate, round(-((v / RADIUS_M) * 180) / Math.PI, 2)],
        [SIGNAL.lowVoltageBatteryVoltage, round(14.1 + 0.1 * Math.sin(tMs / 7_000), 2)],
      ];
      return [...loop.signals(), ...extras];
    },
  };
}

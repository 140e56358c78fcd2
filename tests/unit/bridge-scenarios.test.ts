import { describe, expect, it } from 'vitest';
import {
  DUSK_MS,
  PASSENGER_LEAVES_AFTER_MS,
  SCENARIO_NAMES,
  createScenario,
  scenarioSource,
} from '../../bridge/scenarios/catalog.ts';
import type { ScenarioName } from '../../bridge/scenarios/catalog.ts';
import { createSignalStore } from '../../bridge/signalStore.ts';
import { GEAR, SIGNAL } from '../../common/vss/signals.ts';
import type { VssPath } from '../../common/vss/signals.ts';
import type { VssValue } from '../../common/vss/types.ts';
import { formatVissValue } from '../../common/vss/values.ts';
import { sleep, until } from './bridge-support.ts';

/**
 * Every scenario, stepped by hand (no waiting): all values valid for their VSS leaf at every
 * step, and the state each scenario promises in docs/bridge-protocol.md.
 */

type Frame = { t: number; values: Map<VssPath, VssValue> };

/** Steps a fresh scenario for `ms` of simulated time, one 100 ms tick at a time. */
function record(name: ScenarioName, ms: number, tick = 100): Frame[] {
  const { model } = createScenario(name);
  const frames: Frame[] = [];
  for (let t = 0; t <= ms; t += tick) {
    if (t > 0) model.step(tick);
    const signals = model.signals();
    for (const [path, value] of signals) {
      const checked = formatVissValue(path, value);
      if (!checked.ok)
        throw new Error(`${name} t=${t} ${path}=${String(value)}: ${checked.reason}`);
    }
    const values = new Map(signals);
    expect(values.size, `${name}: one value per path`).toBe(signals.length);
    frames.push({ t, values });
  }
  return frames;
}

const series = (frames: Frame[], path: VssPath) => frames.map((f) => f.values.get(path));
const numbers = (frames: Frame[], path: VssPath) => series(frames, path) as number[];
const isNonIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x <= (xs[i - 1] as number));
const isNonDecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x >= (xs[i - 1] as number));
const distinct = (xs: unknown[]) => xs.filter((x, i) => i === 0 || x !== xs[i - 1]);

/** The drive-state inputs agree with each other at every instant. */
function expectConsistent(frames: Frame[]) {
  for (const { values } of frames) {
    const speed = values.get(SIGNAL.speed) as number;
    expect(values.get(SIGNAL.isMoving)).toBe(speed > 0);
    if (values.get(SIGNAL.selectedGear) === GEAR.park) expect(speed).toBe(0);
    expect(values.get(SIGNAL.parkingBrake)).toBe(values.get(SIGNAL.selectedGear) === GEAR.park);
  }
}

describe('scenarios', () => {
  it('are all listed, with the loop as the default', () => {
    expect(SCENARIO_NAMES).toEqual([
      'loop',
      'parked',
      'city',
      'highway',
      'low-fuel',
      'ev-low-charge',
      'charging',
      'ignition-off',
      'passenger',
      'passenger-leaves',
      'dusk',
      'bench',
    ]);
  });

  it('loop: parked -> moving -> parked, again and again', () => {
    const frames = record('loop', 90_000);
    expectConsistent(frames);
    expect(distinct(series(frames, SIGNAL.selectedGear))).toEqual([126, 127, 126, 127, 126]);
  });

  it.each(['parked', 'ignition-off'] as const)('%s: parked at 0 km/h the whole time', (name) => {
    const frames = record(name, 120_000);
    expectConsistent(frames);
    for (const { values } of frames) {
      expect(values.get(SIGNAL.speed)).toBe(0);
      expect(values.get(SIGNAL.selectedGear)).toBe(GEAR.park);
      expect(values.get(SIGNAL.parkingBrake)).toBe(true);
      expect(values.get(SIGNAL.lowVoltageSystemState)).toBe(name === 'parked' ? 'ON' : 'OFF');
    }
    expect(new Set(series(frames, SIGNAL.traveledDistance)).size).toBe(1);
  });

  it('city: stop-and-go in Drive between 0 and 50 km/h', () => {
    const frames = record('city', 120_000);
    expectConsistent(frames);
    const speeds = numbers(frames, SIGNAL.speed);
    expect(Math.min(...speeds)).toBe(0);
    expect(Math.max(...speeds)).toBeGreaterThan(45);
    expect(Math.max(...speeds)).toBeLessThanOrEqual(50);
    expect(new Set(series(frames, SIGNAL.selectedGear))).toEqual(new Set([GEAR.drive]));
    // Stopped and moving more than once: at least 4 starts in two minutes.
    const starts = speeds.filter((v, i) => i > 0 && v > 0 && speeds[i - 1] === 0).length;
    expect(starts).toBeGreaterThanOrEqual(4);
  });

  it('highway: 100..130 km/h in Drive', () => {
    const frames = record('highway', 180_000);
    expectConsistent(frames);
    const speeds = numbers(frames, SIGNAL.speed);
    expect(Math.min(...speeds)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...speeds)).toBeLessThanOrEqual(130);
    expect(Math.min(...speeds)).toBeLessThan(102);
    expect(Math.max(...speeds)).toBeGreaterThan(128);
  });

  it('low-fuel: driving with the tank at ~8 % and falling', () => {
    const frames = record('low-fuel', 40 * 60_000, 1_000);
    expectConsistent(frames);
    const fuel = numbers(frames, SIGNAL.fuelLevel);
    expect(fuel[0]).toBe(8);
    expect(isNonIncreasing(fuel)).toBe(true);
    expect(fuel.at(-1)).toBeLessThan(5);
    const range = numbers(frames, SIGNAL.range);
    expect(isNonIncreasing(range) && (range.at(-1) as number) < (range[0] as number)).toBe(true);
    expect(numbers(frames, SIGNAL.speed).every((v) => v > 0)).toBe(true);
    expect(frames[0]?.values.get(SIGNAL.powertrainType)).toBe('COMBUSTION');
    expect(frames[0]?.values.has(SIGNAL.batteryLevel)).toBe(false);
  });

  it('ev-low-charge: an electric car driving at ~9 % and falling, with no fuel signal', () => {
    const frames = record('ev-low-charge', 20 * 60_000, 1_000);
    expectConsistent(frames);
    const soc = numbers(frames, SIGNAL.batteryLevel);
    expect(soc[0]).toBeGreaterThan(8.5);
    expect(soc[0]).toBeLessThan(10);
    expect(isNonIncreasing(soc) && (soc.at(-1) as number) < (soc[0] as number) - 2).toBe(true);
    for (const { values } of frames) {
      expect(values.has(SIGNAL.fuelLevel)).toBe(false);
      expect(values.get(SIGNAL.powertrainType)).toBe('ELECTRIC');
      expect(values.get(SIGNAL.isCharging)).toBe(false);
      expect(values.get(SIGNAL.speed) as number).toBeGreaterThan(0);
    }
  });

  it('charging: an electric car, parked and plugged in, its charge rising until full', () => {
    const frames = record('charging', 70 * 60_000, 1_000);
    expectConsistent(frames);
    const soc = numbers(frames, SIGNAL.batteryLevel);
    expect(soc[0]).toBe(20);
    expect(isNonDecreasing(soc)).toBe(true);
    expect(soc.at(-1)).toBe(100);
    expect(distinct(series(frames, SIGNAL.isCharging))).toEqual([true, false]);
    const full = frames.find((f) => f.values.get(SIGNAL.batteryLevel) === 100);
    expect(full?.values.get(SIGNAL.isCharging)).toBe(false);
    for (const { values } of frames) {
      expect(values.get(SIGNAL.selectedGear)).toBe(GEAR.park);
      expect(values.get(SIGNAL.powertrainType)).toBe('ELECTRIC');
      expect(values.has(SIGNAL.fuelLevel)).toBe(false);
    }
  });

  it('passenger: driving with the front passenger seat occupied', () => {
    const frames = record('passenger', 60_000);
    expectConsistent(frames);
    for (const { values } of frames) {
      expect(values.get(SIGNAL.row1PassengerOccupancy)).toBe('OCCUPIED');
      expect(values.get(SIGNAL.isMoving)).toBe(true);
    }
  });

  it('passenger-leaves: the seat is occupied, then empty after a few seconds', () => {
    const frames = record('passenger-leaves', 30_000);
    expectConsistent(frames);
    expect(distinct(series(frames, SIGNAL.row1PassengerOccupancy))).toEqual(['OCCUPIED', 'EMPTY']);
    const left = frames.find((f) => f.values.get(SIGNAL.row1PassengerOccupancy) === 'EMPTY');
    expect(left?.t).toBe(PASSENGER_LEAVES_AFTER_MS);
    expect(numbers(frames, SIGNAL.speed).every((v) => v > 0)).toBe(true);
  });

  it('dusk: DAY turns to NIGHT as the outside light falls within a minute', () => {
    const frames = record('dusk', 90_000);
    expectConsistent(frames);
    expect(distinct(series(frames, SIGNAL.dayNightMode))).toEqual(['DAY', 'NIGHT']);
    const night = frames.find((f) => f.values.get(SIGNAL.dayNightMode) === 'NIGHT');
    expect(night?.t).toBeLessThan(DUSK_MS);
    const light = numbers(frames, SIGNAL.lightIntensity);
    expect(light[0]).toBe(60);
    expect(isNonIncreasing(light)).toBe(true);
    expect(light.at(-1)).toBeLessThanOrEqual(1);
  });

  it('bench: 40 distinct valid signals, published every 20 ms, over the loop drive', () => {
    const { tickMs } = createScenario('bench');
    expect(tickMs).toBe(20);
    const frames = record('bench', 50_000, 20); // one loop: 44 s
    for (const { values } of frames) expect(values.size).toBe(40);
    expectConsistent(frames);
    expect(distinct(series(frames, SIGNAL.selectedGear))).toEqual([126, 127, 126]);
    // Signals that follow the drive do move with it.
    for (const path of [SIGNAL.wheelSpeedFrontLeft, SIGNAL.engineSpeed, SIGNAL.yawRate]) {
      expect(new Set(series(frames, path)).size, path).toBeGreaterThan(10);
    }
  });

  it('are deterministic: the same steps give the same values', () => {
    for (const name of SCENARIO_NAMES) {
      expect(record(name, 5_000, 500)).toEqual(record(name, 5_000, 500));
    }
  });
});

describe('scenario sources', () => {
  it('run in real time, scaled by the speed factor, and pause and resume', async () => {
    const store = createSignalStore();
    const source = scenarioSource('city', 100)(store);
    try {
      await until(() => (store.getValue(SIGNAL.speed) as number) > 0, 3000, 'moving');
      source.pause?.();
      const held = store.get(SIGNAL.traveledDistance);
      await sleep(150);
      expect(store.get(SIGNAL.traveledDistance)).toEqual(held); // nothing written while paused
      source.resume?.();
      await until(() => store.get(SIGNAL.traveledDistance)?.ts !== held?.ts, 1000, 'resumed');
      expect(store.stats().rejected).toBe(0);
    } finally {
      source.stop();
    }
  });

  it('bench writes each of its 40 signals about 50 times a second', async () => {
    const store = createSignalStore();
    const writes = new Map<string, number>();
    store.onUpdate(({ path }) => writes.set(path, (writes.get(path) ?? 0) + 1));
    const source = scenarioSource('bench')(store);
    await sleep(1000);
    source.stop();
    expect(writes.size).toBe(40);
    for (const [path, count] of writes) {
      expect(count, path).toBeGreaterThanOrEqual(40);
      expect(count, path).toBeLessThanOrEqual(55);
    }
    expect(store.stats().rejected).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { startBridge } from '../../bridge/server.ts';
import { createSignalStore } from '../../bridge/signalStore.ts';
import { createCarModel, type CarModel } from '../../bridge/scenarios/car.ts';
import { scenarioSource } from '../../bridge/scenarios/catalog.ts';
import { loopSpec } from '../../bridge/scenarios/loop.ts';
import { loopDrive, type LoopPhase } from '../../bridge/scenarios/profiles.ts';
import { runModel } from '../../bridge/scenarios/runner.ts';
import { GEAR, SIGNAL } from '../../common/vss/signals.ts';
import type { VssPath } from '../../common/vss/signals.ts';
import { formatVissValue } from '../../common/vss/values.ts';
import { VISS_EVENT } from '../../common/viss/types.ts';

const CYCLE_MS = 8_000 + 8_000 + 20_000 + 8_000;

/** The loop scenario's car: the same model every scenario runs on. */
const createDriveSimulator = (timing = {}): CarModel => createCarModel(loopSpec(timing));
const phaseOf = (sim: CarModel): LoopPhase => loopDrive().phaseAt(sim.state().tMs);

function valuesOf(sim: CarModel): Map<VssPath, unknown> {
  return new Map(sim.signals());
}

describe('the loop scenario (one car model for every scenario)', () => {
  it('goes parked -> moving -> parked with gear changes, monotonic odometer, valid values', () => {
    const sim = createDriveSimulator();
    const phases: LoopPhase[] = [];
    const gears: unknown[] = [];
    let odometer = -1;
    let maxSpeed = 0;
    for (let t = 0; t <= 2 * CYCLE_MS; t += 100) {
      if (t > 0) sim.step(100);
      const phase = phaseOf(sim);
      if (phases.at(-1) !== phase) phases.push(phase);
      const values = valuesOf(sim);
      const gear = values.get(SIGNAL.selectedGear);
      if (gears.at(-1) !== gear) gears.push(gear);

      const distance = values.get(SIGNAL.traveledDistance) as number;
      expect(distance).toBeGreaterThanOrEqual(odometer);
      odometer = distance;
      const speed = values.get(SIGNAL.speed) as number;
      maxSpeed = Math.max(maxSpeed, speed);

      // Consistent picture at every instant.
      const parked = phase === 'parked';
      expect(gear).toBe(parked ? GEAR.park : GEAR.drive);
      expect(values.get(SIGNAL.parkingBrake)).toBe(parked);
      expect(values.get(SIGNAL.isMoving)).toBe(speed > 0);
      if (parked) expect(speed).toBe(0);
      for (const [path, value] of values) {
        expect(formatVissValue(path, value as never).ok, `${path}=${String(value)}`).toBe(true);
      }
    }
    expect(phases).toEqual([
      'parked',
      'accelerating',
      'cruising',
      'decelerating',
      'parked',
      'accelerating',
      'cruising',
      'decelerating',
      'parked',
    ]);
    expect(gears).toEqual([126, 127, 126, 127, 126]);
    expect(maxSpeed).toBeGreaterThan(47);
    expect(maxSpeed).toBeLessThan(54);
  });

  it('is deterministic and (nearly) independent of step size', () => {
    const fine = createDriveSimulator();
    const coarse = createDriveSimulator();
    for (let i = 0; i < 1000; i += 1) fine.step(37);
    coarse.step(37_000);
    expect(phaseOf(coarse)).toBe(phaseOf(fine));
    expect(coarse.state().distanceM).toBeCloseTo(fine.state().distanceM, 3);
    // Integration order differs slightly (a few cm over 37 s); the picture does not.
    const fineValues = valuesOf(fine);
    for (const [path, value] of valuesOf(coarse)) {
      const other = fineValues.get(path);
      if (typeof value === 'number') {
        const tolerance = path === SIGNAL.latitude || path === SIGNAL.longitude ? 1e-5 : 1;
        expect(Math.abs(value - (other as number)), path).toBeLessThanOrEqual(tolerance);
      } else expect(value, path).toBe(other);
    }
    const again = createDriveSimulator();
    again.step(37_000);
    expect(valuesOf(again)).toEqual(valuesOf(coarse));
  });

  it('moves along its heading from San Francisco, burning fuel and range with distance', () => {
    const sim = createDriveSimulator();
    const start = valuesOf(sim);
    expect(start.get(SIGNAL.latitude)).toBe(37.7793);
    expect(start.get(SIGNAL.longitude)).toBe(-122.4193);
    sim.step(10 * CYCLE_MS);
    const later = valuesOf(sim);
    const driven =
      (later.get(SIGNAL.traveledDistance) as number) -
      (start.get(SIGNAL.traveledDistance) as number);
    // ~389 m per loop: 55.6 m accelerating + 277.8 m cruising + 55.6 m decelerating.
    expect(driven).toBeGreaterThan(3_800);
    expect(driven).toBeLessThan(4_000);
    expect(later.get(SIGNAL.latitude)).not.toBe(start.get(SIGNAL.latitude));
    expect(Math.abs((later.get(SIGNAL.latitude) as number) - 37.7793)).toBeLessThan(0.02); // stays in town
    expect(later.get(SIGNAL.range) as number).toBeLessThan(start.get(SIGNAL.range) as number);
    expect(later.get(SIGNAL.fuelLevel) as number).toBeLessThanOrEqual(
      start.get(SIGNAL.fuelLevel) as number,
    );
    // Range is what the fuel left would drive: 62 % of 50 l at 7 l/100 km is ~443 km.
    expect(start.get(SIGNAL.range)).toBe(442_857);
    expect(later.get(SIGNAL.lowVoltageSystemState)).toBe('ON');
    expect(later.get(SIGNAL.dayNightMode)).toBe('DAY');
    expect(later.get(SIGNAL.powertrainType)).toBe('COMBUSTION');
    expect(later.get(SIGNAL.row1PassengerOccupancy)).toBe('EMPTY');
  });

  it('rejects nonsense input', () => {
    expect(() => createDriveSimulator().step(-1)).toThrow(RangeError);
    expect(() => createDriveSimulator().step(Number.NaN)).toThrow(RangeError);
    expect(() => createDriveSimulator({ cruiseMs: 0 })).toThrow(RangeError);
    expect(() => runModel(createSignalStore(), createDriveSimulator(), { speedFactor: 0 })).toThrow(
      RangeError,
    );
  });

  it('feeds a store on a timer, scaled by the speed factor', async () => {
    const store = createSignalStore();
    // 100x: the 8 s parked phase passes in ~80 ms of wall time.
    const runner = runModel(store, createDriveSimulator(), { tickMs: 10, speedFactor: 100 });
    try {
      expect(store.getValue(SIGNAL.selectedGear)).toBe(GEAR.park);
      const deadline = Date.now() + 2000;
      while (store.getValue(SIGNAL.selectedGear) !== GEAR.drive && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(store.getValue(SIGNAL.selectedGear)).toBe(GEAR.drive);
      expect(store.stats().rejected).toBe(0);
    } finally {
      runner.stop();
    }
  });

  it('serves its values through a bridge to a VISS client', async () => {
    const bridge = await startBridge({
      host: '127.0.0.1',
      port: 0,
      source: scenarioSource('loop'),
    });
    const socket = io(bridge.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    try {
      const reply = new Promise<Record<string, unknown>>((resolve) =>
        socket.once(VISS_EVENT, resolve),
      );
      socket.emit(VISS_EVENT, { action: 'get', path: SIGNAL.selectedGear, requestId: 'gear' });
      expect(await reply).toMatchObject({ requestId: 'gear', data: { dp: { value: '126' } } });
    } finally {
      socket.close();
      await bridge.close();
    }
  });
});

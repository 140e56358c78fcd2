import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDbc } from '../../bridge/can/dbc.ts';
import { compileMessage, rawValue } from '../../bridge/can/decode.ts';
import { rawFor, writeRaw } from '../../bridge/can/encode.ts';
import { createCanMapper } from '../../bridge/can/mapper.ts';
import { loadProfile, ProfileError, type CanProfile } from '../../bridge/can/profile.ts';
import { createSignalStore } from '../../bridge/signalStore.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { tempDir } from '../support/tmp.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const FORD = join(repoRoot, 'build', 'vehicles', 'ford-lincoln.json');
const FORD_DBC = join(repoRoot, 'build', 'vehicles', 'dbc', 'ford_lincoln_base_pt.dbc');
const tmp = tempDir('can-ford-');
afterAll(() => tmp.cleanup());

/** A frame of `message` with the given physical (or value-table label) values, all else zero. */
function frameFor(profile: CanProfile, message: string, values: Record<string, number | string>) {
  const plan = [...profile.plans.values()].find((p) => p.message.message.name === message);
  if (!plan) throw new Error(`the profile maps nothing from ${message}`);
  const data = new Uint8Array(plan.message.message.length);
  for (const [name, value] of Object.entries(values)) {
    const c = plan.message.signals.find((s) => s.signal.name === name)!;
    const raw =
      typeof value === 'string'
        ? [...c.signal.values].find(([, label]) => label === value)![0]
        : rawFor(c, value);
    writeRaw(c, data, raw);
  }
  return {
    tsUs: 0,
    iface: 'can0',
    id: plan.message.message.id,
    extended: false,
    remote: false,
    fd: false,
    data,
  };
}

describe('encoding is the inverse of decoding, for every signal of the Ford DBC', () => {
  const dbc = parseDbc(readFileSync(FORD_DBC, 'utf8'), 'ford');
  it('round-trips the lowest, highest and a middle raw value of each signal up to 53 bits', () => {
    let checked = 0;
    for (const message of dbc.messages) {
      const compiled = compileMessage(message);
      for (const c of compiled.signals) {
        const { length, signed } = c.signal;
        // Values are doubles: exact to 53 bits (64-bit diagnostic payloads lose their low bits).
        if (length > 53) continue;
        const lo = signed ? -(2 ** (length - 1)) : 0;
        const hi = signed ? 2 ** (length - 1) - 1 : 2 ** length - 1;
        for (const raw of [lo, hi, Math.floor((lo + hi) / 3)]) {
          const data = new Uint8Array(Math.max(message.length, 8));
          writeRaw(c, data, raw);
          expect(rawValue(c, data), `${message.name}.${c.signal.name}=${raw}`).toBe(raw);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe('the ford-lincoln profile on frames encoded from its DBC (no Ford recording exists here)', () => {
  const profile = loadProfile(FORD);
  const run = (frames: ReturnType<typeof frameFor>[]) => {
    const store = createSignalStore();
    const mapper = createCanMapper(profile, store);
    frames.forEach((f, i) => mapper.frame({ ...f, tsUs: i * 1_000_000 }));
    return { store, stats: mapper.stats() };
  };

  it('maps speed, gear, odometer, fuel, ignition, doors, belts and parking brake', () => {
    const { store, stats } = run([
      frameFor(profile, 'BrakeSysFeatures', { Veh_V_ActlBrk: 87.45 }),
      frameFor(profile, 'PowertrainData_10', { TrnRng_D_Rq: 'Drive' }),
      frameFor(profile, 'Cluster_Info1_FD1', { OdometerMasterValue: 42_195 }),
      frameFor(profile, 'Cluster_Info_3_FD1', { FuelLvl_Pc_Dsply: 63.2 }),
      frameFor(profile, 'BodyInfo_3_FD1', {
        Ignition_Status: 'Run',
        DrStatDrv_B_Actl: 'Ajar',
        DrStatPsngr_B_Actl: 'Closed',
      }),
      frameFor(profile, 'RCMStatusMessage2_FD1', {
        FirstRowBuckleDriver: 'Belted',
        FirstRowBucklePsngr: 'Unbelted',
      }),
      frameFor(profile, 'DesiredTorqBrk', { PrkBrkStatus: 'Rear_Caliper_Closed' }),
    ]);
    expect(stats.rejected).toBe(0);
    expect(store.getValue(SIGNAL.speed)).toBeCloseTo(87.45, 6);
    expect(store.getValue(SIGNAL.selectedGear)).toBe(127);
    expect(store.getValue(SIGNAL.traveledDistance)).toBe(42_195_000);
    expect(store.getValue(SIGNAL.fuelLevel)).toBe(63);
    expect(store.getValue(SIGNAL.lowVoltageSystemState)).toBe('ON');
    expect(store.getValue('Vehicle.Cabin.Door.Row1.DriverSide.IsOpen')).toBe(true);
    expect(store.getValue('Vehicle.Cabin.Door.Row1.PassengerSide.IsOpen')).toBe(false);
    expect(store.getValue('Vehicle.Cabin.Seat.Row1.DriverSide.IsBelted')).toBe(true);
    expect(store.getValue('Vehicle.Cabin.Seat.Row1.PassengerSide.IsBelted')).toBe(false);
    expect(store.getValue(SIGNAL.parkingBrake)).toBe(true);
  });

  it('Park, Reverse and Neutral become VSS gears; a fault state is not published', () => {
    for (const [label, gear] of [
      ['Park', 126],
      ['Reverse', -1],
      ['Neutral', 0],
    ] as const) {
      const { store } = run([frameFor(profile, 'PowertrainData_10', { TrnRng_D_Rq: label })]);
      expect(store.getValue(SIGNAL.selectedGear), label).toBe(gear);
    }
    const { store } = run([frameFor(profile, 'PowertrainData_10', { TrnRng_D_Rq: 'Fault' })]);
    expect(store.getValue(SIGNAL.selectedGear)).toBeUndefined();
  });

  it('clamps the displayed fuel level into 0..100 as the mapping says', () => {
    const { store } = run([frameFor(profile, 'Cluster_Info_3_FD1', { FuelLvl_Pc_Dsply: 105.9 })]);
    expect(store.getValue(SIGNAL.fuelLevel)).toBe(100);
  });

  it('without clamp, the same fuel mapping is refused: its DBC range leaves the VSS range', () => {
    const json = JSON.parse(readFileSync(FORD, 'utf8')) as {
      buses: Record<string, { dbc: string }>;
      signals: Record<string, Record<string, unknown>>;
    };
    delete json.signals['Vehicle.Powertrain.FuelSystem.RelativeLevel']!.clamp;
    json.buses.can0!.dbc = FORD_DBC;
    const file = join(tmp.dir, 'no-clamp.json');
    writeFileSync(file, JSON.stringify(json));
    expect(() => loadProfile(file)).toThrow(ProfileError);
    expect(() => loadProfile(file)).toThrow(/can leave the VSS range \[0, 100\]/);
  });
});

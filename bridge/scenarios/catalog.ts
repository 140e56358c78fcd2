import type { SignalSource } from '../sources.ts';
import { BENCH_TICK_MS, createBenchModel } from './bench.ts';
import { createCarModel } from './car.ts';
import type { CarSpec, Powertrain } from './car.ts';
import { loopSpec } from './loop.ts';
import { CITY_LEGS, cruise, legs, standstill } from './profiles.ts';
import { runModel } from './runner.ts';
import type { VehicleModel } from './runner.ts';

/**
 * The simulator's named scenarios (`--scenario <name>`, or the control channel). Each is a
 * deterministic model; docs/bridge-protocol.md lists what each one promises.
 */

export const SCENARIO_NAMES = [
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
] as const;

export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const DEFAULT_SCENARIO: ScenarioName = 'loop';
/** passenger-leaves: the Row1 passenger seat reports EMPTY from this simulated time on. */
export const PASSENGER_LEAVES_AFTER_MS = 10_000;
/** dusk: the outside light falls from 60 % to 1 % over this time, then stays dark. */
export const DUSK_MS = 60_000;

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}

export interface Scenario {
  name: ScenarioName;
  /** Wall-clock publish period. */
  tickMs: number;
  model: VehicleModel;
}

// Every driving scenario drives at town speed unless it is about speed itself.
const town = cruise(50, 3, 20_000);

const always = () => true;

const SPECS: Record<Exclude<ScenarioName, 'bench'>, () => CarSpec> = {
  loop: loopSpec,
  parked: () => ({
    powertrain: 'COMBUSTION',
    speedAt: standstill,
    parkedAt: always,
    energyPercent: 62,
  }),
  city: () => ({ powertrain: 'COMBUSTION', speedAt: legs(CITY_LEGS), energyPercent: 62 }),
  highway: () => ({
    powertrain: 'COMBUSTION',
    speedAt: cruise(115, 15, 90_000),
    energyPercent: 62,
    loopM: 50_000,
  }),
  'low-fuel': () => ({ powertrain: 'COMBUSTION', speedAt: town, energyPercent: 8.4 }),
  'ev-low-charge': () => ({ powertrain: 'ELECTRIC', speedAt: town, energyPercent: 9.4 }),
  charging: () => ({
    powertrain: 'ELECTRIC',
    speedAt: standstill,
    parkedAt: always,
    energyPercent: 20,
    chargePercentPerMinute: 1.4, // about 50 kW DC into 60 kWh
  }),
  'ignition-off': () => ({
    powertrain: 'COMBUSTION',
    speedAt: standstill,
    parkedAt: always,
    ignition: 'OFF',
    energyPercent: 62,
  }),
  passenger: () => ({
    powertrain: 'COMBUSTION',
    speedAt: town,
    energyPercent: 62,
    row1PassengerAt: () => 'OCCUPIED',
  }),
  'passenger-leaves': () => ({
    powertrain: 'COMBUSTION',
    speedAt: town,
    energyPercent: 62,
    row1PassengerAt: (t) => (t < PASSENGER_LEAVES_AFTER_MS ? 'OCCUPIED' : 'EMPTY'),
  }),
  dusk: () => ({
    powertrain: 'COMBUSTION',
    speedAt: town,
    energyPercent: 62,
    lightAt: (t) => Math.max(1, 60 - (59 * t) / DUSK_MS),
  }),
};

/** Scenarios about a powertrain itself keep theirs whatever the vehicle line says. */
const OWN_POWERTRAIN: ReadonlySet<ScenarioName> = new Set(['ev-low-charge', 'charging']);

/**
 * A scenario as the vehicle line would live it: `powertrain` (the variant's) replaces the
 * scenario's, so an electric line's "city" or "low-fuel" reports charge, not fuel.
 */
export function createScenario(name: ScenarioName, powertrain?: Powertrain): Scenario {
  if (name === 'bench') return { name, tickMs: BENCH_TICK_MS, model: createBenchModel() };
  const spec = SPECS[name]();
  const own = powertrain === undefined || OWN_POWERTRAIN.has(name);
  return { name, tickMs: 100, model: createCarModel(own ? spec : { ...spec, powertrain }) };
}

/** A source that runs a fresh copy of the scenario in real time (times `speedFactor`). */
export function scenarioSource(
  name: ScenarioName,
  speedFactor = 1,
  powertrain?: Powertrain,
): SignalSource {
  return (store) => {
    const { model, tickMs } = createScenario(name, powertrain);
    return runModel(store, model, { tickMs, speedFactor });
  };
}

/** The simulated powertrain for a variant's: a hybrid reports fuel, as its engine needs it. */
export function simulatedPowertrain(variant: 'COMBUSTION' | 'HYBRID' | 'ELECTRIC'): Powertrain {
  return variant === 'ELECTRIC' ? 'ELECTRIC' : 'COMBUSTION';
}

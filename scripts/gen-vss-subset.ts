/**
 * Writes common/vss/signals.generated.ts: the VSS 6.0 leaves Dashport uses, copied from the full
 * release tree in ../shared/vss so that paths, datatypes, units and limits are never typed by hand.
 *
 *   node scripts/gen-vss-subset.ts [--out <file>]
 *
 * The output is formatted with the repository's prettier config, so re-running it is a no-op.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vssDir = resolve(repoRoot, '..', 'shared', 'vss');
const sourceFile = resolve(vssDir, 'vss_release_6.0.json');
const defaultOut = resolve(repoRoot, 'common', 'vss', 'signals.generated.ts');

/** The signals table of guidelines/vehicle-signals.md, in its order. */
const REQUIRED_PATHS = [
  'Vehicle.Speed',
  'Vehicle.IsMoving',
  'Vehicle.Powertrain.Transmission.SelectedGear',
  'Vehicle.Powertrain.Transmission.CurrentGear',
  'Vehicle.Chassis.ParkingBrake.IsEngaged',
  'Vehicle.TraveledDistance',
  'Vehicle.Powertrain.FuelSystem.RelativeLevel',
  'Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed',
  'Vehicle.Powertrain.Range',
  'Vehicle.Powertrain.TractionBattery.Charging.IsCharging',
  'Vehicle.CurrentLocation.Latitude',
  'Vehicle.CurrentLocation.Longitude',
  'Vehicle.CurrentLocation.Heading',
  'Vehicle.LowVoltageSystemState',
  'Vehicle.Cabin.Seat.Row1.PassengerSide.OccupancyStatus',
  'Vehicle.Cabin.Infotainment.HMI.DayNightMode',
  'Vehicle.Exterior.LightIntensity',
  'Vehicle.Cabin.Infotainment.HMI.DistanceUnit',
  'Vehicle.Powertrain.Type',
];

/** Rear seats: taken when the tree defines them (seat layouts are vehicle-specific in VSS). */
const OPTIONAL_PATHS = [
  'Vehicle.Cabin.Seat.Row2.PassengerSide.OccupancyStatus',
  'Vehicle.Cabin.Seat.Row2.DriverSide.OccupancyStatus',
  'Vehicle.Cabin.Seat.Row2.Middle.OccupancyStatus',
];

/**
 * Further real signals a car streams continuously; the bench scenario publishes them so a client
 * can receive 40 signals at 50 Hz. Required: the generator fails if VSS drops one.
 */
const STREAMING_PATHS = [
  'Vehicle.Chassis.Axle.Row1.Wheel.Left.Speed',
  'Vehicle.Chassis.Axle.Row1.Wheel.Right.Speed',
  'Vehicle.Chassis.Axle.Row2.Wheel.Left.Speed',
  'Vehicle.Chassis.Axle.Row2.Wheel.Right.Speed',
  'Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure',
  'Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Pressure',
  'Vehicle.Chassis.Axle.Row2.Wheel.Left.Tire.Pressure',
  'Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure',
  'Vehicle.Powertrain.CombustionEngine.Speed',
  'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature',
  'Vehicle.Cabin.HVAC.AmbientAirTemperature',
  'Vehicle.Exterior.AirTemperature',
  'Vehicle.Chassis.Accelerator.PedalPosition',
  'Vehicle.Chassis.Brake.PedalPosition',
  'Vehicle.Chassis.SteeringWheel.Angle',
  'Vehicle.Acceleration.Longitudinal',
  'Vehicle.Acceleration.Lateral',
  'Vehicle.AngularVelocity.Yaw',
  'Vehicle.LowVoltageBattery.CurrentVoltage',
];

/**
 * Body and driver-assistance state a car's CAN buses carry (doors, belts, locks, lights, cruise
 * control); the vehicle profiles in build/vehicles map DBC signals onto them. Required.
 */
const BODY_PATHS = [
  'Vehicle.Cabin.Door.Row1.DriverSide.IsOpen',
  'Vehicle.Cabin.Door.Row1.PassengerSide.IsOpen',
  'Vehicle.Cabin.Door.Row2.DriverSide.IsOpen',
  'Vehicle.Cabin.Door.Row2.PassengerSide.IsOpen',
  'Vehicle.Cabin.Door.Row1.DriverSide.IsLocked',
  'Vehicle.Cabin.Seat.Row1.DriverSide.IsBelted',
  'Vehicle.Cabin.Seat.Row1.PassengerSide.IsBelted',
  'Vehicle.ADAS.CruiseControl.IsActive',
  'Vehicle.ADAS.CruiseControl.IsEnabled',
  'Vehicle.ADAS.CruiseControl.SpeedSet',
  'Vehicle.Powertrain.CombustionEngine.IsRunning',
  'Vehicle.Body.Lights.DirectionIndicator.Left.IsSignaling',
  'Vehicle.Body.Lights.DirectionIndicator.Right.IsSignaling',
  'Vehicle.Body.Lights.Hazard.IsSignaling',
  'Vehicle.Body.Lights.LightSwitch',
  'Vehicle.Body.Lights.Beam.Low.IsOn',
  'Vehicle.Body.Lights.Beam.High.IsOn',
];

const LEAF_TYPES = new Set(['sensor', 'actuator', 'attribute']);
const DATATYPES = new Set([
  'boolean',
  'string',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'float',
  'double',
]);

interface VssNode {
  type?: unknown;
  datatype?: unknown;
  unit?: unknown;
  min?: unknown;
  max?: unknown;
  allowed?: unknown;
  description?: unknown;
  children?: Record<string, VssNode>;
}

function findNode(tree: Record<string, VssNode>, path: string): VssNode | undefined {
  let children: Record<string, VssNode> | undefined = tree;
  let node: VssNode | undefined;
  for (const segment of path.split('.')) {
    node = children && Object.hasOwn(children, segment) ? children[segment] : undefined;
    if (!node) return undefined;
    children = node.children;
  }
  return node;
}

/** Picks the fields the bridge needs, refusing anything it could not validate against. */
function leafEntry(path: string, node: VssNode): Record<string, unknown> {
  const fail = (why: string): never => {
    throw new Error(`${path}: ${why}`);
  };
  if (typeof node.type !== 'string' || !LEAF_TYPES.has(node.type)) fail('not a leaf');
  if (typeof node.datatype !== 'string' || !DATATYPES.has(node.datatype)) {
    fail(`unsupported datatype ${String(node.datatype)}`);
  }
  if (typeof node.description !== 'string') fail('no description');
  const entry: Record<string, unknown> = { type: node.type, datatype: node.datatype };
  if (node.unit !== undefined) {
    if (typeof node.unit !== 'string') fail('unit is not a string');
    entry.unit = node.unit;
  }
  for (const key of ['min', 'max'] as const) {
    if (node[key] === undefined) continue;
    if (typeof node[key] !== 'number' || !Number.isFinite(node[key]))
      fail(`${key} is not a number`);
    entry[key] = node[key];
  }
  if (node.allowed !== undefined) {
    const ok =
      Array.isArray(node.allowed) &&
      node.allowed.every((v) => typeof v === 'string' || typeof v === 'number');
    if (!ok) fail('allowed is not a list of strings or numbers');
    entry.allowed = node.allowed;
  }
  entry.description = node.description;
  return entry;
}

async function renderSubset(): Promise<string> {
  const raw = readFileSync(sourceFile);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const tree = JSON.parse(raw.toString('utf8')) as Record<string, VssNode>;

  const entries: string[] = [];
  for (const path of [...REQUIRED_PATHS, ...OPTIONAL_PATHS, ...STREAMING_PATHS, ...BODY_PATHS]) {
    const node = findNode(tree, path);
    if (!node) {
      if (OPTIONAL_PATHS.includes(path)) continue;
      throw new Error(`${path}: not in ${sourceFile}`);
    }
    entries.push(`${JSON.stringify(path)}: ${JSON.stringify(leafEntry(path, node))},`);
  }

  const source = `/*
 * This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0.
 * If a copy of the MPL was not distributed with this file, You can obtain one at
 * https://mozilla.org/MPL/2.0/.
 *
 * Derived from the COVESA Vehicle Signal Specification (VSS) 6.0, (c) the COVESA VSS
 * contributors, https://github.com/COVESA/vehicle_signal_specification (tag v6.0).
 * Source file: vss_release_6.0.json,
 * sha256 ${sha256}.
 * The MPL-2.0 text is in ../shared/vss/LICENSE beside that file.
 *
 * generated by scripts/gen-vss-subset.ts, do not edit.
 */

/** The VSS 6.0 leaves Dashport uses, keyed by full path. */
export const VSS_SIGNALS = {
${entries.join('\n')}
} as const;
`;
  // The repo config is looked up at the real location so --out elsewhere gives the same bytes.
  const config = (await prettier.resolveConfig(defaultOut)) ?? {};
  return prettier.format(source, { ...config, parser: 'typescript' });
}

async function main(): Promise<void> {
  let out = defaultOut;
  try {
    const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
    if (values.out !== undefined) out = resolve(values.out);
  } catch (error) {
    process.stderr.write(`gen-vss-subset: ${(error as Error).message}\n`);
    process.exit(2);
  }
  try {
    writeFileSync(out, await renderSubset());
    process.stdout.write(`gen-vss-subset: wrote ${relative(process.cwd(), out) || out}\n`);
  } catch (error) {
    process.stderr.write(`gen-vss-subset: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

await main();

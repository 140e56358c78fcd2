import { OVERLAY_SIGNALS } from './overlay.ts';
import { VSS_SIGNALS } from './signals.generated.ts';
import type { SignalMeta } from './types.ts';

/** Every signal the bridge serves: the VSS 6.0 subset plus Dashport's overlay. */
export const SIGNALS = { ...VSS_SIGNALS, ...OVERLAY_SIGNALS } as const satisfies Record<
  string,
  SignalMeta
>;

export type VssPath = keyof typeof SIGNALS;

/** The value a leaf carries once decoded: its VSS datatype as a TypeScript type. */
export type VssValueOf<P extends VssPath> = (typeof SIGNALS)[P]['datatype'] extends 'boolean'
  ? boolean
  : (typeof SIGNALS)[P]['datatype'] extends 'string'
    ? string
    : number;

/** Named path constants, so code never spells a VSS path twice. */
export const SIGNAL = {
  speed: 'Vehicle.Speed',
  isMoving: 'Vehicle.IsMoving',
  selectedGear: 'Vehicle.Powertrain.Transmission.SelectedGear',
  currentGear: 'Vehicle.Powertrain.Transmission.CurrentGear',
  parkingBrake: 'Vehicle.Chassis.ParkingBrake.IsEngaged',
  traveledDistance: 'Vehicle.TraveledDistance',
  fuelLevel: 'Vehicle.Powertrain.FuelSystem.RelativeLevel',
  batteryLevel: 'Vehicle.Powertrain.TractionBattery.StateOfCharge.Displayed',
  range: 'Vehicle.Powertrain.Range',
  isCharging: 'Vehicle.Powertrain.TractionBattery.Charging.IsCharging',
  latitude: 'Vehicle.CurrentLocation.Latitude',
  longitude: 'Vehicle.CurrentLocation.Longitude',
  heading: 'Vehicle.CurrentLocation.Heading',
  lowVoltageSystemState: 'Vehicle.LowVoltageSystemState',
  row1PassengerOccupancy: 'Vehicle.Cabin.Seat.Row1.PassengerSide.OccupancyStatus',
  row2PassengerOccupancy: 'Vehicle.Cabin.Seat.Row2.PassengerSide.OccupancyStatus',
  row2DriverOccupancy: 'Vehicle.Cabin.Seat.Row2.DriverSide.OccupancyStatus',
  row2MiddleOccupancy: 'Vehicle.Cabin.Seat.Row2.Middle.OccupancyStatus',
  dayNightMode: 'Vehicle.Cabin.Infotainment.HMI.DayNightMode',
  lightIntensity: 'Vehicle.Exterior.LightIntensity',
  distanceUnit: 'Vehicle.Cabin.Infotainment.HMI.DistanceUnit',
  powertrainType: 'Vehicle.Powertrain.Type',
  steeringWheelButton: 'Vehicle.Cabin.Infotainment.HMI.SteeringWheelButton',
  // Streamed by the bench scenario (see docs/bridge-protocol.md).
  wheelSpeedFrontLeft: 'Vehicle.Chassis.Axle.Row1.Wheel.Left.Speed',
  wheelSpeedFrontRight: 'Vehicle.Chassis.Axle.Row1.Wheel.Right.Speed',
  wheelSpeedRearLeft: 'Vehicle.Chassis.Axle.Row2.Wheel.Left.Speed',
  wheelSpeedRearRight: 'Vehicle.Chassis.Axle.Row2.Wheel.Right.Speed',
  tirePressureFrontLeft: 'Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure',
  tirePressureFrontRight: 'Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Pressure',
  tirePressureRearLeft: 'Vehicle.Chassis.Axle.Row2.Wheel.Left.Tire.Pressure',
  tirePressureRearRight: 'Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure',
  engineSpeed: 'Vehicle.Powertrain.CombustionEngine.Speed',
  coolantTemperature: 'Vehicle.Powertrain.CombustionEngine.EngineCoolant.Temperature',
  cabinTemperature: 'Vehicle.Cabin.HVAC.AmbientAirTemperature',
  outsideTemperature: 'Vehicle.Exterior.AirTemperature',
  acceleratorPedal: 'Vehicle.Chassis.Accelerator.PedalPosition',
  brakePedal: 'Vehicle.Chassis.Brake.PedalPosition',
  steeringWheelAngle: 'Vehicle.Chassis.SteeringWheel.Angle',
  accelerationLongitudinal: 'Vehicle.Acceleration.Longitudinal',
  accelerationLateral: 'Vehicle.Acceleration.Lateral',
  yawRate: 'Vehicle.AngularVelocity.Yaw',
  lowVoltageBatteryVoltage: 'Vehicle.LowVoltageBattery.CurrentVoltage',
} as const satisfies Record<string, VssPath>;

/** The passenger seats whose occupancy can unlock passenger mode. */
export const PASSENGER_SEATS = [
  SIGNAL.row1PassengerOccupancy,
  SIGNAL.row2PassengerOccupancy,
  SIGNAL.row2DriverOccupancy,
  SIGNAL.row2MiddleOccupancy,
] as const satisfies readonly VssPath[];

/** SelectedGear values with a special meaning in VSS (126 and 127 are not gear numbers). */
export const GEAR = { neutral: 0, park: 126, drive: 127 } as const;

/** Own-property lookup: a path like "constructor" or "__proto__" must not hit Object.prototype. */
export function isKnownPath(path: string): path is VssPath {
  return Object.hasOwn(SIGNALS, path);
}

export function signalMeta(path: string): SignalMeta | undefined {
  return isKnownPath(path) ? SIGNALS[path] : undefined;
}

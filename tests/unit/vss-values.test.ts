import { describe, expect, it } from 'vitest';
import { SIGNAL } from '../../common/vss/signals.ts';
import { formatVissValue, parseVissValue } from '../../common/vss/values.ts';

type Row = [path: string, text: unknown, expected: number | boolean | string | null];

// null: rejected.
const parseTable: Row[] = [
  // uint8 with VSS min/max 0..100 (fuel level)
  [SIGNAL.fuelLevel, '0', 0],
  [SIGNAL.fuelLevel, '100', 100],
  [SIGNAL.fuelLevel, '101', null], // above VSS max
  [SIGNAL.fuelLevel, '-1', null],
  [SIGNAL.fuelLevel, '50.5', null], // not an integer
  [SIGNAL.fuelLevel, '5e1', null], // integers are plain digits
  [SIGNAL.fuelLevel, '007', null],
  [SIGNAL.fuelLevel, ' 5', null],
  [SIGNAL.fuelLevel, '', null],
  [SIGNAL.fuelLevel, '0x10', null],
  // int8 selected gear: 126 Park, 127 Drive, reverse negative, nothing past the type
  [SIGNAL.selectedGear, '126', 126],
  [SIGNAL.selectedGear, '127', 127],
  [SIGNAL.selectedGear, '-1', -1],
  [SIGNAL.selectedGear, '0', 0],
  [SIGNAL.selectedGear, '-0', 0],
  [SIGNAL.selectedGear, '128', null],
  [SIGNAL.selectedGear, '-128', -128],
  [SIGNAL.selectedGear, '-129', null],
  // uint32 odometer in m
  [SIGNAL.traveledDistance, '4294967295', 4294967295],
  [SIGNAL.traveledDistance, '4294967296', null],
  [SIGNAL.traveledDistance, '-5', null],
  // boolean: only the two VISS spellings
  [SIGNAL.isMoving, 'true', true],
  [SIGNAL.isMoving, 'false', false],
  [SIGNAL.isMoving, 'TRUE', null],
  [SIGNAL.isMoving, '1', null],
  [SIGNAL.isMoving, '', null],
  // allowed strings
  [SIGNAL.dayNightMode, 'DAY', 'DAY'],
  [SIGNAL.dayNightMode, 'NIGHT', 'NIGHT'],
  [SIGNAL.dayNightMode, 'night', null],
  [SIGNAL.lowVoltageSystemState, 'START', 'START'],
  [SIGNAL.lowVoltageSystemState, 'RUN', null],
  [SIGNAL.row1PassengerOccupancy, 'OCCUPIED', 'OCCUPIED'],
  [SIGNAL.row1PassengerOccupancy, 'true', null], // the pre-VSS-6 IsOccupied spelling
  [SIGNAL.steeringWheelButton, 'OK', 'OK'], // overlay signal
  [SIGNAL.steeringWheelButton, 'VOLUME_UP', null],
  // floats and doubles: finite decimals, within min/max where VSS sets them
  [SIGNAL.speed, '42.5', 42.5],
  [SIGNAL.speed, '-3', -3], // VSS sets no min on speed (reversing)
  [SIGNAL.speed, '1e2', 100],
  [SIGNAL.speed, 'NaN', null],
  [SIGNAL.speed, 'Infinity', null],
  [SIGNAL.speed, '1e999', null],
  [SIGNAL.speed, '1e39', null], // beyond a 32-bit float
  [SIGNAL.speed, '42,5', null],
  [SIGNAL.speed, '+42', null],
  [SIGNAL.speed, '.5', null],
  [SIGNAL.latitude, '37.7793', 37.7793],
  [SIGNAL.latitude, '90.0001', null],
  [SIGNAL.longitude, '-180', -180],
  [SIGNAL.longitude, '-180.5', null],
  [SIGNAL.heading, '360', 360],
  [SIGNAL.heading, '-0.1', null],
  [SIGNAL.batteryLevel, '100.01', null],
  // not strings at all
  [SIGNAL.speed, 42.5, null],
  [SIGNAL.isMoving, true, null],
  [SIGNAL.speed, null, null],
];

describe('parseVissValue', () => {
  it.each(parseTable)('%s %j -> %j', (path, text, expected) => {
    const result = parseVissValue(path, text);
    if (expected === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
    } else {
      expect(result).toEqual({ ok: true, value: expected });
    }
  });

  it('rejects unknown paths, including Object.prototype names', () => {
    for (const path of ['Vehicle.Powertrain.FuelSystem.Level', 'constructor', '__proto__', '']) {
      const result = parseVissValue(path, '1');
      expect(result).toMatchObject({
        ok: false,
        reason: expect.stringContaining('unknown signal path'),
      });
    }
  });

  it('explains why a value was rejected', () => {
    expect(parseVissValue(SIGNAL.fuelLevel, '101')).toEqual({
      ok: false,
      reason: '101 is above max 100',
    });
    expect(parseVissValue(SIGNAL.selectedGear, '128')).toEqual({
      ok: false,
      reason: 'int8 must be an integer in -128..127, got 128',
    });
    expect(parseVissValue(SIGNAL.dayNightMode, 'DUSK')).toEqual({
      ok: false,
      reason: '"DUSK" is not one of DAY, NIGHT',
    });
  });
});

describe('formatVissValue', () => {
  const formatTable: [string, number | boolean | string, string | null][] = [
    [SIGNAL.speed, 42.5, '42.5'],
    [SIGNAL.speed, -0, '0'],
    [SIGNAL.speed, Number.NaN, null],
    [SIGNAL.speed, Number.POSITIVE_INFINITY, null],
    [SIGNAL.speed, '42.5', null], // a string is not a float
    [SIGNAL.isMoving, true, 'true'],
    [SIGNAL.isMoving, false, 'false'],
    [SIGNAL.isMoving, 1, null],
    [SIGNAL.selectedGear, 126, '126'],
    [SIGNAL.selectedGear, 127, '127'],
    [SIGNAL.selectedGear, 128, null],
    [SIGNAL.selectedGear, 1.5, null],
    [SIGNAL.fuelLevel, 100, '100'],
    [SIGNAL.fuelLevel, 255, null], // fits uint8 but not VSS max 100
    [SIGNAL.traveledDistance, 12_345_678, '12345678'],
    [SIGNAL.traveledDistance, 2 ** 32, null],
    [SIGNAL.dayNightMode, 'NIGHT', 'NIGHT'],
    [SIGNAL.dayNightMode, 'DUSK', null],
    [SIGNAL.powertrainType, 'COMBUSTION', 'COMBUSTION'],
    ['Vehicle.Unknown', 1, null],
  ];

  it.each(formatTable)('%s %j -> %j', (path, value, expected) => {
    const result = formatVissValue(path, value);
    if (expected === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, value: expected });
  });

  it('round-trips: every formatted value parses back to itself', () => {
    const samples: [string, number | boolean | string][] = [
      [SIGNAL.speed, 0.1 + 0.2],
      [SIGNAL.speed, 1e-7],
      [SIGNAL.latitude, -33.8688197],
      [SIGNAL.heading, 359.99],
      [SIGNAL.range, 443_000],
      [SIGNAL.selectedGear, -2],
      [SIGNAL.parkingBrake, true],
      [SIGNAL.distanceUnit, 'MILES'],
    ];
    for (const [path, value] of samples) {
      const text = formatVissValue(path, value);
      expect(text.ok).toBe(true);
      if (text.ok) expect(parseVissValue(path, text.value)).toEqual({ ok: true, value });
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  inferDriveState,
  restrictionState,
  type DriveInputs,
} from '../../common/drive/driveState.ts';
import { flagNames, flagsOf, hasFlag, MOVING_FLOOR, UX } from '../../common/drive/restrictions.ts';
import { activeFlags, DEFAULT_UX_TABLE, type UxTable } from '../../common/drive/uxTable.ts';
import { variantSchema } from '../../common/variant.schema.ts';
import { devVariant } from '../support/devVariant.ts';

const auto = (over: Partial<DriveInputs>): DriveInputs => ({
  selectedGear: undefined,
  parkingBrake: undefined,
  speedKmh: undefined,
  hasParkGear: true,
  ...over,
});

describe('drive state inference (Android CarDrivingStateService order)', () => {
  it.each([
    ['gear P, rolling reading ignored', auto({ selectedGear: 126, speedKmh: 3 }), 'PARKED'],
    ['gear P, speed unknown', auto({ selectedGear: 126 }), 'PARKED'],
    ['gear D, speed 0', auto({ selectedGear: 127, speedKmh: 0 }), 'IDLING'],
    ['gear D, moving', auto({ selectedGear: 127, speedKmh: 0.5 }), 'MOVING'],
    ['gear N, moving', auto({ selectedGear: 0, speedKmh: 20 }), 'MOVING'],
    ['reverse', auto({ selectedGear: -1, speedKmh: 4 }), 'MOVING'],
    ['gear unknown, speed 0', auto({ speedKmh: 0 }), 'IDLING'],
    ['nothing known', auto({}), 'UNKNOWN'],
    ['gear D, speed unknown', auto({ selectedGear: 127 }), 'UNKNOWN'],
    ['negative speed', auto({ selectedGear: 127, speedKmh: -1 }), 'UNKNOWN'],
    ['NaN speed', auto({ selectedGear: 127, speedKmh: Number.NaN }), 'UNKNOWN'],
    [
      'automatic: brake alone does not park',
      auto({ selectedGear: 127, parkingBrake: true, speedKmh: 0 }),
      'IDLING',
    ],
    [
      'manual: brake on parks',
      auto({ hasParkGear: false, selectedGear: 1, parkingBrake: true, speedKmh: 0 }),
      'PARKED',
    ],
    [
      'manual: brake off, moving',
      auto({ hasParkGear: false, selectedGear: 2, parkingBrake: false, speedKmh: 30 }),
      'MOVING',
    ],
    [
      'manual: 126 is not a park gear',
      auto({ hasParkGear: false, selectedGear: 126, speedKmh: 10 }),
      'MOVING',
    ],
  ] as const)('%s -> %s', (_label, input, expected) => {
    expect(inferDriveState(input)).toBe(expected);
  });

  it('restricts UNKNOWN as MOVING (fail-safe, stricter than Android)', () => {
    expect(restrictionState('UNKNOWN')).toBe('MOVING');
    expect(restrictionState('PARKED')).toBe('PARKED');
  });
});

describe('restriction flags', () => {
  it('mirror the CarUxRestrictions bit values', () => {
    expect([
      UX.NO_DIALPAD,
      UX.NO_FILTERING,
      UX.LIMIT_STRING_LENGTH,
      UX.NO_KEYBOARD,
      UX.NO_VIDEO,
    ]).toEqual([1, 2, 4, 8, 16]);
    expect([
      UX.LIMIT_CONTENT,
      UX.NO_SETUP,
      UX.NO_TEXT_MESSAGE,
      UX.NO_VOICE_TRANSCRIPTION,
      UX.FULLY_RESTRICTED,
    ]).toEqual([32, 64, 128, 256, 511]);
    expect(flagNames(flagsOf(['NO_KEYBOARD', 'NO_VIDEO']))).toEqual(['NO_KEYBOARD', 'NO_VIDEO']);
  });

  it.each([
    ['PARKED', false, 0],
    ['MOVING', false, MOVING_FLOOR],
    ['UNKNOWN', false, MOVING_FLOOR],
    ['IDLING', false, MOVING_FLOOR],
    ['MOVING', true, UX.NO_VIDEO | UX.NO_OFFERS],
    ['UNKNOWN', true, UX.NO_VIDEO | UX.NO_OFFERS],
    ['PARKED', true, 0],
  ] as const)('default table: %s, passenger %s', (state, passenger, mask) => {
    expect(activeFlags(DEFAULT_UX_TABLE, state, passenger)).toBe(mask);
  });

  it('applies the moving floor even if a table left it out', () => {
    const lax: UxTable = { ...DEFAULT_UX_TABLE, moving: [], idling: ['NO_VIDEO'] };
    expect(hasFlag(activeFlags(lax, 'MOVING', false), MOVING_FLOOR)).toBe(true);
    expect(activeFlags(lax, 'IDLING', false)).toBe(UX.NO_VIDEO);
  });

  it('refuses a variant whose moving row is laxer than the floor', () => {
    const base = devVariant();
    const result = variantSchema.safeParse({
      ...base,
      uxRestrictions: { ...base.uxRestrictions, moving: ['NO_KEYBOARD'] },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['uxRestrictions', 'moving']);
    const rows = variantSchema.safeParse({
      ...base,
      uxRestrictions: {
        ...base.uxRestrictions,
        limits: { ...base.uxRestrictions.limits, maxListRows: 12 },
      },
    });
    expect(rows.success).toBe(false);
  });
});

/**
 * UX restriction flags, mirroring Android's `CarUxRestrictions` bit values, plus two of Dashport's
 * own for rules Android leaves to apps (A4 reading content, A6 advertising).
 */
export const UX = {
  NO_DIALPAD: 1,
  NO_FILTERING: 2,
  LIMIT_STRING_LENGTH: 4,
  NO_KEYBOARD: 8,
  NO_VIDEO: 16,
  LIMIT_CONTENT: 32,
  NO_SETUP: 64,
  NO_TEXT_MESSAGE: 128,
  NO_VOICE_TRANSCRIPTION: 256,
  FULLY_RESTRICTED: 511,
  NO_READING: 512,
  NO_OFFERS: 1024,
} as const;
export type UxFlagName = keyof typeof UX;
export const UX_FLAG_NAMES = Object.keys(UX) as UxFlagName[];

/** What the driver must never have while moving, whatever a market table says (driver-safety.md A1-A7, C1-C3). */
export const MOVING_FLOOR = UX.FULLY_RESTRICTED | UX.NO_READING | UX.NO_OFFERS;

export interface UxLimits {
  maxStringLength: number;
  maxListRows: number;
  maxContentDepth: number;
}

/** Android's defaults (C1, C3, C2). */
export const DEFAULT_UX_LIMITS: UxLimits = {
  maxStringLength: 120,
  maxListRows: 6,
  maxContentDepth: 3,
};

export function flagsOf(names: readonly UxFlagName[]): number {
  return names.reduce((mask, name) => mask | UX[name], 0);
}

export function hasFlag(mask: number, flag: number): boolean {
  return (mask & flag) === flag;
}

export function flagNames(mask: number): UxFlagName[] {
  return UX_FLAG_NAMES.filter((name) => name !== 'FULLY_RESTRICTED' && hasFlag(mask, UX[name]));
}

import type { UxLimits } from '../../../common/drive/restrictions.ts';
import type { AuditThresholds } from './types.ts';

/** The bar from ../shared/guidelines/driver-safety.md; fixed here, never relaxed to make a screen pass. */
export const GUIDELINE = {
  /** D1: 76 dp = 12.07 mm, rounded up as the guideline states it. */
  targetMinMm: 12.1,
  /** D5: primary actions at least 15 mm. */
  primaryMinMm: 15,
  /** E1: nothing below 24 dp = 3.81 mm of glyph height. */
  glyphMinMm: 3.81,
  /** E4: text and icons. */
  textContrast: 4.5,
  /** E5: a control against its background. */
  controlContrast: 3,
} as const;

/** The variant supplies the panel density and the market's restriction limits (C1, C3). */
export function thresholdsFor(pxPerInch: number, limits: UxLimits): AuditThresholds {
  return {
    ...GUIDELINE,
    pxPerInch,
    maxListRows: limits.maxListRows,
    maxStringLength: limits.maxStringLength,
  };
}

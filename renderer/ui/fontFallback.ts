/** A face's vertical metrics and average Latin glyph width, in its own units (as @capsizecss/metrics gives them). */
export interface FontMetrics {
  ascent: number;
  descent: number;
  lineGap: number;
  unitsPerEm: number;
  xWidthAvg: number;
}

export interface FallbackOverrides {
  sizeAdjust: string;
  ascentOverride: string;
  descentOverride: string;
  lineGapOverride: string;
}

const percent = (n: number) => `${(n * 100).toFixed(2)}%`;

/**
 * @font-face descriptors that make `fallback` (a font the unit may have) take the room `primary`
 * (the bundled font) will: the same average width and the same line box. Text drawn in the fallback
 * while the bundled file loads is then swapped in place, without the layout moving.
 */
export function fallbackOverrides(primary: FontMetrics, fallback: FontMetrics): FallbackOverrides {
  const sizeAdjust =
    primary.xWidthAvg / primary.unitsPerEm / (fallback.xWidthAvg / fallback.unitsPerEm);
  // Overrides are fractions of the (adjusted) em of the fallback.
  const em = primary.unitsPerEm * sizeAdjust;
  return {
    sizeAdjust: percent(sizeAdjust),
    ascentOverride: percent(primary.ascent / em),
    descentOverride: percent(Math.abs(primary.descent) / em),
    lineGapOverride: percent(primary.lineGap / em),
  };
}

/** The font-family list: the brand face, its matched fallback, then Noto (Latin, Chinese). */
export function fontFamilyList(brandFamily: string): string {
  const families = [brandFamily, 'Noto Sans'].filter((f, i, all) => all.indexOf(f) === i);
  return [
    ...families.flatMap((f) => [`'${f}'`, `'${fallbackFamily(f)}'`]),
    "'Noto Sans SC'",
    'system-ui',
    'sans-serif',
  ].join(', ');
}

export function fallbackFamily(family: string): string {
  return `${family} Fallback`;
}

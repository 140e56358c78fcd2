import { describe, expect, it } from 'vitest';
import arial from '@capsizecss/metrics/arial';
import notoSans from '@capsizecss/metrics/notoSans';
import { variantObjectSchema } from '../../common/variant.schema.ts';
import { fallbackOverrides, fontFamilyList } from '../../renderer/ui/fontFallback.ts';
import { devVariant } from '../support/devVariant.ts';

describe('fallbackOverrides: a local font made to take the bundled face room', () => {
  it.each([
    [
      'Noto Sans over Arial (the published metrics)',
      notoSans,
      arial,
      {
        sizeAdjust: '106.33%',
        ascentOverride: '100.54%',
        descentOverride: '27.56%',
        lineGapOverride: '0.00%',
      },
    ],
    [
      'a face half as wide per em, in other units, with a line gap',
      { ascent: 1800, descent: -200, lineGap: 100, unitsPerEm: 2000, xWidthAvg: 1000 },
      { ascent: 900, descent: -100, lineGap: 0, unitsPerEm: 1000, xWidthAvg: 1000 },
      {
        sizeAdjust: '50.00%',
        ascentOverride: '180.00%',
        descentOverride: '20.00%',
        lineGapOverride: '10.00%',
      },
    ],
    [
      'the same face: nothing to change',
      arial,
      arial,
      {
        sizeAdjust: '100.00%',
        ascentOverride: `${((arial.ascent / arial.unitsPerEm) * 100).toFixed(2)}%`,
        descentOverride: `${((-arial.descent / arial.unitsPerEm) * 100).toFixed(2)}%`,
        lineGapOverride: `${((arial.lineGap / arial.unitsPerEm) * 100).toFixed(2)}%`,
      },
    ],
  ])('%s', (_what, primary, fallback, expected) => {
    expect(fallbackOverrides(primary, fallback)).toEqual(expected);
  });
});

describe('fontFamilyList', () => {
  it.each([
    ['Noto Sans', "'Noto Sans', 'Noto Sans Fallback', 'Noto Sans SC', system-ui, sans-serif"],
    [
      'Inter',
      "'Inter', 'Inter Fallback', 'Noto Sans', 'Noto Sans Fallback', 'Noto Sans SC', system-ui, sans-serif",
    ],
  ])('%s', (brand, expected) => {
    expect(fontFamilyList(brand)).toBe(expected);
  });
});

describe('brand.font in a variant', () => {
  const base = devVariant();
  it('defaults to Noto Sans and takes a bundled face', () => {
    const { brand } = base;
    const withoutFont = { ...base, brand: { name: brand.name, colors: brand.colors } };
    expect(variantObjectSchema.parse(withoutFont).brand.font).toBe('noto-sans');
    const inter = { ...base, brand: { ...brand, font: 'inter' } };
    expect(variantObjectSchema.parse(inter).brand.font).toBe('inter');
  });
  it('refuses a face that is not bundled, naming the choices', () => {
    const result = variantObjectSchema.safeParse({
      ...base,
      brand: { ...base.brand, font: 'Comic Sans' },
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(/noto-sans.*inter/);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUPPORTED_LOCALES } from '../../common/locales.ts';
import { createI18n } from '../../renderer/i18n/i18n.ts';
import {
  clockPatternFrom,
  formatClock,
  formatDistance,
  formatPercent,
  type ClockPattern,
  type QuantityPattern,
} from '../../renderer/ui/format.ts';

/** The pattern useQuantityPattern gives, from the language's real strings. */
async function patternFor(locale: (typeof SUPPORTED_LOCALES)[number]): Promise<QuantityPattern> {
  const i18n = await createI18n(locale);
  return (unit, whole) => i18n.t(`common:quantity.${unit}`, { value: whole });
}

afterEach(() => vi.restoreAllMocks());

describe('whole quantities from the language strings', () => {
  it.each(SUPPORTED_LOCALES)(
    '%s writes every fuel level and percent as Intl does',
    async (locale) => {
      const pattern = await patternFor(locale);
      const intl = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
      for (let tenths = 0; tenths <= 10_010; tenths++) {
        const percent = tenths / 10;
        expect(formatPercent(percent, locale, pattern)).toBe(intl.format(percent / 100));
      }
      for (const percent of [-0.4, -3, 999.49, 999.5, 12_345.6]) {
        expect(formatPercent(percent, locale, pattern)).toBe(intl.format(percent / 100));
      }
    },
  );

  it.each(SUPPORTED_LOCALES)('%s writes every range in km and mi as Intl does', async (locale) => {
    const pattern = await patternFor(locale);
    const intl = (unit: string) =>
      new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 0 });
    const km = intl('kilometer');
    const mi = intl('mile');
    for (let meters = 0; meters <= 1_700_000; meters += 50) {
      expect(formatDistance(meters, 'km', locale, pattern)).toBe(km.format(meters / 1000));
      expect(formatDistance(meters, 'mi', locale, pattern)).toBe(
        mi.format(meters / 1000 / 1.609344),
      );
    }
    expect(formatDistance(-1500, 'km', locale, pattern)).toBe(km.format(-1.5));
  });

  it('does not ask Intl for a whole quantity below 1000, and does above', async () => {
    const pattern = await patternFor('de');
    // `format` is a getter on the prototype: every formatter, kept or new, goes through it.
    const prototype = Intl.NumberFormat.prototype as unknown as { readonly format: unknown };
    const format = vi.spyOn(prototype, 'format', 'get');
    expect(formatPercent(87.4, 'de', pattern)).toBe('87\u00a0%');
    expect(formatDistance(412_300, 'km', 'de', pattern)).toBe('412 km');
    expect(format).not.toHaveBeenCalled();
    expect(formatDistance(1_234_000, 'km', 'de', pattern)).toBe('1.234 km');
    expect(format).toHaveBeenCalled();
  });

  it('asks Intl when no pattern is given', () => {
    expect(formatPercent(87.4, 'zh-CN')).toBe('87%');
    expect(formatDistance(412_300, 'mi', 'zh-CN')).toBe('256英里');
  });
});

describe('the clock from the language strings', () => {
  async function clockFor(locale: (typeof SUPPORTED_LOCALES)[number]): Promise<ClockPattern> {
    const i18n = await createI18n(locale);
    return clockPatternFrom((key, values = {}) => i18n.t(`common:${key}`, values));
  }

  it.each(SUPPORTED_LOCALES)('%s writes every minute of the day as Intl does', async (locale) => {
    const pattern = await clockFor(locale);
    const intl = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    for (let minute = 0; minute < 24 * 60; minute++) {
      const at = new Date(2026, 11, 5, Math.floor(minute / 60), minute % 60, 30);
      expect(formatClock(at, locale, pattern)).toBe(intl.format(at));
    }
  });

  it('does not ask Intl for the time when the language has a clock, and does without one', async () => {
    const pattern = await clockFor('en');
    const prototype = Intl.DateTimeFormat.prototype as unknown as { readonly format: unknown };
    const format = vi.spyOn(prototype, 'format', 'get');
    const at = new Date(2026, 11, 5, 15, 7);
    expect(formatClock(at, 'en', pattern)).toBe('03:07 PM');
    expect(format).not.toHaveBeenCalled();
    expect(formatClock(at, 'de')).toBe('15:07');
    expect(format).toHaveBeenCalled();
  });

  it('leaves the clock to Intl when the strings name no hour cycle it knows', () => {
    const pattern = clockPatternFrom((key) => (key === 'clock.hourCycle' ? 'h24' : key));
    expect(pattern(15, 7)).toBeNull();
    expect(formatClock(new Date(2026, 11, 5, 15, 7), 'zh-CN', pattern)).toBe('15:07');
  });
});

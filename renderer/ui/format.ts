import type { DistanceUnit } from '../../common/locales.ts';
import { minorDigits, minorToMajor } from '../../common/money.ts';

const KM_PER_MILE = 1.609344;

/**
 * Intl formatters are costly to build (the first date formatter of a page takes ~200 ms on the
 * head-unit profile); the home screen formats many times a second. One of each kind is kept.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function kept<F>(cache: Map<string, F>, locale: string, options: object, make: () => F): F {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return kept(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}
function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return kept(dateFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function speedInUnit(kmh: number, unit: DistanceUnit): number {
  return unit === 'mi' ? kmh / KM_PER_MILE : kmh;
}

/**
 * The number alone, for the big readout; the unit is shown beside it. A whole number below 1000
 * is written alike in every locale the app ships (Latin digits, no grouping; a table test holds
 * this against Intl), so the first readout at start-up does not wait for Intl's locale data
 * (~150 ms the first time on the head-unit profile).
 */
export function formatSpeedNumber(kmh: number, unit: DistanceUnit, locale: string): string {
  const value = Math.max(0, speedInUnit(kmh, unit));
  const rounded = Math.round(value);
  if (rounded < 1000) return String(rounded);
  return formatter(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A unit the language's own strings write a whole quantity in (`common:quantity.*`). */
export type QuantityUnit = 'percent' | DistanceUnit;
/** Fills the language's pattern for a unit ("{{value}} %") with a whole number. */
export type QuantityPattern = (unit: QuantityUnit, whole: number) => string;

/**
 * A whole quantity below 1000 from the language's pattern, which a table test holds equal to
 * Intl's output: the home's first frame does not wait for Intl's locale data (~80 ms the first
 * time on the head-unit profile). Null when Intl has to write it (grouping, a sign).
 */
function fromPattern(pattern: QuantityPattern | undefined, unit: QuantityUnit, value: number) {
  const whole = Math.round(value);
  return pattern && value >= 0 && whole < 1000 ? pattern(unit, whole) : null;
}

export function formatDistance(
  meters: number,
  unit: DistanceUnit,
  locale: string,
  pattern?: QuantityPattern,
): string {
  const value = unit === 'mi' ? meters / 1000 / KM_PER_MILE : meters / 1000;
  return (
    fromPattern(pattern, unit, value) ??
    formatter(locale, {
      style: 'unit',
      unit: unit === 'mi' ? 'mile' : 'kilometer',
      maximumFractionDigits: 0,
    }).format(value)
  );
}

export function formatPercent(percent: number, locale: string, pattern?: QuantityPattern): string {
  return (
    fromPattern(pattern, 'percent', percent) ??
    formatter(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100)
  );
}

/** A wall-clock time from the language's own strings, or null when Intl has to write it. */
export type ClockPattern = (hour: number, minute: number) => string | null;

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * The clock from the language's strings (`common:clock.*`: its hour cycle, pattern and day
 * periods), which a table test holds equal to Intl's output for every minute of the day: the
 * status bar's first clock does not wait for a date formatter (~110 ms the first time on the
 * head-unit profile, in one piece, right when a tap after the start comes).
 */
export function clockPatternFrom(
  t: (key: string, values?: Record<string, string>) => string,
): ClockPattern {
  const cycle = t('clock.hourCycle');
  if (cycle !== 'h12' && cycle !== 'h23') return () => null;
  const periods = [t('clock.am'), t('clock.pm')] as const;
  return (hour, minute) =>
    t('clock.time', {
      hour: twoDigits(cycle === 'h12' ? hour % 12 || 12 : hour),
      minute: twoDigits(minute),
      period: periods[hour < 12 ? 0 : 1],
    });
}

export function formatClock(date: Date, locale: string, pattern?: ClockPattern): string {
  return (
    pattern?.(date.getHours(), date.getMinutes()) ??
    dateFormatter(locale, { hour: '2-digit', minute: '2-digit' }).format(date)
  );
}

/** VSS SelectedGear: 126 Park, 127 Drive, 0 Neutral, negative Reverse, positive a forward gear. */
export type GearKey = 'park' | 'drive' | 'neutral' | 'reverse' | 'forward';
export function gearKey(gear: number): GearKey {
  if (gear === 126) return 'park';
  if (gear === 127) return 'drive';
  if (gear === 0) return 'neutral';
  return gear < 0 ? 'reverse' : 'forward';
}

/** An amount in the currency's minor unit (cents, fen), as the locale writes that currency. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return formatter(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minorToMajor(amountMinor, currency));
}

/**
 * A short distance to a place: metres (or feet) when close, one decimal below 10 km (mi), whole
 * units beyond. Rounded to what a glance can use, never to false precision.
 */
export function formatPlaceDistance(meters: number, unit: DistanceUnit, locale: string): string {
  if (unit === 'km') {
    if (meters < 1000) {
      return formatter(locale, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 }).format(
        Math.max(10, Math.round(meters / 10) * 10),
      );
    }
    const km = meters / 1000;
    return formatter(locale, {
      style: 'unit',
      unit: 'kilometer',
      maximumFractionDigits: km < 10 ? 1 : 0,
    }).format(km);
  }
  const miles = meters / 1000 / KM_PER_MILE;
  if (miles < 0.1) {
    return formatter(locale, { style: 'unit', unit: 'foot', maximumFractionDigits: 0 }).format(
      Math.max(50, Math.round(meters / 0.3048 / 50) * 50),
    );
  }
  return formatter(locale, {
    style: 'unit',
    unit: 'mile',
    maximumFractionDigits: miles < 10 ? 1 : 0,
  }).format(miles);
}

/** Whole minutes, as "4 min" / "4 Min." / "4分钟". */
export function formatMinutes(minutes: number, locale: string): string {
  return formatter(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(
    Math.max(1, Math.round(minutes)),
  );
}

/** Date and time of an order, short. */
export function formatDateTime(iso: string, locale: string): string {
  return dateFormatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "Tue 08:30": a drop-off time on the place's own clock, weekday and time only (days ahead are few). */
export function formatSlot(at: Date, locale: string, timeZone: string): string {
  return dateFormatter(locale, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);
}

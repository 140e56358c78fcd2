import type { Account } from '../../../common/cloudApi/finance.schema.ts';
import type { DistanceUnit } from '../../../common/locales.ts';
import type { MileageContract } from '../../../common/lease/projection.ts';

/** The projection's view of an account; null for an account without an allowance (a loan). */
export function mileageContractOf(account: Account): MileageContract | null {
  const m = account.mileage;
  if (!m) return null;
  return {
    start: account.contract.start,
    maturity: account.contract.maturity,
    timeZone: account.contract.timeZone,
    // The cloud gives per-period distance and packs separately; the projection spreads both.
    allowance: { distance: m.distance, per: m.per },
    extraDistance: m.extraDistance,
    unit: m.unit,
    odometerAtStartM: m.odometerAtStartM,
    excessFeeMinorPerUnit: m.excessFeeMinorPerUnit,
    currency: account.contract.currency,
  };
}

/** Whole distance units as the locale writes them ("1,450 km", "1.450 km", "1,450公里"). */
export function formatUnits(n: number, unit: DistanceUnit, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: unit === 'km' ? 'kilometer' : 'mile',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  }).format(n);
}

/** A contract date (YYYY-MM-DD, a calendar day, no time zone shift). */
export function formatDay(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

import type { AccountKind } from '../../../common/cloudApi/finance.schema.ts';
import type { AccountTerms } from '../../finance/terms.ts';

/**
 * Demo finance accounts, one per demo vehicle, seeded once (kept if present). Dates are set
 * relative to the day the database is first seeded, so a fresh demo or test database always
 * shows the same situations:
 *
 * - veh-demo-1 (`dev-vehicle-token`): an 18-month lease, 7,500 km a year, started 15 months and
 *   10 days before seeding, so it matures about 102 days later (inside the 120-day end-of-term
 *   window). Odometer at handover 2,000 km; the simulator's 12,345 km and the recorded drive's
 *   13,967 km are both well over the pro-rata allowance: it is OVER PACE with a projected
 *   overage cost.
 * - veh-demo-2 (`dev-vehicle-token-2`): a 24-month subscription, 1,250 km a calendar month
 *   (Lynk & Co style, EUR 0.15 per km over), 10 months in, odometer at start 3,000 km: ON PACE
 *   with either odometer source, and far from its end.
 * - veh-demo-3 (`dev-vehicle-token-3`): a 48-month loan, no mileage allowance, no packs; its
 *   end-of-term window is years away, but a payoff quote is always on offer.
 */
export interface SeedAccount {
  id: string;
  vehicleId: string;
  kind: AccountKind;
  contractNumber: string;
  provider: string;
  vehicleDescription: string;
  /** The start is this many months before the seeding day… */
  startMonthsAgo: number;
  /** …then moved this many days later. */
  startDayOffset: number;
  termMonths: number;
  timeZone: string;
  currency: string;
  /** Lease and subscription instalment; loans compute theirs from `terms.loan`. */
  monthlyMinor: number | null;
  terms: AccountTerms;
}

export const SEED_ACCOUNTS: readonly SeedAccount[] = [
  {
    id: 'acc_demo-lease',
    vehicleId: 'veh-demo-1',
    kind: 'lease',
    contractNumber: 'DPL-2024-018842',
    provider: 'Dashport Leasing',
    vehicleDescription: 'Dashport EX1 Touring, 2024',
    startMonthsAgo: 15,
    startDayOffset: 10,
    termMonths: 18,
    timeZone: 'America/Los_Angeles',
    currency: 'USD',
    monthlyMinor: 38_900,
    terms: {
      paymentTiming: 'advance',
      mileage: {
        distance: 7_500,
        per: 'year',
        unit: 'km',
        odometerAtStartM: 2_000_000,
        excessFeeMinorPerUnit: 25,
      },
      packs: [
        { id: 'km-1000', distance: 1_000, priceMinor: 18_000 },
        { id: 'km-2500', distance: 2_500, priceMinor: 40_000 },
      ],
      maxExtraDistance: 5_000,
      endOfTerm: {
        return: true,
        extendMonths: [6, 12],
        upgrade: true,
        buy: { kind: 'residual', priceMinor: 2_180_000 },
      },
      loan: null,
      inspectionPlace: {
        name: 'Dashport Lease Return Center',
        address: '1000 Van Ness Ave, San Francisco',
        position: { lat: 37.7847, lon: -122.4212 },
      },
    },
  },
  {
    id: 'acc_demo-subscription',
    vehicleId: 'veh-demo-2',
    kind: 'subscription',
    contractNumber: 'DPS-2025-004117',
    provider: 'Dashport Subscribe',
    vehicleDescription: 'Dashport EX3, 2025',
    startMonthsAgo: 10,
    startDayOffset: 5,
    termMonths: 24,
    timeZone: 'Europe/Berlin',
    currency: 'EUR',
    monthlyMinor: 54_900,
    terms: {
      paymentTiming: 'advance',
      mileage: {
        distance: 1_250,
        per: 'month',
        unit: 'km',
        odometerAtStartM: 3_000_000,
        excessFeeMinorPerUnit: 15,
      },
      packs: [
        { id: 'km-500', distance: 500, priceMinor: 6_000 },
        { id: 'km-1000', distance: 1_000, priceMinor: 11_000 },
      ],
      maxExtraDistance: 3_000,
      endOfTerm: {
        return: true,
        extendMonths: [6, 12],
        upgrade: true,
        buy: { kind: 'none' },
      },
      loan: null,
      inspectionPlace: {
        name: 'Dashport Hub München',
        address: 'Leopoldstraße 150, München',
        position: { lat: 48.1702, lon: 11.5869 },
      },
    },
  },
  {
    id: 'acc_demo-loan',
    vehicleId: 'veh-demo-3',
    kind: 'loan',
    contractNumber: 'DPF-2024-110563',
    provider: 'Dashport Finance',
    vehicleDescription: 'Dashport S Hybrid, 2024',
    startMonthsAgo: 20,
    startDayOffset: 3,
    termMonths: 48,
    timeZone: 'America/Detroit',
    currency: 'USD',
    monthlyMinor: null,
    terms: {
      paymentTiming: 'arrears',
      mileage: null,
      packs: [],
      maxExtraDistance: 0,
      endOfTerm: {
        return: false,
        extendMonths: [],
        upgrade: true,
        buy: { kind: 'payoff' },
      },
      loan: { principalMinor: 2_400_000, aprBp: 590 },
      inspectionPlace: null,
    },
  },
];

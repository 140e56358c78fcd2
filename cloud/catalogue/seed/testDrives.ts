import type { Dealer, TestDriveModel } from '../../../common/cloudApi/testDrives.schema.ts';

/** Bump when the models change: the server then replaces them on its next start. */
export const TEST_DRIVE_SEED_VERSION = 1;

/**
 * Dealer-local start times of test-drive slots, Monday to Saturday. One test car per model, so a
 * slot is one booking.
 */
export const TEST_DRIVE_SLOT_TIMES = ['10:00', '11:30', '13:00', '14:30', '16:00'] as const;
export const TEST_DRIVE_DAYS = [1, 2, 3, 4, 5, 6] as const;

const SF: Dealer = {
  id: 'sf-van-ness-dealer',
  name: 'Dashport San Francisco',
  address: '1000 Van Ness Ave',
  city: 'San Francisco',
  position: { lat: 37.7847, lon: -122.4212 },
  timeZone: 'America/Los_Angeles',
};

const DEARBORN: Dealer = {
  id: 'dbn-michigan-dealer',
  name: 'Dashport Dearborn',
  address: '22000 Michigan Ave',
  city: 'Dearborn',
  position: { lat: 42.3069, lon: -83.2424 },
  timeZone: 'America/Detroit',
};

const MUNICH: Dealer = {
  id: 'muc-leopold-dealer',
  name: 'Dashport Hub München',
  address: 'Leopoldstraße 150',
  city: 'München',
  position: { lat: 48.1702, lon: 11.5869 },
  timeZone: 'Europe/Berlin',
};

export const SEED_TEST_DRIVE_MODELS: readonly TestDriveModel[] = [
  {
    id: 'ex3',
    name: 'Dashport EX3',
    powertrain: 'BEV',
    bodyStyle: 'SUV',
    fromPriceMinor: 4_690_000,
    fromMonthlyMinor: 54_900,
    currency: 'USD',
    durationMinutes: 45,
    dealer: SF,
  },
  {
    id: 'ex1-touring',
    name: 'Dashport EX1 Touring',
    powertrain: 'PHEV',
    bodyStyle: 'Estate',
    fromPriceMinor: 3_990_000,
    fromMonthlyMinor: 41_900,
    currency: 'USD',
    durationMinutes: 45,
    dealer: SF,
  },
  {
    id: 's-hybrid',
    name: 'Dashport S Hybrid',
    powertrain: 'HEV',
    bodyStyle: 'Sedan',
    fromPriceMinor: 3_290_000,
    fromMonthlyMinor: 36_900,
    currency: 'USD',
    durationMinutes: 30,
    dealer: DEARBORN,
  },
  {
    id: 'ex3-munich',
    name: 'Dashport EX3',
    powertrain: 'BEV',
    bodyStyle: 'SUV',
    fromPriceMinor: 4_490_000,
    fromMonthlyMinor: 59_900,
    currency: 'EUR',
    durationMinutes: 45,
    dealer: MUNICH,
  },
];

/**
 * Merchant categories, in display order (at most 8 tiles on one screen, G4). Zod-free so the
 * renderer can list them without pulling schema code into its bundle; the cloud's schema enum is
 * built from this list. Labels are i18n keys in the renderer.
 */
export const MERCHANT_CATEGORIES = [
  'coffee',
  'food',
  'fuel',
  'ev_charging',
  'parking',
  'car_wash',
  'vehicle_service',
] as const;
export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];

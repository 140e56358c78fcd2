import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../locales.ts';
import { queryNumber, SlugSchema } from './catalog.schema.ts';

/**
 * Offers. Each is non-targeted (`trigger: none`, shown to anyone) or tied to one context
 * trigger. The cloud answers targeted offers only when the request says the personalised-offers
 * consent is granted; the host sends targeting context only then. Whether an offer may be shown
 * (parked only, frequency cap, mutes) is the car's decision.
 */

export const OFFER_TRIGGERS = [
  'none',
  'lease_ending',
  'low_fuel_near_station',
  'time_of_day',
] as const;
export type OfferTrigger = (typeof OFFER_TRIGGERS)[number];

/** Coarse buckets: the car never sends an exact fuel level or clock time for targeting. */
export const FUEL_LEVEL_BUCKETS = ['low', 'medium', 'high'] as const;
export type FuelLevelBucket = (typeof FUEL_LEVEL_BUCKETS)[number];
export const TIMES_OF_DAY = ['morning', 'midday', 'afternoon', 'evening', 'night'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** A partner station counts as near within this straight-line distance. */
export const NEAR_STATION_RADIUS_M = 5_000;

/** `true`/`false` (or 1/0) in a query string; anything else is refused, not read as false. */
export function queryBoolean<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => {
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    return v === '' ? undefined : v;
  }, schema);
}

export const OffersQuerySchema = z
  .object({
    personalised: queryBoolean(z.boolean().default(false)).describe(
      'The driver granted the personalised-offers consent; otherwise only non-targeted offers ' +
        'are answered and any context is ignored',
    ),
    leaseEnding: queryBoolean(z.boolean().optional()).describe('Within 120 days of maturity'),
    fuelLevel: z.enum(FUEL_LEVEL_BUCKETS).optional(),
    lat: queryNumber(z.number().min(-90).max(90).optional()).describe('WGS-84, with lon'),
    lon: queryNumber(z.number().min(-180).max(180).optional()).describe('WGS-84, with lat'),
    timeOfDay: z.enum(TIMES_OF_DAY).optional().describe('The car’s local time of day'),
    locale: z.enum(SUPPORTED_LOCALES).default('en'),
    limit: queryNumber(z.number().int().min(1).max(20).default(5)),
  })
  .refine((q) => (q.lat === undefined) === (q.lon === undefined), {
    message: 'lat and lon come together',
    path: ['lat'],
  });

export const OfferSubjectSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('merchant'), merchantId: SlugSchema, merchantName: z.string() }),
    z.object({
      kind: z.literal('product'),
      productId: SlugSchema,
      productName: z.string(),
      testDriveModelId: SlugSchema.optional().describe(
        'A test-drive model (GET /v1/test-drives/models) this offer books',
      ),
    }),
  ])
  .meta({ id: 'OfferSubject' });

export const OfferSchema = z
  .object({
    id: SlugSchema,
    title: z.string().min(1).max(60),
    body: z.string().max(120).describe('One short line (≤ 120 characters)'),
    subject: OfferSubjectSchema,
    trigger: z.enum(OFFER_TRIGGERS).describe('none: shown to anyone; else the context it matched'),
    validFrom: z.iso.datetime(),
    validUntil: z.iso.datetime(),
    promoCode: z.string().nullable(),
  })
  .meta({ id: 'Offer' });
export type Offer = z.infer<typeof OfferSchema>;

export const OfferListSchema = z
  .object({
    offers: z.array(OfferSchema).describe('Targeted matches first, then non-targeted'),
    personalised: z.boolean().describe('Whether targeting was applied'),
  })
  .meta({ id: 'OfferList' });
export type OfferList = z.infer<typeof OfferListSchema>;

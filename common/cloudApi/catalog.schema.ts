import { z } from 'zod';
import { CURRENCY_CODE } from '../money.ts';
import { HHMM } from '../openingHours.ts';

import { MERCHANT_CATEGORIES, type MerchantCategory } from '../categories.ts';

export { MERCHANT_CATEGORIES, type MerchantCategory };
export const CategorySchema = z.enum(MERCHANT_CATEGORIES);

/** Ids of merchants, menu items, options: lower-case slugs, stable across seeds. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a lower-case id (a-z, 0-9, _ and -)');

export const CurrencySchema = z.string().regex(CURRENCY_CODE, 'expected an ISO 4217 code');
/** An amount in the currency's minor unit (cents, fen). */
export const MinorAmountSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const MinorDeltaSchema = z.number().int().min(-1_000_000_000).max(1_000_000_000);

/** WGS-84 degrees, as the car's GNSS gives them. */
export const PositionSchema = z
  .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
  .meta({ id: 'Position', description: 'WGS-84 latitude and longitude in degrees' });

export const IsoWeekdaySchema = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
  z.literal(7),
]);
const HhmmSchema = z.string().regex(HHMM, 'expected HH:MM (00:00-23:59 or 24:00)');

export const OpeningHoursSchema = z
  .object({
    timeZone: z.string().min(1).describe('IANA time zone of the merchant'),
    alwaysOpen: z.boolean(),
    periods: z
      .array(
        z.object({
          day: IsoWeekdaySchema.describe('ISO weekday, 1 = Monday'),
          open: HhmmSchema,
          close: HhmmSchema.describe('At or before `open`: the period ends the next day'),
        }),
      )
      .max(28),
  })
  .meta({ id: 'OpeningHours', description: 'Weekly hours in local wall-clock time' });

export const OpenStateSchema = z.object({
  open: z.boolean(),
  nextChange: z
    .object({ day: IsoWeekdaySchema, time: HhmmSchema })
    .nullable()
    .describe('Local time it next closes (if open) or opens (if closed); null: never changes'),
});

export const TaxRuleSchema = z
  .object({
    rateBp: z.number().int().min(0).max(10_000).describe('Rate in basis points (1 % = 100)'),
    included: z.boolean().describe('Menu prices include the tax (VAT) or it is added (sales tax)'),
  })
  .meta({ id: 'TaxRule' });

export const FULFILMENTS = ['pickup', 'to_car'] as const;
export const FulfilmentSchema = z
  .enum(FULFILMENTS)
  .describe('pickup: collected at the counter; to_car: brought to the car (curbside)');
export type Fulfilment = z.infer<typeof FulfilmentSchema>;

export const MerchantSchema = z
  .object({
    id: SlugSchema,
    name: z.string().min(1),
    category: CategorySchema,
    position: PositionSchema,
    address: z.string(),
    city: z.string(),
    countryCode: z.string().regex(/^[A-Z]{2}$/),
    currency: CurrencySchema,
    openingHours: OpeningHoursSchema,
    imageUrl: z.string().describe('Absolute, or relative to the API base URL'),
    deliversToCar: z.boolean().describe('The merchant brings orders to the car'),
    tax: TaxRuleSchema,
  })
  .meta({ id: 'Merchant' });
export type Merchant = z.infer<typeof MerchantSchema>;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * A number in a query string: plain decimal notation only ("", "0x10", "1e3" are refused rather
 * than read as 0, 16 or 1000). Documented as a number in the OpenAPI document.
 */
export function queryNumber<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const t = v.trim();
    return t === '' ? undefined : DECIMAL.test(t) ? Number(t) : Number.NaN;
  }, schema);
}

export const MerchantSearchQuerySchema = z.object({
  lat: queryNumber(z.number().min(-90).max(90)).describe('WGS-84 latitude of the car'),
  lon: queryNumber(z.number().min(-180).max(180)).describe('WGS-84 longitude of the car'),
  radiusM: queryNumber(z.number().int().min(1).max(50_000).default(5_000)),
  category: CategorySchema.optional(),
  heading: queryNumber(z.number().min(0).max(360).optional()).describe(
    'Direction of travel, degrees from true north; enables `ahead`',
  ),
  limit: queryNumber(z.number().int().min(1).max(100).default(20)),
});

export const MerchantResultSchema = MerchantSchema.extend({
  distanceM: z.number().int().min(0).describe('Straight-line distance from the car'),
  bearingDeg: z.number().min(0).lt(360).describe('Initial bearing from the car, true north'),
  ahead: z
    .boolean()
    .nullable()
    .describe('Within ±45° of the heading; null when no heading was given'),
  etaMinutes: z.number().int().min(1).describe('Rough drive time at city speed'),
  openNow: z.boolean(),
  nextChange: OpenStateSchema.shape.nextChange,
}).meta({ id: 'MerchantResult' });
export type MerchantResult = z.infer<typeof MerchantResultSchema>;

export const MerchantSearchResponseSchema = z.object({
  merchants: z.array(MerchantResultSchema).describe('Nearest first'),
});

export const MenuOptionSchema = z.object({
  id: SlugSchema.describe('Unique within the item, across its groups'),
  name: z.string().min(1),
  priceDeltaMinor: MinorDeltaSchema,
});

export const OptionGroupSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1),
  min: z.number().int().min(0).describe('Fewest options to choose (1 = required)'),
  max: z.number().int().min(1).describe('Most options to choose'),
  options: z.array(MenuOptionSchema).min(1),
});

export const MenuItemSchema = z
  .object({
    id: SlugSchema.describe('Unique within the merchant'),
    name: z.string().min(1),
    description: z.string(),
    priceMinor: MinorAmountSchema,
    available: z.boolean().describe('False: sold out; the merchant rejects orders containing it'),
    maxQuantity: z.number().int().min(1).max(99),
    optionGroups: z.array(OptionGroupSchema),
  })
  .meta({ id: 'MenuItem' });
export type MenuItem = z.infer<typeof MenuItemSchema>;

export const MenuSectionSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1),
  items: z.array(MenuItemSchema).min(1),
});

export const MenuSchema = z
  .object({ sections: z.array(MenuSectionSchema) })
  .meta({ id: 'Menu', description: 'Sections → items → option groups → options' });
export type Menu = z.infer<typeof MenuSchema>;

export const MerchantDetailSchema = MerchantSchema.extend({
  openNow: z.boolean(),
  nextChange: OpenStateSchema.shape.nextChange,
  menu: MenuSchema,
}).meta({ id: 'MerchantDetail' });
export type MerchantDetail = z.infer<typeof MerchantDetailSchema>;

export const CategoriesResponseSchema = z.object({
  categories: z.array(z.object({ id: CategorySchema, merchantCount: z.number().int().min(0) })),
});

import { z } from 'zod';
import { AREA_IDS } from '../areas.ts';
import {
  CategorySchema,
  CurrencySchema,
  FulfilmentSchema,
  MerchantDetailSchema,
  MerchantResultSchema,
  MinorAmountSchema,
  SlugSchema,
} from '../cloudApi/catalog.schema.ts';
import { CLOUD_ERROR_CODES } from '../cloudApi/errors.schema.ts';
import {
  FavouriteIdSchema,
  FavouriteRequestSchema,
  FavouriteSchema,
  MAX_FAVOURITES,
} from '../cloudApi/favourites.schema.ts';
import { ClientOrderIdSchema, OrderRequestSchema, OrderSchema } from '../cloudApi/orders.schema.ts';
import { PaymentMethodSchema } from '../cloudApi/payments.schema.ts';
import { CONSENT_PURPOSES } from '../consent.ts';

/**
 * Host API schemas for ordering, the catalogue, favourites, payment methods and consent. They
 * reuse the cloud API's schemas for what passes through unchanged and add what the car knows on
 * its own: whether an answer came from the offline cache, and where an order is on its way out.
 */

/** Every answer that may come from the cache says so; `fetchedAt` is when the cloud gave it. */
const freshness = {
  stale: z.boolean().describe('True: the cloud could not be reached; this is the cached answer'),
  fetchedAt: z.iso.datetime(),
};

// ---- Orders ------------------------------------------------------------------------------------

export const placeOrderInputSchema = z.strictObject({
  /** Chosen by the renderer (a UUID) and reused on a retry, so placing twice orders once. */
  clientOrderId: ClientOrderIdSchema,
  request: OrderRequestSchema,
});

export const DELIVERY_STATES = ['queued', 'sent', 'failed'] as const;

/** What the car asked for, named from the cached menu so a queued order can be shown offline. */
export const orderSummarySchema = z.strictObject({
  merchantId: SlugSchema,
  /** Null when the merchant's menu was not in the cache when the order was placed. */
  merchantName: z.string().nullable(),
  fulfilment: FulfilmentSchema,
  currency: CurrencySchema,
  lines: z.array(
    z.strictObject({
      itemId: SlugSchema,
      name: z.string().nullable(),
      quantity: z.number().int(),
      options: z.array(z.strictObject({ id: SlugSchema, name: z.string().nullable() })),
    }),
  ),
  /** From the cached menu; the cloud's own total (in `order`) is what is charged. */
  estimatedTotalMinor: MinorAmountSchema.nullable(),
  note: z.string(),
  /** The merchant's category from the cache (a service booking is an appointment); null if unknown. */
  category: CategorySchema.nullable().default(null),
  /** The time asked for (a combined stop's pickup, a service drop-off); null: as soon as ready. */
  pickupAt: z.iso.datetime().nullable().default(null),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const localOrderSchema = z.strictObject({
  clientOrderId: ClientOrderIdSchema,
  /** queued: stored in the car, will send when connected; sent: the cloud has it; failed: refused. */
  delivery: z.enum(DELIVERY_STATES),
  /** Why the cloud refused it (never retried); null unless `delivery` is failed. */
  failure: z.strictObject({ code: z.enum(CLOUD_ERROR_CODES), message: z.string() }).nullable(),
  /** The cloud's order (state, prices, pickup code), latest version; null until sent. */
  order: OrderSchema.nullable(),
  summary: orderSummarySchema,
  queuedAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  /** Sends tried so far (0 while waiting for the first). */
  attempts: z.number().int().min(0),
});
export type LocalOrder = z.infer<typeof localOrderSchema>;

export const orderRefSchema = z.strictObject({ clientOrderId: ClientOrderIdSchema });
export const localOrderListSchema = z.strictObject({
  orders: z.array(localOrderSchema).describe('Newest first'),
});
export type LocalOrderList = z.infer<typeof localOrderListSchema>;

// ---- Catalogue -----------------------------------------------------------------------------------

export const AreaIdSchema = z.enum(AREA_IDS);
const RadiusSchema = z.number().int().min(500).max(50_000);

/**
 * Merchants near the car (needs the location consent: the position leaves the car) or in an area
 * picked by hand (only the area's fixed centre is sent).
 */
export const merchantsInputSchema = z.union([
  z.strictObject({
    position: z.strictObject({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      heading: z.number().min(0).max(360).optional(),
    }),
    category: CategorySchema.optional(),
    radiusM: RadiusSchema.optional(),
  }),
  z.strictObject({ area: AreaIdSchema, category: CategorySchema.optional() }),
]);
export type MerchantsInput = z.input<typeof merchantsInputSchema>;

export const merchantListSchema = z.strictObject({
  merchants: z.array(MerchantResultSchema).describe('Nearest first'),
  /** The area searched, or null for a search around the car. */
  areaId: AreaIdSchema.nullable(),
  radiusM: z.number().int().min(1),
  ...freshness,
});
export type MerchantList = z.infer<typeof merchantListSchema>;

export const merchantRefSchema = z.strictObject({ merchantId: SlugSchema });
export const merchantViewSchema = z.strictObject({ merchant: MerchantDetailSchema, ...freshness });
export type MerchantView = z.infer<typeof merchantViewSchema>;

export const areaSchema = z.strictObject({
  id: AreaIdSchema,
  nameKey: z.string(),
  centre: z.strictObject({ lat: z.number(), lon: z.number() }),
  radiusM: z.number().int(),
});
export const areaListSchema = z.strictObject({ areas: z.array(areaSchema) });

// ---- Favourites and payment methods ------------------------------------------------------------

export const favouriteListViewSchema = z.strictObject({
  /** In the order the user arranged them (a preference kept in the car). */
  favourites: z.array(FavouriteSchema),
  ...freshness,
});
export type FavouriteListView = z.infer<typeof favouriteListViewSchema>;

export const addFavouriteInputSchema = z.strictObject({
  /** Chosen by the renderer, so a retried save stores one favourite. */
  favouriteId: FavouriteIdSchema,
  favourite: FavouriteRequestSchema,
});
export const favouriteRefSchema = z.strictObject({ favouriteId: FavouriteIdSchema });
export const reorderFavouritesInputSchema = z.strictObject({
  favouriteIds: z
    .array(FavouriteIdSchema)
    .max(MAX_FAVOURITES)
    .refine((ids) => new Set(ids).size === ids.length, 'ids must not repeat'),
});

export const paymentMethodListViewSchema = z.strictObject({
  paymentMethods: z.array(PaymentMethodSchema).describe('Default first'),
  ...freshness,
});

// ---- Consent -------------------------------------------------------------------------------------

export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);
export const consentViewSchema = z.strictObject({
  consents: z.array(
    z.strictObject({
      purpose: ConsentPurposeSchema,
      granted: z.boolean(),
      /** Null: never answered, so withheld by default. */
      updatedAt: z.iso.datetime().nullable(),
    }),
  ),
});
export type ConsentView = z.infer<typeof consentViewSchema>;
export const setConsentInputSchema = z.strictObject({
  purpose: ConsentPurposeSchema,
  granted: z.boolean(),
});

import { z } from 'zod';
import {
  CurrencySchema,
  FulfilmentSchema,
  MinorAmountSchema,
  SlugSchema,
} from './catalog.schema.ts';
import { MAX_ORDER_LINES, OrderLineRequestSchema } from './orders.schema.ts';

export const MAX_FAVOURITES = 20;

/** Chosen by the car, so saving a favourite is an idempotent PUT. */
export const FavouriteIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected 8-64 characters of A-Z, a-z, 0-9, _ and -');

/** A saved order for one-tap reorder: a merchant and the lines with their options. */
export const FavouriteRequestSchema = z
  .object({
    label: z.string().trim().min(1).max(40),
    merchantId: SlugSchema,
    fulfilment: FulfilmentSchema,
    lines: z.array(OrderLineRequestSchema).min(1).max(MAX_ORDER_LINES),
  })
  .meta({ id: 'FavouriteRequest' });
export type FavouriteRequest = z.input<typeof FavouriteRequestSchema>;

export const FavouriteSchema = z
  .object({
    id: FavouriteIdSchema,
    label: z.string(),
    merchantId: SlugSchema,
    merchantName: z.string(),
    fulfilment: FulfilmentSchema,
    lines: z.array(
      z.object({
        itemId: SlugSchema,
        name: z.string(),
        quantity: z.number().int().min(1),
        optionIds: z.array(SlugSchema),
      }),
    ),
    currency: CurrencySchema,
    orderable: z
      .boolean()
      .describe('Every item and option still exists on the menu (sold out still counts)'),
    totalMinor: MinorAmountSchema.nullable().describe(
      'What ordering it now would cost at current prices; null when not orderable',
    ),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Favourite' });
export type Favourite = z.infer<typeof FavouriteSchema>;

export const FavouriteListSchema = z.object({ favourites: z.array(FavouriteSchema) });

export const FavouriteDeletedSchema = z.object({ id: FavouriteIdSchema, deleted: z.literal(true) });

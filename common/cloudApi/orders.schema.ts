import { z } from 'zod';
import { ORDER_STATES } from '../orders/stateMachine.ts';
import {
  CurrencySchema,
  FulfilmentSchema,
  MinorAmountSchema,
  MinorDeltaSchema,
  SlugSchema,
  TaxRuleSchema,
} from './catalog.schema.ts';
import { PaymentMethodSchema, PaymentMethodIdSchema } from './payments.schema.ts';

export const OrderStateSchema = z.enum(ORDER_STATES);

/** Chosen by the car before the first send and reused on every retry (a UUID fits). */
export const ClientOrderIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected 8-64 characters of A-Z, a-z, 0-9, _ and -');

export const MAX_ORDER_LINES = 20;
export const MAX_OPTIONS_PER_LINE = 16;

/**
 * One line as the car sends it: what, how many, which options. Prices are never taken from the
 * car; unknown keys (a client-side price, say) are dropped by the schema and ignored.
 */
export const OrderLineRequestSchema = z.object({
  itemId: SlugSchema,
  quantity: z
    .number()
    .int()
    .describe('1 up to the item’s maxQuantity; out of range answers 422 quantity_out_of_range'),
  optionIds: z.array(SlugSchema).max(MAX_OPTIONS_PER_LINE).default([]),
});

export const OrderRequestSchema = z
  .object({
    merchantId: SlugSchema,
    currency: CurrencySchema.describe('The currency the car showed; must be the merchant’s'),
    fulfilment: FulfilmentSchema,
    paymentMethodId: PaymentMethodIdSchema,
    lines: z.array(OrderLineRequestSchema).min(1).max(MAX_ORDER_LINES),
    note: z.string().trim().max(140).default(''),
    pickupAt: z.iso
      .datetime()
      .optional()
      .describe(
        'When the driver expects to collect the order (a combined stop: fill up, then walk over); ' +
          'the merchant times it. Within the last 15 minutes or the next 3 hours, else 422 ' +
          'pickup_time_out_of_range. At a vehicle service it is the drop-off time the booking is ' +
          'for: up to 14 days ahead, when the workshop is open then (not necessarily now), else ' +
          '422 merchant_closed.',
      ),
    expectedTotalMinor: MinorAmountSchema.optional().describe(
      'The total the car displayed. Never used for pricing: when present and different from the ' +
        'server’s total the order is refused with 422 price_changed (menu changed since cached).',
    ),
  })
  .meta({ id: 'OrderRequest' });
export type OrderRequest = z.input<typeof OrderRequestSchema>;
export type ParsedOrderRequest = z.output<typeof OrderRequestSchema>;

export const OrderLineSchema = z.object({
  itemId: SlugSchema,
  name: z.string(),
  quantity: z.number().int().min(1),
  options: z.array(
    z.object({ id: SlugSchema, name: z.string(), priceDeltaMinor: MinorDeltaSchema }),
  ),
  unitPriceMinor: MinorAmountSchema,
  lineTotalMinor: MinorAmountSchema,
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const REJECT_REASONS = ['item_sold_out'] as const;

export const OrderSchema = z
  .object({
    clientOrderId: ClientOrderIdSchema,
    orderId: z.string().regex(/^ord_[0-9a-f]{16}$/),
    merchantId: SlugSchema,
    merchantName: z.string(),
    state: OrderStateSchema,
    fulfilment: FulfilmentSchema,
    currency: CurrencySchema,
    lines: z.array(OrderLineSchema).min(1),
    subtotalMinor: MinorAmountSchema,
    tax: TaxRuleSchema.extend({ amountMinor: MinorAmountSchema }),
    totalMinor: MinorAmountSchema,
    payment: PaymentMethodSchema.pick({ id: true, brand: true, last4: true }),
    note: z.string(),
    pickupAt: z.iso
      .datetime()
      .nullable()
      .default(null)
      .describe('The pickup time the car asked for, if any (absent from orders kept before)'),
    pickupCode: z
      .string()
      .regex(/^[A-Z0-9]{4}$/)
      .describe('Shown to staff at pickup or the car'),
    rejectReason: z.enum(REJECT_REASONS).nullable(),
    history: z
      .array(z.object({ state: OrderStateSchema, at: z.iso.datetime() }))
      .min(1)
      .describe('Every state reached, oldest first'),
    version: z.number().int().min(1).describe('Increments with every change of this order'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof OrderSchema>;

/** A cursor is opaque to clients; the reference server uses a decimal change counter. */
export const CursorSchema = z.string().regex(/^\d{1,15}$/);

export const OrderListQuerySchema = z.object({
  since: z
    .union([CursorSchema, z.iso.datetime()])
    .optional()
    .describe('A cursor from an earlier answer or event, or an ISO 8601 UTC time; omitted: all'),
  limit: z.preprocess(
    (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
    z.number().int().min(1).max(500).default(100),
  ),
});

export const OrderListSchema = z
  .object({
    orders: z.array(OrderSchema).describe('Changed after `since`, oldest change first'),
    cursor: CursorSchema.describe('Pass as `since` to get only later changes'),
    hasMore: z.boolean().describe('More changes wait; ask again with `cursor`'),
  })
  .meta({ id: 'OrderList' });
export type OrderList = z.infer<typeof OrderListSchema>;

import { z } from 'zod';
import { DISTANCE_UNITS } from '../locales.ts';
import { CurrencySchema, MinorAmountSchema, PositionSchema, SlugSchema } from './catalog.schema.ts';
import { PaymentMethodIdSchema, PaymentMethodSchema } from './payments.schema.ts';

/**
 * The vehicle's finance account: a lease, a subscription or a loan, with its contract, mileage
 * allowance, instalments and end-of-term journey. The car computes the live mileage projection
 * itself (common/lease/projection.ts) from these contract facts and its own odometer.
 */

export const ACCOUNT_KINDS = ['lease', 'subscription', 'loan'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ALLOWANCE_PERIODS = ['year', 'month'] as const;

export const DistanceUnitSchema = z.enum(DISTANCE_UNITS);

import { END_OF_TERM_WINDOW_DAYS } from '../lease/endOfTerm.ts';

export { END_OF_TERM_WINDOW_DAYS };

/** A calendar date (YYYY-MM-DD) in the account's time zone. */
export const IsoDateSchema = z.iso.date();

/** Chosen by the car before the first send and reused on every retry (a UUID fits). */
export const ClientRequestIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected 8-64 characters of A-Z, a-z, 0-9, _ and -');

/** An odometer reading in metres, as Vehicle.TraveledDistance (uint32) carries it. */
export const OdometerMSchema = z.number().int().min(0).max(4_294_967_295);

export const PaymentMethodRefSchema = PaymentMethodSchema.pick({
  id: true,
  brand: true,
  last4: true,
});

export const MileageAllowanceSchema = z
  .object({
    distance: z.number().int().min(1).describe('Allowed distance per period, in `unit`'),
    per: z.enum(ALLOWANCE_PERIODS).describe('year: pro rata by day; month: by calendar month'),
    unit: DistanceUnitSchema,
    odometerAtStartM: OdometerMSchema.describe('Odometer at handover, metres'),
    excessFeeMinorPerUnit: MinorAmountSchema.describe('Charged per whole unit over allowance'),
    extraDistance: z
      .number()
      .int()
      .min(0)
      .describe('Distance added by purchased mileage packs, in `unit`, spread over the term'),
    termDistance: z
      .number()
      .int()
      .min(0)
      .describe('Total allowed over the whole term, packs included, in `unit`'),
  })
  .meta({ id: 'MileageAllowance' });

export const ContractSchema = z
  .object({
    number: z.string().min(1).describe('Contract number as printed on the paperwork'),
    provider: z.string().min(1).describe('Leasing, subscription or finance company'),
    vehicleDescription: z.string(),
    start: IsoDateSchema,
    maturity: IsoDateSchema.describe('Last day is the day before; the term ends at its start'),
    termMonths: z.number().int().min(1).max(120),
    timeZone: z.string().min(1).describe('IANA zone in which dates and months are counted'),
    currency: CurrencySchema,
    monthlyAmountMinor: MinorAmountSchema,
    paymentsMade: z.number().int().min(0),
    paymentsRemaining: z.number().int().min(0),
  })
  .meta({ id: 'Contract' });

export const NextPaymentSchema = z
  .object({
    instalmentNumber: z.number().int().min(1),
    dueDate: IsoDateSchema,
    amountMinor: MinorAmountSchema,
    currency: CurrencySchema,
    overdue: z.boolean(),
  })
  .meta({ id: 'NextPayment' });

export const END_OF_TERM_CHOICES = ['return', 'buy', 'extend', 'upgrade'] as const;

export const ExtendMonthsSchema = z.union([z.literal(6), z.literal(12)]);

export const EndOfTermOptionSchema = z
  .object({
    choice: z.enum(END_OF_TERM_CHOICES),
    available: z.boolean().describe('Whether this contract offers it at all'),
    priceMinor: MinorAmountSchema.nullable().describe(
      'buy: purchase price (lease residual + fee, or loan payoff); null for the others',
    ),
    validUntil: IsoDateSchema.nullable().describe('buy: the quote holds until this date'),
    extendMonths: z.array(ExtendMonthsSchema).describe('extend: the lengths offered'),
  })
  .meta({ id: 'EndOfTermOption' });
export type EndOfTermOption = z.infer<typeof EndOfTermOptionSchema>;

export const EndOfTermRequestSchema = z
  .discriminatedUnion('choice', [
    z.object({ choice: z.literal('return') }),
    z.object({
      choice: z.literal('buy'),
      expectedPriceMinor: MinorAmountSchema.optional().describe(
        'The price the car showed; a different current quote answers 422 price_changed',
      ),
    }),
    z.object({ choice: z.literal('extend'), months: ExtendMonthsSchema }),
    z.object({
      choice: z.literal('upgrade'),
      modelId: SlugSchema.optional().describe('A test-drive model the driver is interested in'),
    }),
  ])
  .meta({ id: 'EndOfTermRequest' });
export type EndOfTermRequest = z.input<typeof EndOfTermRequestSchema>;

export const EndOfTermChoiceSchema = z
  .object({
    choice: z.enum(END_OF_TERM_CHOICES),
    months: ExtendMonthsSchema.nullable(),
    modelId: SlugSchema.nullable(),
    priceMinor: MinorAmountSchema.nullable(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'EndOfTermChoice' });
export type EndOfTermChoice = z.infer<typeof EndOfTermChoiceSchema>;

export const InspectionPlaceSchema = z.object({
  name: z.string(),
  address: z.string(),
  position: PositionSchema,
});

export const InspectionSlotSchema = z
  .object({
    slotId: z.string().regex(/^ins_\d{12}$/, 'expected ins_YYYYMMDDHHMM'),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    place: InspectionPlaceSchema,
  })
  .meta({ id: 'InspectionSlot' });
export type InspectionSlot = z.infer<typeof InspectionSlotSchema>;

export const InspectionBookingSchema = InspectionSlotSchema.extend({
  bookedAt: z.iso.datetime(),
}).meta({ id: 'InspectionBooking' });
export type InspectionBooking = z.infer<typeof InspectionBookingSchema>;

export const EndOfTermSchema = z
  .object({
    daysLeft: z.number().int().describe('Calendar days to maturity (negative once past)'),
    opensOn: IsoDateSchema.describe(`Maturity minus ${END_OF_TERM_WINDOW_DAYS} days`),
    windowOpen: z.boolean().describe('Choices and the pre-inspection can be booked now'),
    options: z.array(EndOfTermOptionSchema),
    choice: EndOfTermChoiceSchema.nullable(),
    inspectionAvailable: z.boolean().describe('The car goes back, so a pre-inspection applies'),
    inspection: InspectionBookingSchema.nullable(),
  })
  .meta({ id: 'EndOfTerm' });
export type EndOfTerm = z.infer<typeof EndOfTermSchema>;

export const MileageReportSchema = z
  .object({ odometerM: OdometerMSchema, at: z.iso.datetime() })
  .meta({ id: 'MileageReport' });
export type MileageReport = z.infer<typeof MileageReportSchema>;

export const AccountSchema = z
  .object({
    accountId: z.string().regex(/^acc_[a-z0-9_-]{1,40}$/),
    kind: z.enum(ACCOUNT_KINDS),
    contract: ContractSchema,
    mileage: MileageAllowanceSchema.nullable().describe('Null: no allowance (loans)'),
    mileagePacksAllowed: z.boolean(),
    nextPayment: NextPaymentSchema.nullable().describe('Null once every instalment is paid'),
    paymentMethod: PaymentMethodRefSchema.nullable().describe('The saved method used by default'),
    endOfTerm: EndOfTermSchema,
    lastMileageReport: MileageReportSchema.nullable().describe(
      'The last odometer the car shared (only with the mileage-sharing consent)',
    ),
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof AccountSchema>;

// Payments ---------------------------------------------------------------------------------------

export const InstalmentPaymentRequestSchema = z
  .object({
    paymentMethodId: PaymentMethodIdSchema,
    instalmentNumber: z
      .number()
      .int()
      .min(1)
      .describe('The instalment the car showed as next; must still be the next one'),
    amountMinor: MinorAmountSchema.describe('The amount the car showed; must match'),
  })
  .meta({ id: 'InstalmentPaymentRequest' });

export const InstalmentPaymentSchema = z
  .object({
    clientPaymentId: ClientRequestIdSchema,
    paymentId: z.string().regex(/^pay_[0-9a-f]{16}$/),
    instalmentNumber: z.number().int().min(1),
    amountMinor: MinorAmountSchema,
    currency: CurrencySchema,
    payment: PaymentMethodRefSchema,
    paidAt: z.iso.datetime(),
  })
  .meta({ id: 'InstalmentPayment' });
export type InstalmentPayment = z.infer<typeof InstalmentPaymentSchema>;

export const InstalmentPaymentResultSchema = z
  .object({ payment: InstalmentPaymentSchema, account: AccountSchema })
  .meta({ id: 'InstalmentPaymentResult' });
export type InstalmentPaymentResult = z.infer<typeof InstalmentPaymentResultSchema>;

// Mileage packs ----------------------------------------------------------------------------------

export const MileagePackSchema = z
  .object({
    id: SlugSchema,
    distance: z.number().int().min(1),
    unit: DistanceUnitSchema,
    priceMinor: MinorAmountSchema,
    currency: CurrencySchema,
  })
  .meta({ id: 'MileagePack' });

export const MileagePackPurchaseRequestSchema = z
  .object({
    clientPurchaseId: ClientRequestIdSchema.describe('Makes the purchase idempotent'),
    packId: SlugSchema,
    paymentMethodId: PaymentMethodIdSchema,
    expectedPriceMinor: MinorAmountSchema.optional().describe(
      'The price the car showed; a different price answers 422 price_changed',
    ),
  })
  .meta({ id: 'MileagePackPurchaseRequest' });

export const MileagePackPurchaseSchema = z
  .object({
    clientPurchaseId: ClientRequestIdSchema,
    purchaseId: z.string().regex(/^mpp_[0-9a-f]{16}$/),
    packId: SlugSchema,
    distance: z.number().int().min(1),
    unit: DistanceUnitSchema,
    priceMinor: MinorAmountSchema,
    currency: CurrencySchema,
    payment: PaymentMethodRefSchema,
    purchasedAt: z.iso.datetime(),
  })
  .meta({ id: 'MileagePackPurchase' });
export type MileagePackPurchase = z.infer<typeof MileagePackPurchaseSchema>;

export const MileagePackListSchema = z
  .object({
    packs: z.array(MileagePackSchema).describe('Packs that still fit under the limit'),
    purchased: z.array(MileagePackPurchaseSchema).describe('Oldest first'),
    extraDistance: z.number().int().min(0).describe('Already added by packs'),
    maxExtraDistance: z.number().int().min(0).describe('The contract’s limit for packs'),
  })
  .meta({ id: 'MileagePackList' });
export type MileagePackList = z.infer<typeof MileagePackListSchema>;

export const MileagePackPurchaseResultSchema = z
  .object({ purchase: MileagePackPurchaseSchema, account: AccountSchema })
  .meta({ id: 'MileagePackPurchaseResult' });
export type MileagePackPurchaseResult = z.infer<typeof MileagePackPurchaseResultSchema>;

// End of term and inspection --------------------------------------------------------------------

export const EndOfTermResultSchema = z
  .object({ choice: EndOfTermChoiceSchema, account: AccountSchema })
  .meta({ id: 'EndOfTermResult' });
export type EndOfTermResult = z.infer<typeof EndOfTermResultSchema>;

export const InspectionSlotListSchema = z
  .object({
    slots: z.array(InspectionSlotSchema).describe('Free slots, soonest first'),
    booking: InspectionBookingSchema.nullable(),
  })
  .meta({ id: 'InspectionSlotList' });
export type InspectionSlotList = z.infer<typeof InspectionSlotListSchema>;

export const InspectionRequestSchema = z
  .object({ slotId: InspectionSlotSchema.shape.slotId })
  .meta({ id: 'InspectionRequest' });

export const InspectionResultSchema = z
  .object({ booking: InspectionBookingSchema, account: AccountSchema })
  .meta({ id: 'InspectionResult' });
export type InspectionResult = z.infer<typeof InspectionResultSchema>;

// Mileage sharing -------------------------------------------------------------------------------

/** Sent by the host only while the mileage-sharing consent is granted. */
export const MileageReportRequestSchema = MileageReportSchema.meta({ id: 'MileageReportRequest' });

export const MileageReportResultSchema = z
  .object({
    report: MileageReportSchema,
    duplicate: z.boolean().describe('The same reading was already on record (a retry)'),
  })
  .meta({ id: 'MileageReportResult' });
export type MileageReportResult = z.infer<typeof MileageReportResultSchema>;

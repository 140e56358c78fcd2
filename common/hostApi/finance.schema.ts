import { z } from 'zod';
import { SlugSchema } from '../cloudApi/catalog.schema.ts';
import {
  AccountSchema,
  ClientRequestIdSchema,
  EndOfTermRequestSchema,
  EndOfTermResultSchema,
  InspectionResultSchema,
  InspectionSlotListSchema,
  InstalmentPaymentResultSchema,
  MileagePackListSchema,
  MileagePackPurchaseResultSchema,
  OdometerMSchema,
} from '../cloudApi/finance.schema.ts';
import { FUEL_LEVEL_BUCKETS, OfferSchema, TIMES_OF_DAY } from '../cloudApi/offers.schema.ts';
import {
  ClientBookingIdSchema,
  TestDriveBookingListSchema,
  TestDriveBookingSchema,
  TestDriveModelListSchema,
  TestDriveSlotIdSchema,
  TestDriveSlotListSchema,
} from '../cloudApi/testDrives.schema.ts';
import { PaymentMethodIdSchema } from '../cloudApi/payments.schema.ts';
import { IsoDateSchema } from '../cloudApi/finance.schema.ts';

/**
 * Host API schemas for the finance account (lease screen, end of term), test drives, offers and
 * mileage sharing. Cloud answers pass through unchanged; the host adds freshness, its own
 * decisions (frequency cap, mutes, consent) and what it kept locally.
 */

const freshness = {
  stale: z.boolean().describe('True: the cloud could not be reached; this is the cached answer'),
  fetchedAt: z.iso.datetime(),
};

// ---- Account -----------------------------------------------------------------------------------

export const accountViewSchema = z.strictObject({ account: AccountSchema, ...freshness });
export type AccountView = z.infer<typeof accountViewSchema>;

export const payInstalmentInputSchema = z.strictObject({
  /** Chosen by the renderer and reused on a retry, so paying twice pays once. */
  clientPaymentId: ClientRequestIdSchema,
  paymentMethodId: PaymentMethodIdSchema,
  instalmentNumber: z.number().int().min(1),
  amountMinor: z.number().int().min(0),
});
export const buyMileagePackInputSchema = z.strictObject({
  clientPurchaseId: ClientRequestIdSchema,
  packId: SlugSchema,
  paymentMethodId: PaymentMethodIdSchema,
  expectedPriceMinor: z.number().int().min(0).optional(),
});
export const bookInspectionInputSchema = z.strictObject({
  slotId: z.string().regex(/^ins_\d{12}$/),
});

export {
  EndOfTermRequestSchema as endOfTermInputSchema,
  EndOfTermResultSchema as endOfTermResultSchema,
  InspectionResultSchema as inspectionResultSchema,
  InspectionSlotListSchema as inspectionSlotListSchema,
  InstalmentPaymentResultSchema as instalmentPaymentResultSchema,
  MileagePackListSchema as mileagePackListSchema,
  MileagePackPurchaseResultSchema as mileagePackPurchaseResultSchema,
};

// ---- Mileage sharing and today's drive ---------------------------------------------------------

export const mileageReportInputSchema = z.strictObject({ odometerM: OdometerMSchema });
export const mileageReportOutputSchema = z.strictObject({
  /** False: the mileage-sharing consent is withheld and the reading stayed in the car. */
  sent: z.boolean(),
});

/** The odometer at the first reading of a local day, kept in the car for "today's drive". */
export const todayStartSchema = z.strictObject({
  date: IsoDateSchema,
  odometerM: OdometerMSchema,
});
export type TodayStart = z.infer<typeof todayStartSchema>;
export const todayStartViewSchema = z.strictObject({ todayStart: todayStartSchema.nullable() });
/** Sets the day's start unless that day already has one; the answer is the one kept. */

// ---- Offers --------------------------------------------------------------------------------------

/** What the car knows about its context; the host decides what of it may be sent. */
export const offersInputSchema = z.strictObject({
  fuelLevel: z.enum(FUEL_LEVEL_BUCKETS).optional(),
  timeOfDay: z.enum(TIMES_OF_DAY).optional(),
  position: z
    .strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .optional(),
});
export type OffersInput = z.input<typeof offersInputSchema>;

/** A muted merchant, with its name as its offer showed it (null when none was seen). */
export const mutedMerchantSchema = z.strictObject({
  merchantId: SlugSchema,
  name: z.string().min(1).max(120).nullable(),
});

export const offersViewSchema = z.strictObject({
  /** At most what today's cap still allows, muted merchants removed. */
  offers: z.array(OfferSchema),
  personalised: z.boolean(),
  shownToday: z.number().int().min(0),
  dailyCap: z.number().int().min(1),
  mutedAll: z.boolean(),
  mutedMerchants: z.array(mutedMerchantSchema),
});
export type OffersView = z.infer<typeof offersViewSchema>;

export const offerRefSchema = z.strictObject({ offerId: SlugSchema });
export const merchantMuteSchema = z.strictObject({ merchantId: SlugSchema });
export const muteAllSchema = z.strictObject({ muted: z.boolean() });
export const offerMutesSchema = z.strictObject({
  mutedAll: z.boolean(),
  mutedMerchants: z.array(mutedMerchantSchema),
});
export const markShownOutputSchema = z.strictObject({
  shownToday: z.number().int().min(0),
  dailyCap: z.number().int().min(1),
});

// ---- Test drives ---------------------------------------------------------------------------------

export const testDriveModelsViewSchema = TestDriveModelListSchema.extend(freshness);
export const testDriveSlotsInputSchema = z.strictObject({ modelId: SlugSchema });
export const testDriveBookInputSchema = z.strictObject({
  clientBookingId: ClientBookingIdSchema,
  slotId: TestDriveSlotIdSchema,
});
export const testDriveCancelInputSchema = z.strictObject({
  clientBookingId: ClientBookingIdSchema,
});
export {
  TestDriveBookingListSchema as testDriveBookingListSchema,
  TestDriveBookingSchema as testDriveBookingSchema,
  TestDriveSlotListSchema as testDriveSlotListSchema,
};

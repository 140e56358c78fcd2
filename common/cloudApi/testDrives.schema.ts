import { z } from 'zod';
import { CurrencySchema, MinorAmountSchema, PositionSchema, SlugSchema } from './catalog.schema.ts';
import { ClientRequestIdSchema, IsoDateSchema } from './finance.schema.ts';

/** Test drives of the next car: models, the dealer's free slots, bookings by a car-chosen id. */

export const POWERTRAINS = ['BEV', 'PHEV', 'HEV', 'COMBUSTION'] as const;

/** How many days ahead slots are offered. */
export const TEST_DRIVE_DAYS_AHEAD = 14;

export const DealerSchema = z
  .object({
    id: SlugSchema,
    name: z.string(),
    address: z.string(),
    city: z.string(),
    position: PositionSchema,
    timeZone: z.string().min(1),
  })
  .meta({ id: 'Dealer' });
export type Dealer = z.infer<typeof DealerSchema>;

export const TestDriveModelSchema = z
  .object({
    id: SlugSchema,
    name: z.string().min(1),
    powertrain: z.enum(POWERTRAINS),
    bodyStyle: z.string(),
    fromPriceMinor: MinorAmountSchema.describe('List price from'),
    fromMonthlyMinor: MinorAmountSchema.describe('Lease or subscription from, per month'),
    currency: CurrencySchema,
    durationMinutes: z.number().int().min(15).max(240),
    dealer: DealerSchema,
  })
  .meta({ id: 'TestDriveModel' });
export type TestDriveModel = z.infer<typeof TestDriveModelSchema>;

export const TestDriveModelListSchema = z
  .object({ models: z.array(TestDriveModelSchema) })
  .meta({ id: 'TestDriveModelList' });

export const TestDriveSlotIdSchema = z
  .string()
  .regex(/^tds_[a-z0-9-]{1,40}_\d{12}$/, 'expected tds_<model>_YYYYMMDDHHMM');

export const TestDriveSlotQuerySchema = z.object({
  modelId: SlugSchema,
  from: IsoDateSchema.optional().describe('First day (dealer local); default today'),
});

export const TestDriveSlotSchema = z
  .object({
    slotId: TestDriveSlotIdSchema,
    modelId: SlugSchema,
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    available: z.boolean().describe('False: someone has booked it'),
  })
  .meta({ id: 'TestDriveSlot' });
export type TestDriveSlot = z.infer<typeof TestDriveSlotSchema>;

export const TestDriveSlotListSchema = z
  .object({ model: TestDriveModelSchema, slots: z.array(TestDriveSlotSchema) })
  .meta({ id: 'TestDriveSlotList' });
export type TestDriveSlotList = z.infer<typeof TestDriveSlotListSchema>;

export const ClientBookingIdSchema = ClientRequestIdSchema;

export const TestDriveBookingRequestSchema = z
  .object({ slotId: TestDriveSlotIdSchema })
  .meta({ id: 'TestDriveBookingRequest' });

export const TEST_DRIVE_BOOKING_STATES = ['booked', 'cancelled'] as const;

export const TestDriveBookingSchema = z
  .object({
    clientBookingId: ClientBookingIdSchema,
    bookingId: z.string().regex(/^tdb_[0-9a-f]{16}$/),
    state: z.enum(TEST_DRIVE_BOOKING_STATES),
    slotId: TestDriveSlotIdSchema,
    modelId: SlugSchema,
    modelName: z.string(),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    dealer: DealerSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'TestDriveBooking' });
export type TestDriveBooking = z.infer<typeof TestDriveBookingSchema>;

export const TestDriveBookingListSchema = z
  .object({ bookings: z.array(TestDriveBookingSchema).describe('Soonest first') })
  .meta({ id: 'TestDriveBookingList' });

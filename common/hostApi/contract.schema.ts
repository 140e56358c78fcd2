import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../settings.schema.ts';
import { StopEnergySchema, StopListSchema } from '../cloudApi/endpoints.schema.ts';
import { variantObjectSchema } from '../variant.schema.ts';
import type { HostChannel, HostEvent } from './channels.ts';
import {
  addFavouriteInputSchema,
  areaListSchema,
  consentViewSchema,
  favouriteListViewSchema,
  favouriteRefSchema,
  localOrderListSchema,
  localOrderSchema,
  merchantListSchema,
  merchantRefSchema,
  merchantsInputSchema,
  merchantViewSchema,
  orderRefSchema,
  paymentMethodListViewSchema,
  placeOrderInputSchema,
  reorderFavouritesInputSchema,
  setConsentInputSchema,
} from './commerce.schema.ts';
import {
  accountViewSchema,
  bookInspectionInputSchema,
  buyMileagePackInputSchema,
  endOfTermInputSchema,
  endOfTermResultSchema,
  inspectionResultSchema,
  inspectionSlotListSchema,
  instalmentPaymentResultSchema,
  markShownOutputSchema,
  merchantMuteSchema,
  mileagePackListSchema,
  mileagePackPurchaseResultSchema,
  mileageReportInputSchema,
  mileageReportOutputSchema,
  muteAllSchema,
  offerMutesSchema,
  offerRefSchema,
  offersInputSchema,
  offersViewSchema,
  payInstalmentInputSchema,
  testDriveBookingListSchema,
  testDriveBookingSchema,
  testDriveBookInputSchema,
  testDriveCancelInputSchema,
  testDriveModelsViewSchema,
  testDriveSlotListSchema,
  testDriveSlotsInputSchema,
  todayStartSchema,
  todayStartViewSchema,
} from './finance.schema.ts';
import { engineeringContract, exportProgressSchema } from './engineering.schema.ts';

export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

const noInput = z.undefined();

export const systemInfoSchema = z.strictObject({
  name: z.literal('dashport'),
  version: z.string(),
  variant: z.string(),
  buildTime: z.iso.datetime(),
  transport: z.enum(['ipc', 'socket']),
  /** True only when the host was started for automated tests (browser mode `--test-hooks`). */
  testHooks: z.boolean(),
});

export const publicVariantSchema = variantObjectSchema.omit({
  cloudUrl: true,
  $schema: true,
  // The engineering PIN's digest stays in the host, which checks it.
  engineering: true,
});

export const connectivitySchema = z.strictObject({
  cloud: z.enum(['unknown', 'online', 'offline']),
  checkedAt: z.iso.datetime().nullable(),
});

/** The host API: every request channel with its input and output schema. */
export const hostContract = {
  'system.info': { input: noInput, output: systemInfoSchema },
  'app.config': { input: noInput, output: publicVariantSchema },
  // The signal bridge's client token, when the variant requires one; null otherwise.
  'app.bridgeAccess': { input: noInput, output: z.strictObject({ token: z.string().nullable() }) },
  'settings.get': { input: noInput, output: settingsSchema },
  'settings.update': { input: settingsPatchSchema, output: settingsSchema },
  'connectivity.get': { input: noInput, output: connectivitySchema },
  'orders.place': { input: placeOrderInputSchema, output: localOrderSchema },
  'orders.list': { input: noInput, output: localOrderListSchema },
  'orders.get': { input: orderRefSchema, output: localOrderSchema },
  'catalog.merchants': { input: merchantsInputSchema, output: merchantListSchema },
  'catalog.merchant': { input: merchantRefSchema, output: merchantViewSchema },
  'catalog.areas': { input: noInput, output: areaListSchema },
  // Stations ahead with coffee or food beside them (the combined stop); around the car only.
  'catalog.stops': {
    input: z.strictObject({
      position: z.strictObject({
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
        heading: z.number().min(0).max(360).optional(),
      }),
      energy: StopEnergySchema,
    }),
    output: StopListSchema,
  },
  'favourites.list': { input: noInput, output: favouriteListViewSchema },
  'favourites.add': { input: addFavouriteInputSchema, output: favouriteListViewSchema },
  'favourites.remove': { input: favouriteRefSchema, output: favouriteListViewSchema },
  'favourites.reorder': { input: reorderFavouritesInputSchema, output: favouriteListViewSchema },
  'payments.list': { input: noInput, output: paymentMethodListViewSchema },
  'consent.get': { input: noInput, output: consentViewSchema },
  'consent.set': { input: setConsentInputSchema, output: consentViewSchema },
  'account.get': { input: noInput, output: accountViewSchema },
  'account.payInstalment': {
    input: payInstalmentInputSchema,
    output: instalmentPaymentResultSchema,
  },
  'account.mileagePacks': { input: noInput, output: mileagePackListSchema },
  'account.buyMileagePack': {
    input: buyMileagePackInputSchema,
    output: mileagePackPurchaseResultSchema,
  },
  'account.endOfTerm': { input: endOfTermInputSchema, output: endOfTermResultSchema },
  'account.inspectionSlots': { input: noInput, output: inspectionSlotListSchema },
  'account.bookInspection': { input: bookInspectionInputSchema, output: inspectionResultSchema },
  'mileage.report': { input: mileageReportInputSchema, output: mileageReportOutputSchema },
  'lease.todayStart': { input: noInput, output: todayStartViewSchema },
  'lease.setTodayStart': { input: todayStartSchema, output: todayStartViewSchema },
  'offers.list': { input: offersInputSchema, output: offersViewSchema },
  'offers.markShown': { input: offerRefSchema, output: markShownOutputSchema },
  'offers.mute': { input: merchantMuteSchema, output: offerMutesSchema },
  'offers.unmute': { input: merchantMuteSchema, output: offerMutesSchema },
  'offers.muteAll': { input: muteAllSchema, output: offerMutesSchema },
  'testDrives.models': { input: noInput, output: testDriveModelsViewSchema },
  'testDrives.slots': { input: testDriveSlotsInputSchema, output: testDriveSlotListSchema },
  'testDrives.book': { input: testDriveBookInputSchema, output: testDriveBookingSchema },
  'testDrives.cancel': { input: testDriveCancelInputSchema, output: testDriveBookingSchema },
  'testDrives.list': { input: noInput, output: testDriveBookingListSchema },
  ...engineeringContract,
} as const satisfies Record<HostChannel, ChannelSpec>;

/** Host-to-renderer events with their payload schemas. */
export const hostEvents = {
  'settings.changed': settingsSchema,
  'connectivity.changed': connectivitySchema,
  'orders.updated': localOrderSchema,
  'consent.changed': consentViewSchema,
  'engineering.exportProgress': exportProgressSchema,
} as const satisfies Record<HostEvent, z.ZodType>;

export type HostContract = typeof hostContract;
export type ChannelInput<C extends HostChannel> = z.input<HostContract[C]['input']>;
export type ChannelOutput<C extends HostChannel> = z.output<HostContract[C]['output']>;
export type EventPayload<E extends HostEvent> = z.output<(typeof hostEvents)[E]>;
export type SystemInfo = z.infer<typeof systemInfoSchema>;
export type Connectivity = z.infer<typeof connectivitySchema>;
export type PublicVariantConfig = z.infer<typeof publicVariantSchema>;

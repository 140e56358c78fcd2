import { z } from 'zod';
import {
  CategoriesResponseSchema,
  MerchantDetailSchema,
  MerchantSearchQuerySchema,
  MerchantSearchResponseSchema,
  SlugSchema,
  queryNumber,
  MerchantResultSchema,
} from './catalog.schema.ts';
import { ConsentSyncRequestSchema, ConsentSyncResponseSchema } from './consents.schema.ts';
import {
  FavouriteDeletedSchema,
  FavouriteIdSchema,
  FavouriteListSchema,
  FavouriteRequestSchema,
  FavouriteSchema,
} from './favourites.schema.ts';
import {
  AccountSchema,
  ClientRequestIdSchema,
  EndOfTermRequestSchema,
  EndOfTermResultSchema,
  InspectionRequestSchema,
  InspectionResultSchema,
  InspectionSlotListSchema,
  InstalmentPaymentRequestSchema,
  InstalmentPaymentResultSchema,
  MileagePackListSchema,
  MileagePackPurchaseRequestSchema,
  MileagePackPurchaseResultSchema,
  MileageReportRequestSchema,
  MileageReportResultSchema,
} from './finance.schema.ts';
import { OfferListSchema, OffersQuerySchema } from './offers.schema.ts';
import {
  ClientOrderIdSchema,
  OrderListQuerySchema,
  OrderListSchema,
  OrderRequestSchema,
  OrderSchema,
} from './orders.schema.ts';
import { PaymentMethodListSchema } from './payments.schema.ts';
import {
  ClientBookingIdSchema,
  TestDriveBookingListSchema,
  TestDriveBookingRequestSchema,
  TestDriveBookingSchema,
  TestDriveModelListSchema,
  TestDriveSlotListSchema,
  TestDriveSlotQuerySchema,
} from './testDrives.schema.ts';
import { ErrorResponseSchema } from './errors.schema.ts';
import { endpoint } from './endpoint.ts';

/** Declares error statuses an endpoint answers (in the shared error shape) for its OpenAPI entry. */
export function errorResponses<S extends number>(
  ...statuses: S[]
): Record<S, typeof ErrorResponseSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorResponseSchema])) as Record<
    S,
    typeof ErrorResponseSchema
  >;
}

/** Energy a combined stop offers: a fuel station or a charging point. */
export const StopEnergySchema = z.enum(['fuel', 'ev_charging']);

export const StopSearchQuerySchema = z.object({
  lat: queryNumber(z.number().min(-90).max(90)).describe('WGS-84 latitude of the car'),
  lon: queryNumber(z.number().min(-180).max(180)).describe('WGS-84 longitude of the car'),
  heading: queryNumber(z.number().min(0).max(360).optional()).describe(
    'Direction of travel; stations ahead come first',
  ),
  energy: StopEnergySchema,
  radiusM: queryNumber(z.number().int().min(1).max(50_000).default(10_000)),
  walkM: queryNumber(z.number().int().min(50).max(1_000).default(400)).describe(
    'How far a merchant may be from the station, on foot (straight line)',
  ),
  limit: queryNumber(z.number().int().min(1).max(20).default(5)),
});

export const StopListSchema = z
  .object({
    stops: z.array(
      z.object({
        station: MerchantResultSchema,
        nearby: z
          .array(
            MerchantResultSchema.extend({
              walkM: z.number().int().min(0).describe('Straight-line distance from the station'),
            }),
          )
          .min(1)
          .describe('Coffee and food open now within walkM of the station, nearest first'),
      }),
    ),
  })
  .meta({ id: 'StopList' });
export type StopList = z.infer<typeof StopListSchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  time: z.iso.datetime().describe('Server time, ISO 8601 UTC'),
});

export const OpenApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({}),
});

/**
 * The cloud services API, one entry per operation, keyed by operation id. The cloud server
 * attaches a handler to each (cloud/routes), its OpenAPI document is built from this table, and
 * the host's client calls an entry by its key. A new endpoint is one entry here and one handler.
 */
export const cloudApi = {
  // ---- health
  getHealth: endpoint({
    method: 'GET',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Liveness: the server answers and its database can be read',
    auth: 'none',
    idempotent: true,
    tags: ['meta'],
    responses: { 200: HealthSchema },
  }),
  getOpenApiDocument: endpoint({
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This API described as an OpenAPI 3.1 document',
    auth: 'none',
    idempotent: true,
    tags: ['meta'],
    responses: { 200: OpenApiDocumentSchema },
  }),
  // ---- catalog
  listCategories: endpoint({
    method: 'GET',
    path: '/v1/categories',
    operationId: 'listCategories',
    summary: 'Merchant categories in display order, with how many merchants each has',
    auth: 'none',
    idempotent: true,
    tags: ['catalogue'],
    responses: { 200: CategoriesResponseSchema },
  }),
  searchMerchants: endpoint({
    method: 'GET',
    path: '/v1/merchants',
    operationId: 'searchMerchants',
    summary: 'Merchants within a radius of a WGS-84 position, nearest first',
    description:
      'Each result carries its straight-line distance, the bearing from the car, `ahead` (within ' +
      '±45° of `heading`, when given), a rough ETA at city speed and whether it is open now in its ' +
      'own time zone.',
    auth: 'none',
    idempotent: true,
    tags: ['catalogue'],
    query: MerchantSearchQuerySchema,
    responses: { 200: MerchantSearchResponseSchema },
  }),
  getMerchant: endpoint({
    method: 'GET',
    path: '/v1/merchants/:merchantId',
    operationId: 'getMerchant',
    summary: 'One merchant with its menu (sections → items → option groups)',
    auth: 'none',
    idempotent: true,
    tags: ['catalogue'],
    params: z.object({ merchantId: SlugSchema }),
    responses: { 200: MerchantDetailSchema, ...errorResponses(404) },
  }),
  getImage: endpoint({
    method: 'GET',
    path: '/v1/images/:name',
    operationId: 'getImage',
    summary: 'A merchant image (SVG, generated; no external resources)',
    auth: 'none',
    idempotent: true,
    tags: ['catalogue'],
    contentType: 'image/svg+xml',
    params: z.object({
      name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}\.svg$/, 'expected <merchant id>.svg'),
    }),
    responses: { 200: z.string(), ...errorResponses(404) },
  }),
  searchStops: endpoint({
    method: 'GET',
    path: '/v1/stops',
    operationId: 'searchStops',
    summary: 'Combined stops: stations within a radius with coffee or food open nearby',
    description:
      'Fuel or charging stations near the car (ahead of it first when `heading` is given, then ' +
      'nearest), each with the coffee and food merchants open now within `walkM` of it, so the ' +
      'car can refuel and pick up an order in one stop. Stations without such a merchant are left out.',
    auth: 'none',
    idempotent: true,
    tags: ['catalogue'],
    query: StopSearchQuerySchema,
    responses: { 200: StopListSchema },
  }),
  // ---- account
  listPaymentMethods: endpoint({
    method: 'GET',
    path: '/v1/payment-methods',
    operationId: 'listPaymentMethods',
    summary: 'This vehicle’s saved payment methods (tokens with brand and last four digits)',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: true,
    responses: { 200: PaymentMethodListSchema },
  }),
  listFavourites: endpoint({
    method: 'GET',
    path: '/v1/favourites',
    operationId: 'listFavourites',
    summary: 'This vehicle’s favourites, priced at today’s menu for one-tap reorder',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: true,
    responses: { 200: FavouriteListSchema },
  }),
  putFavourite: endpoint({
    method: 'PUT',
    path: '/v1/favourites/:favouriteId',
    operationId: 'putFavourite',
    summary: 'Save or replace a favourite (a merchant and lines with their options)',
    description:
      'Checked against the merchant’s menu like an order (422 with the same codes); at most 20 ' +
      'per vehicle (422 too_many_favourites).',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: true,
    params: z.object({ favouriteId: FavouriteIdSchema }),
    body: FavouriteRequestSchema,
    responses: { 200: FavouriteSchema, 201: FavouriteSchema, ...errorResponses(422) },
  }),
  deleteFavourite: endpoint({
    method: 'DELETE',
    path: '/v1/favourites/:favouriteId',
    operationId: 'deleteFavourite',
    summary: 'Delete a favourite',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: false,
    params: z.object({ favouriteId: FavouriteIdSchema }),
    responses: { 200: FavouriteDeletedSchema, ...errorResponses(404) },
  }),
  // ---- orders
  putOrder: endpoint({
    method: 'PUT',
    path: '/v1/orders/:clientOrderId',
    operationId: 'putOrder',
    summary: 'Place an order, idempotently, under the car’s own client order id',
    description:
      'The first request creates the order (201). The same request again, however often, returns ' +
      'that order (200) and creates nothing; a different request under the same id is refused ' +
      '(409 idempotency_conflict). Prices and totals come from the server’s menu only. 422 codes: ' +
      'unknown_merchant, merchant_closed, currency_mismatch, fulfilment_unavailable, ' +
      'unknown_payment_method, unknown_item, unknown_option, invalid_options, ' +
      'quantity_out_of_range, price_changed, pickup_time_out_of_range.',
    tags: ['orders'],
    auth: 'vehicle',
    idempotent: true,
    params: z.object({ clientOrderId: ClientOrderIdSchema }),
    body: OrderRequestSchema,
    responses: { 200: OrderSchema, 201: OrderSchema, ...errorResponses(409, 422) },
  }),
  getOrder: endpoint({
    method: 'GET',
    path: '/v1/orders/:clientOrderId',
    operationId: 'getOrder',
    summary: 'One of this vehicle’s orders',
    tags: ['orders'],
    auth: 'vehicle',
    idempotent: true,
    params: z.object({ clientOrderId: ClientOrderIdSchema }),
    responses: { 200: OrderSchema, ...errorResponses(404) },
  }),
  listOrders: endpoint({
    method: 'GET',
    path: '/v1/orders',
    operationId: 'listOrders',
    summary: 'This vehicle’s orders changed since a cursor or time (resync after a reconnect)',
    description:
      'Oldest change first. Keep the returned `cursor` and pass it as `since` next time; while ' +
      '`hasMore` is true, ask again at once. Pushed `order.updated` events may be missed while ' +
      'offline; this call is the record.',
    tags: ['orders'],
    auth: 'vehicle',
    idempotent: true,
    query: OrderListQuerySchema,
    responses: { 200: OrderListSchema },
  }),
  cancelOrder: endpoint({
    method: 'POST',
    path: '/v1/orders/:clientOrderId/cancel',
    operationId: 'cancelOrder',
    summary: 'Cancel an order the merchant has not started preparing',
    description:
      'Allowed while submitted or accepted; later answers 409 not_cancellable. Cancelling a ' +
      'cancelled order again returns it unchanged (safe to retry). Send no body.',
    tags: ['orders'],
    auth: 'vehicle',
    idempotent: true,
    params: z.object({ clientOrderId: ClientOrderIdSchema }),
    responses: { 200: OrderSchema, ...errorResponses(404, 409) },
  }),
  // ---- finance
  getAccount: endpoint({
    method: 'GET',
    path: '/v1/account',
    operationId: 'getAccount',
    summary:
      'This vehicle’s lease, subscription or loan: contract, allowance, payments, end of term',
    description:
      'Mileage is reported as contract facts (allowance, odometer at start, fee per unit); the car ' +
      'projects its own pace from its live odometer. 404 when the vehicle has no account.',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: true,
    responses: { 200: AccountSchema, ...errorResponses(404) },
  }),
  payInstalment: endpoint({
    method: 'POST',
    path: '/v1/account/payments/:clientPaymentId',
    operationId: 'payInstalment',
    summary: 'Pay the next instalment with a saved payment method, idempotently',
    description:
      'The first request pays (201); the same request again returns that payment (200) and pays ' +
      'nothing; a different request under the same id answers 409 idempotency_conflict. 409 ' +
      'instalment_already_paid when the instalment named was paid meanwhile. 422 codes: ' +
      'no_instalment_due, instalment_not_next, amount_mismatch, unknown_payment_method.',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: true,
    params: z.object({ clientPaymentId: ClientRequestIdSchema }),
    body: InstalmentPaymentRequestSchema,
    responses: {
      200: InstalmentPaymentResultSchema,
      201: InstalmentPaymentResultSchema,
      ...errorResponses(404, 409, 422),
    },
  }),
  listMileagePacks: endpoint({
    method: 'GET',
    path: '/v1/account/mileage-packs',
    operationId: 'listMileagePacks',
    summary: 'Extra-mileage packs this contract offers, and those bought',
    description: '422 mileage_packs_not_allowed when the contract has none (loans, some leases).',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: true,
    responses: { 200: MileagePackListSchema, ...errorResponses(404, 422) },
  }),
  buyMileagePack: endpoint({
    method: 'POST',
    path: '/v1/account/mileage-packs',
    operationId: 'buyMileagePack',
    summary: 'Buy an extra-mileage pack, idempotently by clientPurchaseId',
    description:
      'Adds the pack’s distance to the term allowance. 201 bought, 200 replayed, 409 ' +
      'idempotency_conflict. 422 codes: mileage_packs_not_allowed, unknown_mileage_pack, ' +
      'mileage_pack_limit, price_changed, unknown_payment_method.',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: true,
    body: MileagePackPurchaseRequestSchema,
    responses: {
      200: MileagePackPurchaseResultSchema,
      201: MileagePackPurchaseResultSchema,
      ...errorResponses(404, 409, 422),
    },
  }),
  chooseEndOfTerm: endpoint({
    method: 'POST',
    path: '/v1/account/end-of-term',
    operationId: 'chooseEndOfTerm',
    summary: 'Record the end-of-term choice: return, buy, extend or upgrade',
    description:
      'Open from 120 days before maturity. The latest choice counts; repeating it records nothing ' +
      '(200), a new one is recorded (201). 422 codes: end_of_term_not_open, option_unavailable, ' +
      'price_changed (buy), unknown_model (upgrade).',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: false,
    body: EndOfTermRequestSchema,
    responses: {
      200: EndOfTermResultSchema,
      201: EndOfTermResultSchema,
      ...errorResponses(404, 422),
    },
  }),
  listInspectionSlots: endpoint({
    method: 'GET',
    path: '/v1/account/inspection',
    operationId: 'listInspectionSlots',
    summary: 'Free pre-inspection slots before the car goes back, and the current booking',
    description: '422 codes: inspection_not_applicable (loans), end_of_term_not_open.',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: true,
    responses: { 200: InspectionSlotListSchema, ...errorResponses(404, 422) },
  }),
  bookInspection: endpoint({
    method: 'POST',
    path: '/v1/account/inspection',
    operationId: 'bookInspection',
    summary: 'Book (or move) the pre-inspection',
    description:
      'One booking per account: a new slot replaces the old one (201); the booked slot again ' +
      'changes nothing (200). 422 codes: inspection_not_applicable, end_of_term_not_open, ' +
      'slot_unavailable.',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: false,
    body: InspectionRequestSchema,
    responses: {
      200: InspectionResultSchema,
      201: InspectionResultSchema,
      ...errorResponses(404, 422),
    },
  }),
  reportMileage: endpoint({
    method: 'POST',
    path: '/v1/account/mileage',
    operationId: 'reportMileage',
    summary: 'The car shares its odometer with the leasing company',
    description:
      'Sent by the car only while the driver grants the mileage-sharing consent. Idempotent by ' +
      'reading time: the same reading again is 200 with duplicate true; another value at that time ' +
      'is 409 idempotency_conflict. 422 odometer_went_backwards when it contradicts the readings ' +
      'around it.',
    tags: ['account'],
    auth: 'vehicle',
    idempotent: true,
    body: MileageReportRequestSchema,
    responses: {
      200: MileageReportResultSchema,
      201: MileageReportResultSchema,
      ...errorResponses(409, 422),
    },
  }),
  // ---- testDrives
  listTestDriveModels: endpoint({
    method: 'GET',
    path: '/v1/test-drives/models',
    operationId: 'listTestDriveModels',
    summary: 'Models that can be test-driven, each at its dealer',
    tags: ['test-drives'],
    auth: 'vehicle',
    idempotent: true,
    responses: { 200: TestDriveModelListSchema },
  }),
  listTestDriveSlots: endpoint({
    method: 'GET',
    path: '/v1/test-drives/slots',
    operationId: 'listTestDriveSlots',
    summary: 'A model’s slots for the next 14 days at its dealer, with availability',
    description: 'Slots start at least two hours ahead. 404 when the model is unknown.',
    tags: ['test-drives'],
    auth: 'vehicle',
    idempotent: true,
    query: TestDriveSlotQuerySchema,
    responses: { 200: TestDriveSlotListSchema, ...errorResponses(404) },
  }),
  putTestDriveBooking: endpoint({
    method: 'PUT',
    path: '/v1/test-drives/bookings/:clientBookingId',
    operationId: 'putTestDriveBooking',
    summary: 'Book a test-drive slot, idempotently under the car’s own booking id',
    description:
      '201 booked, 200 the same request replayed, 409 idempotency_conflict (another slot under ' +
      'this id) or slot_taken (someone else has it). 422 unknown_slot, slot_unavailable.',
    tags: ['test-drives'],
    auth: 'vehicle',
    idempotent: true,
    params: z.object({ clientBookingId: ClientBookingIdSchema }),
    body: TestDriveBookingRequestSchema,
    responses: {
      200: TestDriveBookingSchema,
      201: TestDriveBookingSchema,
      ...errorResponses(409, 422),
    },
  }),
  cancelTestDriveBooking: endpoint({
    method: 'DELETE',
    path: '/v1/test-drives/bookings/:clientBookingId',
    operationId: 'cancelTestDriveBooking',
    summary: 'Cancel a test drive (the slot is freed); cancelling again changes nothing',
    description: '409 not_cancellable once the test drive has started.',
    tags: ['test-drives'],
    auth: 'vehicle',
    idempotent: true,
    params: z.object({ clientBookingId: ClientBookingIdSchema }),
    responses: { 200: TestDriveBookingSchema, ...errorResponses(404, 409) },
  }),
  listTestDriveBookings: endpoint({
    method: 'GET',
    path: '/v1/test-drives/bookings',
    operationId: 'listTestDriveBookings',
    summary: 'This vehicle’s test-drive bookings, cancelled ones included, soonest first',
    tags: ['test-drives'],
    auth: 'vehicle',
    idempotent: true,
    responses: { 200: TestDriveBookingListSchema },
  }),
  // ---- offers
  listOffers: endpoint({
    method: 'GET',
    path: '/v1/offers',
    operationId: 'listOffers',
    summary: 'Current offers: non-targeted ones, and targeted ones when personalised',
    description:
      'Without `personalised=true` (the driver’s personalised-offers consent) only non-targeted ' +
      'offers are answered and any context sent is ignored. With it, offers whose trigger matches ' +
      'the context come first: lease_ending (`leaseEnding=true`), low_fuel_near_station ' +
      '(`fuelLevel=low` and a position within 5 km of the partner station), time_of_day ' +
      '(`timeOfDay`). Whether to show them (parked only, caps, mutes) is the car’s decision.',
    tags: ['offers'],
    auth: 'vehicle',
    idempotent: true,
    query: OffersQuerySchema,
    responses: { 200: OfferListSchema },
  }),
  syncConsents: endpoint({
    method: 'POST',
    path: '/v1/consents',
    operationId: 'syncConsents',
    summary: 'Record the driver’s consent decisions (purpose, granted, when)',
    description:
      'Append-only history; a retried sync stores nothing twice. Answers the latest decision per ' +
      'purpose on record. The car enforces consent itself; this is the provider’s record of it.',
    tags: ['consents'],
    auth: 'vehicle',
    idempotent: true,
    body: ConsentSyncRequestSchema,
    responses: { 200: ConsentSyncResponseSchema },
  }),
} as const;

export type CloudApi = typeof cloudApi;
export type OperationId = keyof CloudApi;

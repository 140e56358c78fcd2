import { z } from 'zod';
import {
  AccountSchema,
  ClientPaymentIdSchema,
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
} from '../../common/cloudApi/finance.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute } from '../http/define.ts';
import { errorResponses } from './responses.ts';

/** Created (201) or replayed (200): the same body either way. */
function outcome<T>({ created, result }: { created: boolean; result: T }) {
  return created ? { status: 201 as const, body: result } : { status: 200 as const, body: result };
}

export const getAccountRoute = defineRoute({
  method: 'GET',
  url: '/v1/account',
  operationId: 'getAccount',
  summary: 'This vehicle’s lease, subscription or loan: contract, allowance, payments, end of term',
  description:
    'Mileage is reported as contract facts (allowance, odometer at start, fee per unit); the car ' +
    'projects its own pace from its live odometer. 404 when the vehicle has no account.',
  tags: ['account'],
  auth: 'vehicle',
  responses: { 200: AccountSchema, ...errorResponses(404) },
  handler: (_input, ctx) => ({
    status: 200,
    body: ctx.services.finance.account(requireVehicle(ctx).id),
  }),
});

export const payInstalmentRoute = defineRoute({
  method: 'POST',
  url: '/v1/account/payments/:clientPaymentId',
  operationId: 'payInstalment',
  summary: 'Pay the next instalment with a saved payment method, idempotently',
  description:
    'The first request pays (201); the same request again returns that payment (200) and pays ' +
    'nothing; a different request under the same id answers 409 idempotency_conflict. 409 ' +
    'instalment_already_paid when the instalment named was paid meanwhile. 422 codes: ' +
    'no_instalment_due, instalment_not_next, amount_mismatch, unknown_payment_method.',
  tags: ['account'],
  auth: 'vehicle',
  params: z.object({ clientPaymentId: ClientPaymentIdSchema }),
  body: InstalmentPaymentRequestSchema,
  responses: {
    200: InstalmentPaymentResultSchema,
    201: InstalmentPaymentResultSchema,
    ...errorResponses(404, 409, 422),
  },
  handler: ({ params, body }, ctx) =>
    outcome(ctx.services.finance.pay(requireVehicle(ctx).id, params.clientPaymentId, body)),
});

export const listMileagePacksRoute = defineRoute({
  method: 'GET',
  url: '/v1/account/mileage-packs',
  operationId: 'listMileagePacks',
  summary: 'Extra-mileage packs this contract offers, and those bought',
  description: '422 mileage_packs_not_allowed when the contract has none (loans, some leases).',
  tags: ['account'],
  auth: 'vehicle',
  responses: { 200: MileagePackListSchema, ...errorResponses(404, 422) },
  handler: (_input, ctx) => ({
    status: 200,
    body: ctx.services.finance.packs(requireVehicle(ctx).id),
  }),
});

export const buyMileagePackRoute = defineRoute({
  method: 'POST',
  url: '/v1/account/mileage-packs',
  operationId: 'buyMileagePack',
  summary: 'Buy an extra-mileage pack, idempotently by clientPurchaseId',
  description:
    'Adds the pack’s distance to the term allowance. 201 bought, 200 replayed, 409 ' +
    'idempotency_conflict. 422 codes: mileage_packs_not_allowed, unknown_mileage_pack, ' +
    'mileage_pack_limit, price_changed, unknown_payment_method.',
  tags: ['account'],
  auth: 'vehicle',
  body: MileagePackPurchaseRequestSchema,
  responses: {
    200: MileagePackPurchaseResultSchema,
    201: MileagePackPurchaseResultSchema,
    ...errorResponses(404, 409, 422),
  },
  handler: ({ body }, ctx) => outcome(ctx.services.finance.buyPack(requireVehicle(ctx).id, body)),
});

export const chooseEndOfTermRoute = defineRoute({
  method: 'POST',
  url: '/v1/account/end-of-term',
  operationId: 'chooseEndOfTerm',
  summary: 'Record the end-of-term choice: return, buy, extend or upgrade',
  description:
    'Open from 120 days before maturity. The latest choice counts; repeating it records nothing ' +
    '(200), a new one is recorded (201). 422 codes: end_of_term_not_open, option_unavailable, ' +
    'price_changed (buy), unknown_model (upgrade).',
  tags: ['account'],
  auth: 'vehicle',
  body: EndOfTermRequestSchema,
  responses: {
    200: EndOfTermResultSchema,
    201: EndOfTermResultSchema,
    ...errorResponses(404, 422),
  },
  handler: ({ body }, ctx) =>
    outcome(ctx.services.finance.chooseEndOfTerm(requireVehicle(ctx).id, body)),
});

export const listInspectionSlotsRoute = defineRoute({
  method: 'GET',
  url: '/v1/account/inspection',
  operationId: 'listInspectionSlots',
  summary: 'Free pre-inspection slots before the car goes back, and the current booking',
  description: '422 codes: inspection_not_applicable (loans), end_of_term_not_open.',
  tags: ['account'],
  auth: 'vehicle',
  responses: { 200: InspectionSlotListSchema, ...errorResponses(404, 422) },
  handler: (_input, ctx) => ({
    status: 200,
    body: ctx.services.finance.inspectionSlots(requireVehicle(ctx).id),
  }),
});

export const bookInspectionRoute = defineRoute({
  method: 'POST',
  url: '/v1/account/inspection',
  operationId: 'bookInspection',
  summary: 'Book (or move) the pre-inspection',
  description:
    'One booking per account: a new slot replaces the old one (201); the booked slot again ' +
    'changes nothing (200). 422 codes: inspection_not_applicable, end_of_term_not_open, ' +
    'slot_unavailable.',
  tags: ['account'],
  auth: 'vehicle',
  body: InspectionRequestSchema,
  responses: {
    200: InspectionResultSchema,
    201: InspectionResultSchema,
    ...errorResponses(404, 422),
  },
  handler: ({ body }, ctx) =>
    outcome(ctx.services.finance.bookInspection(requireVehicle(ctx).id, body)),
});

export const reportMileageRoute = defineRoute({
  method: 'POST',
  url: '/v1/account/mileage',
  operationId: 'reportMileage',
  summary: 'The car shares its odometer with the leasing company',
  description:
    'Sent by the car only while the driver grants the mileage-sharing consent. Idempotent by ' +
    'reading time: the same reading again is 200 with duplicate true; another value at that time ' +
    'is 409 idempotency_conflict. 422 odometer_went_backwards when it contradicts the readings ' +
    'around it.',
  tags: ['account'],
  auth: 'vehicle',
  body: MileageReportRequestSchema,
  responses: {
    200: MileageReportResultSchema,
    201: MileageReportResultSchema,
    ...errorResponses(409, 422),
  },
  handler: ({ body }, ctx) =>
    outcome(ctx.services.finance.reportMileage(requireVehicle(ctx).id, body)),
});

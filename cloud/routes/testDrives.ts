import { z } from 'zod';
import {
  ClientBookingIdSchema,
  TestDriveBookingListSchema,
  TestDriveBookingRequestSchema,
  TestDriveBookingSchema,
  TestDriveModelListSchema,
  TestDriveSlotListSchema,
  TestDriveSlotQuerySchema,
} from '../../common/cloudApi/testDrives.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute } from '../http/define.ts';
import { errorResponses } from './responses.ts';

export const listTestDriveModelsRoute = defineRoute({
  method: 'GET',
  url: '/v1/test-drives/models',
  operationId: 'listTestDriveModels',
  summary: 'Models that can be test-driven, each at its dealer',
  tags: ['test-drives'],
  auth: 'vehicle',
  responses: { 200: TestDriveModelListSchema },
  handler: (_input, ctx) => {
    requireVehicle(ctx);
    return { status: 200, body: { models: ctx.services.testDrives.models() } };
  },
});

export const listTestDriveSlotsRoute = defineRoute({
  method: 'GET',
  url: '/v1/test-drives/slots',
  operationId: 'listTestDriveSlots',
  summary: 'A model’s slots for the next 14 days at its dealer, with availability',
  description: 'Slots start at least two hours ahead. 404 when the model is unknown.',
  tags: ['test-drives'],
  auth: 'vehicle',
  querystring: TestDriveSlotQuerySchema,
  responses: { 200: TestDriveSlotListSchema, ...errorResponses(404) },
  handler: ({ query }, ctx) => {
    requireVehicle(ctx);
    return { status: 200, body: ctx.services.testDrives.slots(query.modelId, query.from) };
  },
});

const BookingParams = z.object({ clientBookingId: ClientBookingIdSchema });

export const putTestDriveBookingRoute = defineRoute({
  method: 'PUT',
  url: '/v1/test-drives/bookings/:clientBookingId',
  operationId: 'putTestDriveBooking',
  summary: 'Book a test-drive slot, idempotently under the car’s own booking id',
  description:
    '201 booked, 200 the same request replayed, 409 idempotency_conflict (another slot under ' +
    'this id) or slot_taken (someone else has it). 422 unknown_slot, slot_unavailable.',
  tags: ['test-drives'],
  auth: 'vehicle',
  params: BookingParams,
  body: TestDriveBookingRequestSchema,
  responses: {
    200: TestDriveBookingSchema,
    201: TestDriveBookingSchema,
    ...errorResponses(409, 422),
  },
  handler: ({ params, body }, ctx) => {
    const { created, booking } = ctx.services.testDrives.book(
      requireVehicle(ctx).id,
      params.clientBookingId,
      body,
    );
    const location = { location: `/v1/test-drives/bookings/${booking.clientBookingId}` };
    return created
      ? { status: 201, body: booking, headers: location }
      : { status: 200, body: booking, headers: location };
  },
});

export const cancelTestDriveBookingRoute = defineRoute({
  method: 'DELETE',
  url: '/v1/test-drives/bookings/:clientBookingId',
  operationId: 'cancelTestDriveBooking',
  summary: 'Cancel a test drive (the slot is freed); cancelling again changes nothing',
  description: '409 not_cancellable once the test drive has started.',
  tags: ['test-drives'],
  auth: 'vehicle',
  params: BookingParams,
  responses: { 200: TestDriveBookingSchema, ...errorResponses(404, 409) },
  handler: ({ params }, ctx) => ({
    status: 200,
    body: ctx.services.testDrives.cancel(requireVehicle(ctx).id, params.clientBookingId),
  }),
});

export const listTestDriveBookingsRoute = defineRoute({
  method: 'GET',
  url: '/v1/test-drives/bookings',
  operationId: 'listTestDriveBookings',
  summary: 'This vehicle’s test-drive bookings, cancelled ones included, soonest first',
  tags: ['test-drives'],
  auth: 'vehicle',
  responses: { 200: TestDriveBookingListSchema },
  handler: (_input, ctx) => ({
    status: 200,
    body: { bookings: ctx.services.testDrives.list(requireVehicle(ctx).id) },
  }),
});

import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute, type CloudRoute } from '../http/define.ts';

const listTestDriveModelsRoute = defineRoute(cloudApi.listTestDriveModels, (_input, ctx) => {
  requireVehicle(ctx);
  return { status: 200, body: { models: ctx.services.testDrives.models() } };
});

const listTestDriveSlotsRoute = defineRoute(cloudApi.listTestDriveSlots, ({ query }, ctx) => {
  requireVehicle(ctx);
  return { status: 200, body: ctx.services.testDrives.slots(query.modelId, query.from) };
});

const putTestDriveBookingRoute = defineRoute(
  cloudApi.putTestDriveBooking,
  ({ params, body }, ctx) => {
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
);

const cancelTestDriveBookingRoute = defineRoute(
  cloudApi.cancelTestDriveBooking,
  ({ params }, ctx) => ({
    status: 200,
    body: ctx.services.testDrives.cancel(requireVehicle(ctx).id, params.clientBookingId),
  }),
);

const listTestDriveBookingsRoute = defineRoute(cloudApi.listTestDriveBookings, (_input, ctx) => ({
  status: 200,
  body: { bookings: ctx.services.testDrives.list(requireVehicle(ctx).id) },
}));

/** This module's routes, in registration order: a new endpoint here is added to this list. */
export const testDriveRoutes: readonly CloudRoute[] = [
  listTestDriveModelsRoute,
  listTestDriveSlotsRoute,
  putTestDriveBookingRoute,
  cancelTestDriveBookingRoute,
  listTestDriveBookingsRoute,
];

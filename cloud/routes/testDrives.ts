import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute } from '../http/define.ts';

export const listTestDriveModelsRoute = defineRoute(cloudApi.listTestDriveModels, (_input, ctx) => {
  requireVehicle(ctx);
  return { status: 200, body: { models: ctx.services.testDrives.models() } };
});

export const listTestDriveSlotsRoute = defineRoute(
  cloudApi.listTestDriveSlots,
  ({ query }, ctx) => {
    requireVehicle(ctx);
    return { status: 200, body: ctx.services.testDrives.slots(query.modelId, query.from) };
  },
);

export const putTestDriveBookingRoute = defineRoute(
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

export const cancelTestDriveBookingRoute = defineRoute(
  cloudApi.cancelTestDriveBooking,
  ({ params }, ctx) => ({
    status: 200,
    body: ctx.services.testDrives.cancel(requireVehicle(ctx).id, params.clientBookingId),
  }),
);

export const listTestDriveBookingsRoute = defineRoute(
  cloudApi.listTestDriveBookings,
  (_input, ctx) => ({
    status: 200,
    body: { bookings: ctx.services.testDrives.list(requireVehicle(ctx).id) },
  }),
);

import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute, type CloudRoute } from '../http/define.ts';
import { notFound } from '../http/errors.ts';

const listPaymentMethodsRoute = defineRoute(cloudApi.listPaymentMethods, (_input, ctx) => ({
  status: 200,
  body: { paymentMethods: ctx.services.payments.list(requireVehicle(ctx).id) },
}));

const listFavouritesRoute = defineRoute(cloudApi.listFavourites, (_input, ctx) => ({
  status: 200,
  body: { favourites: ctx.services.favourites.list(requireVehicle(ctx).id) },
}));

const putFavouriteRoute = defineRoute(cloudApi.putFavourite, ({ params, body }, ctx) => {
  const { created, favourite } = ctx.services.favourites.put(
    requireVehicle(ctx).id,
    params.favouriteId,
    body,
  );
  return created ? { status: 201, body: favourite } : { status: 200, body: favourite };
});

const deleteFavouriteRoute = defineRoute(cloudApi.deleteFavourite, ({ params }, ctx) => {
  if (!ctx.services.favourites.remove(requireVehicle(ctx).id, params.favouriteId)) {
    throw notFound(`No favourite ${params.favouriteId}`);
  }
  return { status: 200, body: { id: params.favouriteId, deleted: true as const } };
});

/** This module's routes, in registration order: a new endpoint here is added to this list. */
export const accountRoutes: readonly CloudRoute[] = [
  listPaymentMethodsRoute,
  listFavouritesRoute,
  putFavouriteRoute,
  deleteFavouriteRoute,
];

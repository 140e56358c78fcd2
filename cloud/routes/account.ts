import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute } from '../http/define.ts';
import { notFound } from '../http/errors.ts';

export const listPaymentMethodsRoute = defineRoute(cloudApi.listPaymentMethods, (_input, ctx) => ({
  status: 200,
  body: { paymentMethods: ctx.services.payments.list(requireVehicle(ctx).id) },
}));

export const listFavouritesRoute = defineRoute(cloudApi.listFavourites, (_input, ctx) => ({
  status: 200,
  body: { favourites: ctx.services.favourites.list(requireVehicle(ctx).id) },
}));

export const putFavouriteRoute = defineRoute(cloudApi.putFavourite, ({ params, body }, ctx) => {
  const { created, favourite } = ctx.services.favourites.put(
    requireVehicle(ctx).id,
    params.favouriteId,
    body,
  );
  return created ? { status: 201, body: favourite } : { status: 200, body: favourite };
});

export const deleteFavouriteRoute = defineRoute(cloudApi.deleteFavourite, ({ params }, ctx) => {
  if (!ctx.services.favourites.remove(requireVehicle(ctx).id, params.favouriteId)) {
    throw notFound(`No favourite ${params.favouriteId}`);
  }
  return { status: 200, body: { id: params.favouriteId, deleted: true as const } };
});

import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute, type CloudRoute } from '../http/define.ts';

const listOffersRoute = defineRoute(cloudApi.listOffers, ({ query }, ctx) => {
  requireVehicle(ctx);
  return { status: 200, body: ctx.services.offers.select(query, ctx.now()) };
});

const syncConsentsRoute = defineRoute(cloudApi.syncConsents, ({ body }, ctx) => ({
  status: 200,
  body: ctx.services.consents.sync(requireVehicle(ctx).id, body.records, ctx.now()),
}));

/** This module's routes, in registration order: a new endpoint here is added to this list. */
export const offerRoutes: readonly CloudRoute[] = [listOffersRoute, syncConsentsRoute];

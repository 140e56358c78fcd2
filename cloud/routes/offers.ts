import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute } from '../http/define.ts';

export const listOffersRoute = defineRoute(cloudApi.listOffers, ({ query }, ctx) => {
  requireVehicle(ctx);
  return { status: 200, body: ctx.services.offers.select(query, ctx.now()) };
});

export const syncConsentsRoute = defineRoute(cloudApi.syncConsents, ({ body }, ctx) => ({
  status: 200,
  body: ctx.services.consents.sync(requireVehicle(ctx).id, body.records, ctx.now()),
}));

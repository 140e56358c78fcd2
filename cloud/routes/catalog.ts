import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { merchantImageSvg } from '../catalogue/images.ts';
import { defineRoute, type CloudRoute } from '../http/define.ts';
import { notFound } from '../http/errors.ts';

/*
 * Catalogue reads need no vehicle token: a position query is then not tied to a vehicle's
 * identity (trajectories are personal data). Everything per vehicle sits behind the token.
 */

const categoriesRoute = defineRoute(cloudApi.listCategories, (_input, { services }) => ({
  status: 200,
  body: { categories: services.catalogue.categories() },
}));

const searchMerchantsRoute = defineRoute(
  cloudApi.searchMerchants,
  ({ query }, { services, now }) => ({
    status: 200,
    body: { merchants: services.catalogue.search(query, now()) },
  }),
);

const getMerchantRoute = defineRoute(cloudApi.getMerchant, ({ params }, { services, now }) => {
  const merchant = services.catalogue.get(params.merchantId);
  if (!merchant) throw notFound(`No merchant ${params.merchantId}`);
  const state = services.catalogue.openState(merchant, now());
  return {
    status: 200,
    body: { ...merchant, openNow: state.open, nextChange: state.nextChange },
  };
});

const imageRoute = defineRoute(cloudApi.getImage, ({ params }, { services }) => {
  const merchant = services.catalogue.get(params.name.slice(0, -'.svg'.length));
  if (!merchant) throw notFound(`No image ${params.name}`);
  return {
    status: 200,
    body: merchantImageSvg(merchant),
    headers: {
      'cache-control': 'public, max-age=86400',
      // Opened directly, an SVG is a document: it may not run or fetch anything.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  };
});

const searchStopsRoute = defineRoute(cloudApi.searchStops, ({ query }, { services, now }) => ({
  status: 200,
  body: { stops: services.catalogue.stops(query, now()) },
}));

/** This module's routes, in registration order: a new endpoint here is added to this list. */
export const catalogRoutes: readonly CloudRoute[] = [
  categoriesRoute,
  searchMerchantsRoute,
  getMerchantRoute,
  imageRoute,
  searchStopsRoute,
];

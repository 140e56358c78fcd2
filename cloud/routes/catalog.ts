import { z } from 'zod';
import {
  CategoriesResponseSchema,
  MerchantDetailSchema,
  MerchantSearchQuerySchema,
  MerchantSearchResponseSchema,
  SlugSchema,
} from '../../common/cloudApi/catalog.ts';
import { merchantImageSvg } from '../catalogue/images.ts';
import { defineRoute } from '../http/define.ts';
import { notFound } from '../http/errors.ts';
import { errorResponses } from './responses.ts';

/*
 * Catalogue reads need no vehicle token: a position query is then not tied to a vehicle's
 * identity (trajectories are personal data). Everything per vehicle sits behind the token.
 */

export const categoriesRoute = defineRoute({
  method: 'GET',
  url: '/v1/categories',
  operationId: 'listCategories',
  summary: 'Merchant categories in display order, with how many merchants each has',
  tags: ['catalogue'],
  responses: { 200: CategoriesResponseSchema },
  handler: (_input, { services }) => ({
    status: 200,
    body: { categories: services.catalogue.categories() },
  }),
});

export const searchMerchantsRoute = defineRoute({
  method: 'GET',
  url: '/v1/merchants',
  operationId: 'searchMerchants',
  summary: 'Merchants within a radius of a WGS-84 position, nearest first',
  description:
    'Each result carries its straight-line distance, the bearing from the car, `ahead` (within ' +
    '±45° of `heading`, when given), a rough ETA at city speed and whether it is open now in its ' +
    'own time zone.',
  tags: ['catalogue'],
  querystring: MerchantSearchQuerySchema,
  responses: { 200: MerchantSearchResponseSchema },
  handler: ({ query }, { services, now }) => ({
    status: 200,
    body: { merchants: services.catalogue.search(query, now()) },
  }),
});

export const getMerchantRoute = defineRoute({
  method: 'GET',
  url: '/v1/merchants/:merchantId',
  operationId: 'getMerchant',
  summary: 'One merchant with its menu (sections → items → option groups)',
  tags: ['catalogue'],
  params: z.object({ merchantId: SlugSchema }),
  responses: { 200: MerchantDetailSchema, ...errorResponses(404) },
  handler: ({ params }, { services, now }) => {
    const merchant = services.catalogue.get(params.merchantId);
    if (!merchant) throw notFound(`No merchant ${params.merchantId}`);
    const state = services.catalogue.openState(merchant, now());
    return {
      status: 200,
      body: { ...merchant, openNow: state.open, nextChange: state.nextChange },
    };
  },
});

export const imageRoute = defineRoute({
  method: 'GET',
  url: '/v1/images/:name',
  operationId: 'getImage',
  summary: 'A merchant image (SVG, generated; no external resources)',
  tags: ['catalogue'],
  contentType: 'image/svg+xml',
  params: z.object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}\.svg$/, 'expected <merchant id>.svg'),
  }),
  responses: { 200: z.string(), ...errorResponses(404) },
  handler: ({ params }, { services }) => {
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
  },
});

import { z } from 'zod';
import {
  FavouriteDeletedSchema,
  FavouriteIdSchema,
  FavouriteListSchema,
  FavouriteRequestSchema,
  FavouriteSchema,
} from '../../common/cloudApi/favourites.ts';
import { PaymentMethodListSchema } from '../../common/cloudApi/payments.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute } from '../http/define.ts';
import { notFound } from '../http/errors.ts';
import { errorResponses } from './responses.ts';

export const listPaymentMethodsRoute = defineRoute({
  method: 'GET',
  url: '/v1/payment-methods',
  operationId: 'listPaymentMethods',
  summary: 'This vehicle’s saved payment methods (tokens with brand and last four digits)',
  tags: ['account'],
  auth: 'vehicle',
  responses: { 200: PaymentMethodListSchema },
  handler: (_input, ctx) => ({
    status: 200,
    body: { paymentMethods: ctx.services.payments.list(requireVehicle(ctx).id) },
  }),
});

export const listFavouritesRoute = defineRoute({
  method: 'GET',
  url: '/v1/favourites',
  operationId: 'listFavourites',
  summary: 'This vehicle’s favourites, priced at today’s menu for one-tap reorder',
  tags: ['account'],
  auth: 'vehicle',
  responses: { 200: FavouriteListSchema },
  handler: (_input, ctx) => ({
    status: 200,
    body: { favourites: ctx.services.favourites.list(requireVehicle(ctx).id) },
  }),
});

const FavouriteParams = z.object({ favouriteId: FavouriteIdSchema });

export const putFavouriteRoute = defineRoute({
  method: 'PUT',
  url: '/v1/favourites/:favouriteId',
  operationId: 'putFavourite',
  summary: 'Save or replace a favourite (a merchant and lines with their options)',
  description:
    'Checked against the merchant’s menu like an order (422 with the same codes); at most 20 ' +
    'per vehicle (422 too_many_favourites).',
  tags: ['account'],
  auth: 'vehicle',
  params: FavouriteParams,
  body: FavouriteRequestSchema,
  responses: { 200: FavouriteSchema, 201: FavouriteSchema, ...errorResponses(422) },
  handler: ({ params, body }, ctx) => {
    const { created, favourite } = ctx.services.favourites.put(
      requireVehicle(ctx).id,
      params.favouriteId,
      body,
    );
    return created ? { status: 201, body: favourite } : { status: 200, body: favourite };
  },
});

export const deleteFavouriteRoute = defineRoute({
  method: 'DELETE',
  url: '/v1/favourites/:favouriteId',
  operationId: 'deleteFavourite',
  summary: 'Delete a favourite',
  tags: ['account'],
  auth: 'vehicle',
  params: FavouriteParams,
  responses: { 200: FavouriteDeletedSchema, ...errorResponses(404) },
  handler: ({ params }, ctx) => {
    if (!ctx.services.favourites.remove(requireVehicle(ctx).id, params.favouriteId)) {
      throw notFound(`No favourite ${params.favouriteId}`);
    }
    return { status: 200, body: { id: params.favouriteId, deleted: true as const } };
  },
});

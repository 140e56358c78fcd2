import { z } from 'zod';
import {
  ClientOrderIdSchema,
  OrderListQuerySchema,
  OrderListSchema,
  OrderRequestSchema,
  OrderSchema,
} from '../../common/cloudApi/orders.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute } from '../http/define.ts';
import { errorResponses } from './responses.ts';

const OrderParams = z.object({ clientOrderId: ClientOrderIdSchema });

export const putOrderRoute = defineRoute({
  method: 'PUT',
  url: '/v1/orders/:clientOrderId',
  operationId: 'putOrder',
  summary: 'Place an order, idempotently, under the car’s own client order id',
  description:
    'The first request creates the order (201). The same request again, however often, returns ' +
    'that order (200) and creates nothing; a different request under the same id is refused ' +
    '(409 idempotency_conflict). Prices and totals come from the server’s menu only. 422 codes: ' +
    'unknown_merchant, merchant_closed, currency_mismatch, fulfilment_unavailable, ' +
    'unknown_payment_method, unknown_item, unknown_option, invalid_options, ' +
    'quantity_out_of_range, price_changed.',
  tags: ['orders'],
  auth: 'vehicle',
  params: OrderParams,
  body: OrderRequestSchema,
  responses: { 200: OrderSchema, 201: OrderSchema, ...errorResponses(409, 422) },
  handler: ({ params, body }, ctx) => {
    const vehicle = requireVehicle(ctx);
    const { created, order } = ctx.services.orders.create(vehicle.id, params.clientOrderId, body);
    const location = { location: `/v1/orders/${order.clientOrderId}` };
    return created
      ? { status: 201, body: order, headers: location }
      : { status: 200, body: order, headers: location };
  },
});

export const getOrderRoute = defineRoute({
  method: 'GET',
  url: '/v1/orders/:clientOrderId',
  operationId: 'getOrder',
  summary: 'One of this vehicle’s orders',
  tags: ['orders'],
  auth: 'vehicle',
  params: OrderParams,
  responses: { 200: OrderSchema, ...errorResponses(404) },
  handler: ({ params }, ctx) => ({
    status: 200,
    body: ctx.services.orders.get(requireVehicle(ctx).id, params.clientOrderId),
  }),
});

export const listOrdersRoute = defineRoute({
  method: 'GET',
  url: '/v1/orders',
  operationId: 'listOrders',
  summary: 'This vehicle’s orders changed since a cursor or time (resync after a reconnect)',
  description:
    'Oldest change first. Keep the returned `cursor` and pass it as `since` next time; while ' +
    '`hasMore` is true, ask again at once. Pushed `order.updated` events may be missed while ' +
    'offline; this call is the record.',
  tags: ['orders'],
  auth: 'vehicle',
  querystring: OrderListQuerySchema,
  responses: { 200: OrderListSchema },
  handler: ({ query }, ctx) => {
    const page = ctx.services.orders.list(requireVehicle(ctx).id, query.since, query.limit);
    return {
      status: 200,
      body: {
        orders: page.orders.map((s) => s.order),
        cursor: String(page.cursor),
        hasMore: page.hasMore,
      },
    };
  },
});

export const cancelOrderRoute = defineRoute({
  method: 'POST',
  url: '/v1/orders/:clientOrderId/cancel',
  operationId: 'cancelOrder',
  summary: 'Cancel an order the merchant has not started preparing',
  description:
    'Allowed while submitted or accepted; later answers 409 not_cancellable. Cancelling a ' +
    'cancelled order again returns it unchanged (safe to retry). Send no body.',
  tags: ['orders'],
  auth: 'vehicle',
  params: OrderParams,
  responses: { 200: OrderSchema, ...errorResponses(404, 409) },
  handler: ({ params }, ctx) => ({
    status: 200,
    body: ctx.services.orders.cancel(requireVehicle(ctx).id, params.clientOrderId),
  }),
});

import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute, type CloudRoute } from '../http/define.ts';

const putOrderRoute = defineRoute(cloudApi.putOrder, ({ params, body }, ctx) => {
  const vehicle = requireVehicle(ctx);
  const { created, order } = ctx.services.orders.create(vehicle.id, params.clientOrderId, body);
  const location = { location: `/v1/orders/${order.clientOrderId}` };
  return created
    ? { status: 201, body: order, headers: location }
    : { status: 200, body: order, headers: location };
});

const getOrderRoute = defineRoute(cloudApi.getOrder, ({ params }, ctx) => ({
  status: 200,
  body: ctx.services.orders.get(requireVehicle(ctx).id, params.clientOrderId),
}));

const listOrdersRoute = defineRoute(cloudApi.listOrders, ({ query }, ctx) => {
  const page = ctx.services.orders.list(requireVehicle(ctx).id, query.since, query.limit);
  return {
    status: 200,
    body: {
      orders: page.orders.map((s) => s.order),
      cursor: String(page.cursor),
      hasMore: page.hasMore,
    },
  };
});

const cancelOrderRoute = defineRoute(cloudApi.cancelOrder, ({ params }, ctx) => ({
  status: 200,
  body: ctx.services.orders.cancel(requireVehicle(ctx).id, params.clientOrderId),
}));

/** This module's routes, in registration order: a new endpoint here is added to this list. */
export const orderRoutes: readonly CloudRoute[] = [
  putOrderRoute,
  getOrderRoute,
  listOrdersRoute,
  cancelOrderRoute,
];

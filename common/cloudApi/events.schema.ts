import { z } from 'zod';
import { CursorSchema, OrderSchema } from './orders.schema.ts';

/** socket.io path on the cloud's HTTP server; the handshake carries `auth: { token }`. */
export const CLOUD_EVENTS_PATH = '/v1/events';

/** Emitted to the owning vehicle only, after every change of one of its orders. */
export const ORDER_UPDATED_EVENT = 'order.updated';

export const OrderUpdatedEventSchema = z
  .object({
    order: OrderSchema,
    cursor: CursorSchema.describe('Resync from here: GET /v1/orders?since=<cursor>'),
  })
  .meta({ id: 'OrderUpdatedEvent' });
export type OrderUpdatedEvent = z.infer<typeof OrderUpdatedEventSchema>;

/** The `message` of the connect_error a client gets for a missing or unknown token. */
export const EVENTS_UNAUTHORIZED = 'unauthorized';

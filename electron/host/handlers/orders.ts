import type { HostServices } from '../services.ts';
import type { NamespaceHandlers } from './types.ts';

export function ordersHandlers({
  orders,
}: Pick<HostServices, 'orders'>): NamespaceHandlers<'orders'> {
  return {
    'orders.place': (input) => orders.place(input.clientOrderId, input.request),
    'orders.list': () => orders.list(),
    'orders.get': (input) => orders.get(input.clientOrderId),
  };
}

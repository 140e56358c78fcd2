import type { StateCreator } from 'zustand';
import type { OrderRequest } from '../../common/cloudApi/orders.schema.ts';
import type { HostClient } from '../../common/hostApi/client.ts';
import type { LocalOrder } from '../../common/hostApi/commerce.schema.ts';
import { errorCode, newClientId } from '../data/ids.ts';

export interface OrdersSlice {
  /** Orders newest first, as the host last reported each of them. */
  orders: LocalOrder[];
  /** The id of an order being placed, kept until the host confirms so a retry cannot order twice. */
  placing: { clientOrderId: string; digest: string } | null;
  loadOrders(): Promise<void>;
  receiveOrder(order: LocalOrder): void;
  /** Stores the order in the car (it is sent from there); resolves once it is safely queued. */
  placeOrder(request: OrderRequest): Promise<LocalOrder>;
}

const DELIVERY_RANK = { queued: 0, sent: 1, failed: 1 } as const;

/** Events and list answers may cross: an older view of an order never replaces a newer one. */
function isOlder(incoming: LocalOrder, held: LocalOrder): boolean {
  if (DELIVERY_RANK[incoming.delivery] < DELIVERY_RANK[held.delivery]) return true;
  const a = incoming.order?.version ?? 0;
  const b = held.order?.version ?? 0;
  return a < b;
}

function upsert(orders: readonly LocalOrder[], order: LocalOrder): LocalOrder[] {
  const held = orders.find((o) => o.clientOrderId === order.clientOrderId);
  if (held && isOlder(order, held)) return orders as LocalOrder[];
  const rest = orders.filter((o) => o.clientOrderId !== order.clientOrderId);
  return [...rest, order].sort((x, y) => y.queuedAt.localeCompare(x.queuedAt));
}

export const createOrdersSlice =
  (host: HostClient): StateCreator<OrdersSlice, [], [], OrdersSlice> =>
  (set, get) => ({
    orders: [],
    placing: null,

    loadOrders: async () => {
      const { orders } = await host.call('orders.list');
      let next = get().orders;
      for (const order of orders) next = upsert(next, order);
      set({ orders: next });
    },

    receiveOrder: (order) => set({ orders: upsert(get().orders, order) }),

    placeOrder: async (request) => {
      const digest = JSON.stringify(request);
      const held = get().placing;
      // The same request again (a retry after a lost answer) keeps its id: the host stores it once.
      const clientOrderId = held?.digest === digest ? held.clientOrderId : newClientId();
      set({ placing: { clientOrderId, digest } });
      try {
        const order = await host.call('orders.place', { clientOrderId, request });
        set({ orders: upsert(get().orders, order), placing: null });
        return order;
      } catch (error) {
        // The host has that id for something else: the next try must use a new one.
        if (errorCode(error) === 'conflict') set({ placing: null });
        throw error;
      }
    },
  });

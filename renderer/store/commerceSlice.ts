import type { StateCreator } from 'zustand';
import type { AreaId } from '../../common/areas.ts';
import type { FavouriteRequest } from '../../common/cloudApi/favourites.ts';
import type { OrderRequest } from '../../common/cloudApi/orders.ts';
import type { HostClient } from '../../common/hostApi/client.ts';
import type { ChannelOutput } from '../../common/hostApi/contract.ts';
import type { ConsentView, FavouriteListView, LocalOrder } from '../../common/hostApi/commerce.ts';
import { HostApiError, type HostErrorCode } from '../../common/hostApi/errors.ts';
import {
  addLine,
  setLineQuantity,
  type Cart,
  type CartMerchant,
  type NewLine,
} from '../features/services/cart.ts';
import type { AppState } from './appStore.ts';
import { loadLocationChoice, saveLocationChoice, type LocationChoice } from './locationChoice.ts';

export type PaymentMethodsView = ChannelOutput<'payments.list'>;

/** A list kept in the store: the last answer, and why the last refresh failed if it did. */
export interface Kept<T> {
  value: T | null;
  error: HostErrorCode | null;
  loading: boolean;
}

const empty = <T>(): Kept<T> => ({ value: null, error: null, loading: false });

export interface CommerceSlice {
  /** The host API client, for screens that load their own data (merchants, menus). */
  host: HostClient;
  /** Orders newest first, as the host last reported each of them. */
  orders: LocalOrder[];
  consent: ConsentView | null;
  locationChoice: LocationChoice;
  cart: Cart | null;
  favourites: Kept<FavouriteListView>;
  paymentMethods: Kept<PaymentMethodsView>;
  /** The id of an order being placed, kept until the host confirms so a retry cannot order twice. */
  placing: { clientOrderId: string; digest: string } | null;

  loadCommerce(): Promise<void>;
  receiveOrder(order: LocalOrder): void;
  receiveConsent(view: ConsentView): void;
  /** Gives or withdraws the location consent; giving it also chooses "around the car". */
  setLocationConsent(granted: boolean): Promise<void>;
  pickArea(area: AreaId): void;
  addToCart(merchant: CartMerchant, line: NewLine): boolean;
  setCartQuantity(key: string, quantity: number): void;
  setFulfilment(fulfilment: Cart['fulfilment']): void;
  clearCart(): void;
  /** Stores the order in the car (it is sent from there); resolves once it is safely queued. */
  placeOrder(request: OrderRequest): Promise<LocalOrder>;
  refreshFavourites(): Promise<void>;
  saveFavourite(favourite: FavouriteRequest): Promise<void>;
  removeFavourite(favouriteId: string): Promise<void>;
  moveFavouriteUp(favouriteId: string): Promise<void>;
  refreshPaymentMethods(): Promise<void>;
}

/** Ids the cloud accepts for orders and favourites (8-64 of A-Za-z0-9_-): a UUID. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function errorCode(error: unknown): HostErrorCode {
  return error instanceof HostApiError ? error.code : 'internal';
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

export const createCommerceSlice =
  (host: HostClient): StateCreator<AppState, [], [], CommerceSlice> =>
  (set, get) => {
    const setChoice = (locationChoice: LocationChoice) => {
      saveLocationChoice(locationChoice);
      set({ locationChoice });
    };
    const keep = async <K extends 'favourites' | 'paymentMethods'>(
      key: K,
      load: () => Promise<NonNullable<CommerceSlice[K]['value']>>,
    ) => {
      set({ [key]: { ...get()[key], loading: true } } as Pick<CommerceSlice, K>);
      try {
        const value = await load();
        set({ [key]: { value, error: null, loading: false } } as Pick<CommerceSlice, K>);
      } catch (error) {
        set({
          [key]: { ...get()[key], error: errorCode(error), loading: false },
        } as Pick<CommerceSlice, K>);
      }
    };

    return {
      host,
      orders: [],
      consent: null,
      locationChoice: loadLocationChoice(),
      cart: null,
      favourites: empty(),
      paymentMethods: empty(),
      placing: null,

      loadCommerce: async () => {
        const [orders, consent] = await Promise.allSettled([
          host.call('orders.list'),
          host.call('consent.get'),
        ]);
        if (orders.status === 'fulfilled') {
          let next = get().orders;
          for (const order of orders.value.orders) next = upsert(next, order);
          set({ orders: next });
        }
        if (consent.status === 'fulfilled') get().receiveConsent(consent.value);
      },

      receiveOrder: (order) => set({ orders: upsert(get().orders, order) }),

      receiveConsent: (consent) => {
        set({ consent });
        const granted = consent.consents.some((c) => c.purpose === 'location' && c.granted);
        const choice = get().locationChoice;
        // Withdrawn elsewhere: "around the car" is no longer possible.
        if (!granted && choice?.kind === 'car') setChoice(null);
        // Given before this screen ever asked: searching around the car is what was meant.
        if (granted && choice === null) setChoice({ kind: 'car' });
      },

      setLocationConsent: async (granted) => {
        const view = await host.call('consent.set', { purpose: 'location', granted });
        get().receiveConsent(view);
        if (granted) setChoice({ kind: 'car' });
      },

      pickArea: (area) => setChoice({ kind: 'area', area }),

      addToCart: (merchant, line) => {
        const next = addLine(get().cart, merchant, line);
        if (!next) return false;
        set({ cart: next });
        return true;
      },
      setCartQuantity: (key, quantity) => {
        const cart = get().cart;
        if (cart) set({ cart: setLineQuantity(cart, key, quantity) });
      },
      setFulfilment: (fulfilment) => {
        const cart = get().cart;
        if (cart) set({ cart: { ...cart, fulfilment } });
      },
      clearCart: () => set({ cart: null }),

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

      refreshFavourites: () => keep('favourites', () => host.call('favourites.list')),
      saveFavourite: async (favourite) => {
        const value = await host.call('favourites.add', {
          favouriteId: newClientId(),
          favourite,
        });
        set({ favourites: { value, error: null, loading: false } });
      },
      removeFavourite: async (favouriteId) => {
        const value = await host.call('favourites.remove', { favouriteId });
        set({ favourites: { value, error: null, loading: false } });
      },
      moveFavouriteUp: async (favouriteId) => {
        const ids = (get().favourites.value?.favourites ?? []).map((f) => f.id);
        const i = ids.indexOf(favouriteId);
        if (i <= 0) return;
        [ids[i - 1], ids[i]] = [ids[i]!, ids[i - 1]!];
        const value = await host.call('favourites.reorder', { favouriteIds: ids });
        set({ favourites: { value, error: null, loading: false } });
      },

      refreshPaymentMethods: () => keep('paymentMethods', () => host.call('payments.list')),
    };
  };

/** The location consent as the host last reported it (false until it has). */
export function locationGranted(consent: ConsentView | null): boolean {
  return consent?.consents.some((c) => c.purpose === 'location' && c.granted) ?? false;
}

import type { StateCreator } from 'zustand';
import type { FavouriteRequest } from '../../common/cloudApi/favourites.schema.ts';
import type { HostClient } from '../../common/hostApi/client.ts';
import type { ChannelOutput } from '../../common/hostApi/contract.schema.ts';
import type { FavouriteListView } from '../../common/hostApi/commerce.schema.ts';
import { newClientId } from '../data/ids.ts';
import { emptyKept, keptValue, refreshKept, type Kept } from './kept.ts';

export type PaymentMethodsView = ChannelOutput<'payments.list'>;

/** Favourites and payment methods: kept in the store because home, checkout and reorder share them. */
export interface FavouritesSlice {
  favourites: Kept<FavouriteListView>;
  paymentMethods: Kept<PaymentMethodsView>;
  refreshFavourites(): Promise<void>;
  saveFavourite(favourite: FavouriteRequest): Promise<void>;
  removeFavourite(favouriteId: string): Promise<void>;
  moveFavouriteUp(favouriteId: string): Promise<void>;
  refreshPaymentMethods(): Promise<void>;
}

export const createFavouritesSlice =
  (host: HostClient): StateCreator<FavouritesSlice, [], [], FavouritesSlice> =>
  (set, get, store) => ({
    favourites: emptyKept(),
    paymentMethods: emptyKept(),

    refreshFavourites: () => refreshKept(store, 'favourites', () => host.call('favourites.list')),
    saveFavourite: async (favourite) => {
      const value = await host.call('favourites.add', { favouriteId: newClientId(), favourite });
      set({ favourites: keptValue(value) });
    },
    removeFavourite: async (favouriteId) => {
      set({ favourites: keptValue(await host.call('favourites.remove', { favouriteId })) });
    },
    moveFavouriteUp: async (favouriteId) => {
      const ids = (get().favourites.value?.favourites ?? []).map((f) => f.id);
      const i = ids.indexOf(favouriteId);
      if (i <= 0) return;
      [ids[i - 1], ids[i]] = [ids[i]!, ids[i - 1]!];
      set({ favourites: keptValue(await host.call('favourites.reorder', { favouriteIds: ids })) });
    },

    refreshPaymentMethods: () =>
      refreshKept(store, 'paymentMethods', () => host.call('payments.list')),
  });

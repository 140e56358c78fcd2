import type { HostServices } from '../services.ts';
import type { NamespaceHandlers } from './types.ts';

export function favouritesHandlers({
  favourites,
  paymentMethods,
}: Pick<HostServices, 'favourites' | 'paymentMethods'>): NamespaceHandlers<
  'favourites' | 'payments'
> {
  return {
    'favourites.list': () => favourites.favourites(),
    'favourites.add': (input) => favourites.addFavourite(input.favouriteId, input.favourite),
    'favourites.remove': (input) => favourites.removeFavourite(input.favouriteId),
    'favourites.reorder': (input) => favourites.reorderFavourites(input.favouriteIds),
    'payments.list': () => paymentMethods.list(),
  };
}

import type { Favourite, FavouriteRequest } from '../../../common/cloudApi/favourites.schema.ts';
import type { OrderRequest } from '../../../common/cloudApi/orders.schema.ts';
import type { LocalOrder } from '../../../common/hostApi/commerce.schema.ts';
import { limitText } from '../../safety/LimitedText.tsx';

/** The cloud's limit on a favourite's label. */
const LABEL_MAX = 40;

/**
 * A favourite made from an order, named without typing (no keyboard in the car): the first item,
 * and how many more there are.
 */
export function favouriteFromOrder(order: LocalOrder, unnamed: string): FavouriteRequest {
  const { summary } = order;
  const first = summary.lines[0];
  const more = summary.lines.length - 1;
  const name = first?.name ?? unnamed;
  const label = more > 0 ? `${limitText(name, LABEL_MAX - 4)} +${more}` : name;
  return {
    label: limitText(label, LABEL_MAX),
    merchantId: summary.merchantId,
    fulfilment: summary.fulfilment,
    lines: summary.lines.map((l) => ({
      itemId: l.itemId,
      quantity: l.quantity,
      optionIds: l.options.map((o) => o.id),
    })),
  };
}

const lineKey = (l: { itemId: string; quantity: number; optionIds: readonly string[] }) =>
  `${l.itemId}*${l.quantity}[${[...l.optionIds].sort().join(',')}]`;

/** The saved favourite with the same merchant and lines as this order, if any. */
export function matchingFavourite(
  order: LocalOrder,
  favourites: readonly Favourite[],
): Favourite | undefined {
  const wanted = favouriteFromOrder(order, '')
    .lines.map((l) => lineKey({ ...l, optionIds: l.optionIds ?? [] }))
    .sort()
    .join('|');
  return favourites.find(
    (f) =>
      f.merchantId === order.summary.merchantId && f.lines.map(lineKey).sort().join('|') === wanted,
  );
}

/**
 * The order a favourite stands for, paid with the given saved method, at the price last shown.
 * With a pickup time (a combined stop) it is collected at the counter then, whatever the
 * favourite's usual fulfilment.
 */
export function orderFromFavourite(
  favourite: Favourite,
  paymentMethodId: string,
  pickupAt?: Date,
): OrderRequest {
  return {
    merchantId: favourite.merchantId,
    currency: favourite.currency,
    fulfilment: pickupAt ? 'pickup' : favourite.fulfilment,
    ...(pickupAt ? { pickupAt: pickupAt.toISOString() } : {}),
    paymentMethodId,
    lines: favourite.lines.map((l) => ({
      itemId: l.itemId,
      quantity: l.quantity,
      optionIds: l.optionIds,
    })),
    ...(favourite.totalMinor === null ? {} : { expectedTotalMinor: favourite.totalMinor }),
  };
}

import type {
  Fulfilment,
  MerchantCategory,
  MerchantDetail,
} from '../../common/cloudApi/catalog.schema.ts';
import type { OpeningHours } from '../../common/openingHours.ts';
import type { OrderRequest } from '../../common/cloudApi/orders.schema.ts';
import { priceOrder, type PriceBreakdown, type TaxRule } from '../../common/money.ts';

/**
 * The cart: what will be ordered from one merchant, with the menu's prices so the car can show a
 * total (the cloud prices the order itself and refuses it if that total no longer holds).
 * Pure functions over plain data; the store keeps the current cart.
 */

/** The cloud's MAX_ORDER_LINES (common/cloudApi/orders.schema.ts, not imported: zod stays out of the bundle). */
export const MAX_CART_LINES = 20;

export interface CartMerchant {
  id: string;
  name: string;
  currency: string;
  tax: TaxRule;
  deliversToCar: boolean;
  category: MerchantCategory;
  /** For the drop-off times a vehicle service offers at checkout. */
  openingHours: OpeningHours;
}

export interface CartLine {
  /** Item plus its options: the same choice twice is one line with a higher quantity. */
  key: string;
  itemId: string;
  name: string;
  optionIds: string[];
  optionNames: string[];
  quantity: number;
  maxQuantity: number;
  baseMinor: number;
  optionDeltasMinor: number[];
}

export interface Cart {
  merchant: CartMerchant;
  lines: CartLine[];
  fulfilment: Fulfilment;
}

export type NewLine = Omit<CartLine, 'key'>;

export function cartMerchantOf(merchant: MerchantDetail): CartMerchant {
  return {
    id: merchant.id,
    name: merchant.name,
    currency: merchant.currency,
    tax: { rateBp: merchant.tax.rateBp, included: merchant.tax.included },
    deliversToCar: merchant.deliversToCar,
    category: merchant.category,
    openingHours: merchant.openingHours,
  };
}

function lineKey(itemId: string, optionIds: readonly string[]): string {
  return `${itemId}|${[...optionIds].sort().join(',')}`;
}

/**
 * Adds a line. A cart holds one merchant: adding from another starts a new cart (the screen asks
 * first). Returns null when the cart is full.
 */
export function addLine(cart: Cart | null, merchant: CartMerchant, line: NewLine): Cart | null {
  const base: Cart =
    cart && cart.merchant.id === merchant.id ? cart : { merchant, lines: [], fulfilment: 'pickup' };
  const key = lineKey(line.itemId, line.optionIds);
  const existing = base.lines.find((l) => l.key === key);
  if (existing) {
    const quantity = Math.min(existing.maxQuantity, existing.quantity + line.quantity);
    return {
      ...base,
      lines: base.lines.map((l) => (l.key === key ? { ...l, quantity } : l)),
    };
  }
  if (base.lines.length >= MAX_CART_LINES) return null;
  return { ...base, lines: [...base.lines, { ...line, key }] };
}

/** Sets a line's quantity; 0 removes the line, and the last line removed empties the cart. */
export function setLineQuantity(cart: Cart, key: string, quantity: number): Cart | null {
  const lines = cart.lines
    .map((l) => (l.key === key ? { ...l, quantity: Math.min(l.maxQuantity, quantity) } : l))
    .filter((l) => l.quantity > 0);
  return lines.length === 0 ? null : { ...cart, lines };
}

export function itemCount(cart: Cart | null): number {
  return cart ? cart.lines.reduce((n, l) => n + l.quantity, 0) : 0;
}

export function cartPrice(cart: Cart): PriceBreakdown {
  return priceOrder(
    cart.lines.map((l) => ({
      baseMinor: l.baseMinor,
      optionDeltasMinor: l.optionDeltasMinor,
      quantity: l.quantity,
    })),
    cart.merchant.tax,
  );
}

/** The request the host stores and sends; the displayed total goes along so a changed price is caught. */
/** The order for the cart; `pickupAt` is a service's drop-off time when one was chosen. */
export function orderRequestOf(cart: Cart, paymentMethodId: string, pickupAt?: Date): OrderRequest {
  return {
    ...(pickupAt ? { pickupAt: pickupAt.toISOString() } : {}),
    merchantId: cart.merchant.id,
    currency: cart.merchant.currency,
    fulfilment: cart.fulfilment,
    paymentMethodId,
    lines: cart.lines.map((l) => ({
      itemId: l.itemId,
      quantity: l.quantity,
      optionIds: l.optionIds,
    })),
    expectedTotalMinor: cartPrice(cart).totalMinor,
  };
}

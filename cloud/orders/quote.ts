import type { MenuItem } from '../../common/cloudApi/catalog.schema.ts';
import type { OrderLine } from '../../common/cloudApi/orders.schema.ts';
import { MoneyError, priceOrder, type PriceBreakdown } from '../../common/money.ts';
import type { CatalogueMerchant } from '../catalogue/merchant.ts';
import { unprocessable } from '../http/errors.ts';

export interface LineChoice {
  itemId: string;
  quantity: number;
  optionIds: readonly string[];
}

export interface Quote extends Omit<PriceBreakdown, 'lines'> {
  lines: OrderLine[];
  /** Items on the order that the merchant currently marks sold out. */
  soldOutItemIds: string[];
}

function findItem(merchant: CatalogueMerchant, itemId: string): MenuItem | undefined {
  for (const section of merchant.menu.sections) {
    const item = section.items.find((i) => i.id === itemId);
    if (item) return item;
  }
  return undefined;
}

/**
 * Checks every line against the merchant's current menu and prices it there. The car's idea of a
 * price is never read: only item ids, option ids and quantities come from the request. Failures
 * are 422s whose issue path (`<prefix>.<line>.<field>`) points at the offending choice.
 */
export function quoteLines(
  merchant: CatalogueMerchant,
  lines: readonly LineChoice[],
  pathPrefix = 'body.lines',
): Quote {
  const resolved = lines.map((line, n) => {
    const at = `${pathPrefix}.${n}`;
    const item = findItem(merchant, line.itemId);
    if (!item) {
      throw unprocessable(
        'unknown_item',
        `${merchant.name} has no item ${line.itemId}`,
        `${at}.itemId`,
      );
    }
    if (
      !Number.isSafeInteger(line.quantity) ||
      line.quantity < 1 ||
      line.quantity > item.maxQuantity
    ) {
      throw unprocessable(
        'quantity_out_of_range',
        `Quantity of ${item.id} must be 1 to ${item.maxQuantity}, not ${line.quantity}`,
        `${at}.quantity`,
      );
    }
    const chosen = new Set<string>();
    line.optionIds.forEach((optionId, k) => {
      if (chosen.has(optionId)) {
        throw unprocessable(
          'invalid_options',
          `Option ${optionId} chosen twice`,
          `${at}.optionIds.${k}`,
        );
      }
      chosen.add(optionId);
      const exists = item.optionGroups.some((g) => g.options.some((o) => o.id === optionId));
      if (!exists) {
        throw unprocessable(
          'unknown_option',
          `${item.id} has no option ${optionId}`,
          `${at}.optionIds.${k}`,
        );
      }
    });
    const options = [];
    for (const group of item.optionGroups) {
      const picked = group.options.filter((o) => chosen.has(o.id));
      if (picked.length < group.min || picked.length > group.max) {
        const rule =
          group.min === group.max
            ? `exactly ${group.min}`
            : group.min === 0
              ? `at most ${group.max}`
              : `${group.min} to ${group.max}`;
        throw unprocessable(
          'invalid_options',
          `${item.id}: choose ${rule} of ${group.id} (${group.options.map((o) => o.id).join(', ')})`,
          `${at}.optionIds`,
        );
      }
      options.push(...picked);
    }
    return { item, quantity: line.quantity, options };
  });

  let priced: PriceBreakdown;
  try {
    priced = priceOrder(
      resolved.map((r) => ({
        baseMinor: r.item.priceMinor,
        optionDeltasMinor: r.options.map((o) => o.priceDeltaMinor),
        quantity: r.quantity,
      })),
      merchant.tax,
    );
  } catch (error) {
    // Only a menu whose discounts exceed a price gets here; the choice cannot be priced.
    if (error instanceof MoneyError)
      throw unprocessable('invalid_options', error.message, pathPrefix);
    throw error;
  }
  return {
    subtotalMinor: priced.subtotalMinor,
    taxMinor: priced.taxMinor,
    totalMinor: priced.totalMinor,
    lines: resolved.map((r, n) => ({
      itemId: r.item.id,
      name: r.item.name,
      quantity: r.quantity,
      // Menu order, whatever order the car listed them in: the same choice prices the same.
      options: r.options.map((o) => ({
        id: o.id,
        name: o.name,
        priceDeltaMinor: o.priceDeltaMinor,
      })),
      unitPriceMinor: priced.lines[n]?.unitPriceMinor ?? 0,
      lineTotalMinor: priced.lines[n]?.lineTotalMinor ?? 0,
    })),
    soldOutItemIds: resolved.filter((r) => !r.item.available).map((r) => r.item.id),
  };
}

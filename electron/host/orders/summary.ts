import type { MerchantDetail } from '../../../common/cloudApi/catalog.schema.ts';
import type { Order, ParsedOrderRequest } from '../../../common/cloudApi/orders.schema.ts';
import type { OrderSummary } from '../../../common/hostApi/commerce.schema.ts';
import { priceOrder } from '../../../common/money.ts';

/**
 * Names a request from the cached menu, so a queued order can be shown while offline ("2 ×
 * Flat white, oat milk") and after a restart. Prices here are an estimate for display: the
 * cloud prices the order itself.
 */
export function summarise(
  request: ParsedOrderRequest,
  merchant: MerchantDetail | null,
): OrderSummary {
  const items = new Map(
    (merchant?.menu.sections ?? []).flatMap((s) => s.items.map((i) => [i.id, i] as const)),
  );
  const lines = request.lines.map((line) => {
    const item = items.get(line.itemId);
    const options = new Map(
      (item?.optionGroups ?? []).flatMap((g) => g.options.map((o) => [o.id, o] as const)),
    );
    return {
      itemId: line.itemId,
      name: item?.name ?? null,
      quantity: line.quantity,
      options: line.optionIds.map((id) => ({ id, name: options.get(id)?.name ?? null })),
      priced: item
        ? {
            baseMinor: item.priceMinor,
            optionDeltasMinor: line.optionIds.map((id) => options.get(id)?.priceDeltaMinor),
            quantity: line.quantity,
          }
        : null,
    };
  });
  return {
    merchantId: request.merchantId,
    merchantName: merchant?.name ?? null,
    fulfilment: request.fulfilment,
    currency: request.currency,
    lines: lines.map(({ priced: _priced, ...line }) => line),
    estimatedTotalMinor: merchant
      ? estimate(
          lines.map((l) => l.priced),
          merchant,
        )
      : null,
    note: request.note,
    category: merchant?.category ?? null,
    pickupAt: request.pickupAt ?? null,
  };
}

function estimate(
  lines: ({
    baseMinor: number;
    optionDeltasMinor: (number | undefined)[];
    quantity: number;
  } | null)[],
  merchant: MerchantDetail,
): number | null {
  const known = [];
  for (const line of lines) {
    if (!line || line.optionDeltasMinor.some((d) => d === undefined)) return null;
    known.push({ ...line, optionDeltasMinor: line.optionDeltasMinor as number[] });
  }
  try {
    return priceOrder(known, merchant.tax).totalMinor;
  } catch {
    return null; // a quantity the cloud will refuse anyway; no estimate
  }
}

/** For an order the car knows only from the cloud (placed before this database existed). */
export function summaryFromOrder(order: Order): OrderSummary {
  return {
    merchantId: order.merchantId,
    merchantName: order.merchantName,
    fulfilment: order.fulfilment,
    currency: order.currency,
    lines: order.lines.map((l) => ({
      itemId: l.itemId,
      name: l.name,
      quantity: l.quantity,
      options: l.options.map((o) => ({ id: o.id, name: o.name })),
    })),
    estimatedTotalMinor: order.totalMinor,
    note: order.note,
    category: null,
    pickupAt: order.pickupAt,
  };
}

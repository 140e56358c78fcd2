import { canonicalJson } from '../../common/canonicalJson.ts';
import { bookedForDropOff } from '../../common/orders/appointmentSlots.ts';
import { createHash, randomBytes } from 'node:crypto';
import type { Order, ParsedOrderRequest } from '../../common/cloudApi/orders.schema.ts';
import type { Logger } from '../../common/log.ts';
import {
  isCancellable,
  isTerminal,
  OrderTransitionError,
  type OrderState,
} from '../../common/orders/stateMachine.ts';
import type { PaymentStore } from '../account/payments.ts';
import type { CatalogueStore } from '../catalogue/store.ts';
import { ApiError, notFound, unprocessable } from '../http/errors.ts';
import { quoteLines } from './quote.ts';
import type { OrderPage, OrderStore, Since, StoredOrder } from './store.ts';

/** One change of one order, as listeners (push, simulator) receive it. */
export interface OrderChange {
  vehicleId: string;
  order: Order;
  cursor: string;
}

export interface OrderService {
  /** Idempotent by (vehicle, client order id): the same request again returns the same order. */
  create(
    vehicleId: string,
    clientOrderId: string,
    request: ParsedOrderRequest,
  ): { created: boolean; order: Order };
  get(vehicleId: string, clientOrderId: string): Order;
  list(vehicleId: string, since: string | undefined, limit: number): OrderPage;
  cancel(vehicleId: string, clientOrderId: string): Order;
  /** A merchant move (the simulator's). Null when the order is gone or already moved on. */
  advance(
    orderId: string,
    to: OrderState,
    rejectReason?: Order['rejectReason'],
  ): StoredOrder | null;
  findById(orderId: string): StoredOrder | null;
  active(): StoredOrder[];
  /** Called after every committed change; returns an unsubscribe function. */
  onChange(listener: (change: OrderChange) => void): () => void;
}

/** Equal orders hash equally: key order and the order options were listed in do not matter. */
export function requestDigest(request: ParsedOrderRequest): string {
  const normal = {
    ...request,
    lines: request.lines.map((l) => ({ ...l, optionIds: [...l.optionIds].sort() })),
  };
  return createHash('sha256').update(canonicalJson(normal)).digest('hex');
}

/** Letters and digits that cannot be misread for one another on a screen or read aloud. */
const CODE_ALPHABET = 'ACDEFHJKLMNPRTUVWXY3479';

/** A pickup time may lie a little behind (sent late from a tunnel) but not hours away. */
const PICKUP_PAST_MS = 15 * 60_000;
const PICKUP_AHEAD_MS = 3 * 60 * 60_000;
/** A vehicle service is booked for a drop-off time, up to two weeks ahead. */
const APPOINTMENT_AHEAD_MS = 14 * 24 * 60 * 60_000;

function checkPickupTime(pickupAt: string, now: Date, appointment: boolean): void {
  const offset = Date.parse(pickupAt) - now.getTime();
  const ahead = appointment ? APPOINTMENT_AHEAD_MS : PICKUP_AHEAD_MS;
  if (offset < -PICKUP_PAST_MS || offset > ahead) {
    throw unprocessable(
      'pickup_time_out_of_range',
      `The ${appointment ? 'drop-off' : 'pickup'} time ${pickupAt} is not within 15 minutes before and ${appointment ? '14 days' : '3 hours'} after ${now.toISOString()}`,
      'body.pickupAt',
    );
  }
}

function pickupCode(): string {
  return Array.from(randomBytes(4), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export function createOrderService(options: {
  store: OrderStore;
  catalogue: CatalogueStore;
  payments: PaymentStore;
  now: () => Date;
  log: Logger;
}): OrderService {
  const { store, catalogue, payments, now, log } = options;
  const listeners = new Set<(change: OrderChange) => void>();

  const publish = (stored: StoredOrder) => {
    const change = {
      vehicleId: stored.vehicleId,
      order: stored.order,
      cursor: String(stored.changeSeq),
    };
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        // A failing listener must not undo or block a committed change.
        log.error('order_listener_failed', { error: String(error) });
      }
    }
  };

  const mine = (vehicleId: string, clientOrderId: string): StoredOrder => {
    const stored = store.find(vehicleId, clientOrderId);
    if (!stored) throw notFound(`No order ${clientOrderId}`);
    return stored;
  };

  const conflict = () =>
    new ApiError(
      409,
      'idempotency_conflict',
      'This client order id was already used for a different order; use a new id',
    );

  return {
    create(vehicleId, clientOrderId, request) {
      const digest = requestDigest(request);
      const existing = store.find(vehicleId, clientOrderId);
      if (existing) {
        if (existing.requestSha256 !== digest) throw conflict();
        return { created: false, order: existing.order };
      }

      const merchant = catalogue.get(request.merchantId);
      if (!merchant) {
        throw unprocessable(
          'unknown_merchant',
          `No merchant ${request.merchantId}`,
          'body.merchantId',
        );
      }
      if (request.currency !== merchant.currency) {
        throw unprocessable(
          'currency_mismatch',
          `${merchant.name} charges in ${merchant.currency}, not ${request.currency}`,
          'body.currency',
        );
      }
      const at = now();
      // A service is booked for its drop-off time: the workshop must be open then, not now.
      const appointment = bookedForDropOff(merchant.category) && request.pickupAt !== undefined;
      if (request.pickupAt !== undefined) checkPickupTime(request.pickupAt, at, appointment);
      const open = catalogue.openState(merchant, appointment ? new Date(request.pickupAt!) : at);
      if (!open.open) {
        const next = open.nextChange ? ` (opens ${open.nextChange.time} local time)` : '';
        throw unprocessable(
          'merchant_closed',
          `${merchant.name} is closed${appointment ? ' at that time' : ''}${next}`,
          'body.merchantId',
        );
      }
      if (request.fulfilment === 'to_car' && !merchant.deliversToCar) {
        throw unprocessable(
          'fulfilment_unavailable',
          `${merchant.name} does not bring orders to the car`,
          'body.fulfilment',
        );
      }
      const payment = payments.get(vehicleId, request.paymentMethodId);
      if (!payment) {
        throw unprocessable(
          'unknown_payment_method',
          `No saved payment method ${request.paymentMethodId} for this vehicle`,
          'body.paymentMethodId',
        );
      }
      const quote = quoteLines(merchant, request.lines);
      if (
        request.expectedTotalMinor !== undefined &&
        request.expectedTotalMinor !== quote.totalMinor
      ) {
        throw unprocessable(
          'price_changed',
          `The total is now ${quote.totalMinor} ${merchant.currency} (minor units), not ${request.expectedTotalMinor}`,
          'body.expectedTotalMinor',
        );
      }

      const { created, stored } = store.insert({
        vehicleId,
        clientOrderId,
        orderId: `ord_${randomBytes(8).toString('hex')}`,
        requestSha256: digest,
        merchantId: merchant.id,
        at: at.toISOString(),
        snapshot: {
          merchantName: merchant.name,
          fulfilment: request.fulfilment,
          currency: merchant.currency,
          lines: quote.lines,
          subtotalMinor: quote.subtotalMinor,
          tax: { ...merchant.tax, amountMinor: quote.taxMinor },
          totalMinor: quote.totalMinor,
          payment: { id: payment.id, brand: payment.brand, last4: payment.last4 },
          note: request.note,
          pickupAt: request.pickupAt ?? null,
          pickupCode: pickupCode(),
        },
      });
      // Another writer (a second server process) stored this id first: same rules as above.
      if (!created) {
        if (stored.requestSha256 !== digest) throw conflict();
        return { created: false, order: stored.order };
      }
      log.info('order_created', {
        vehicle: vehicleId,
        order: stored.order.orderId,
        merchant: merchant.id,
        totalMinor: quote.totalMinor,
        currency: merchant.currency,
      });
      publish(stored);
      return { created: true, order: stored.order };
    },

    get(vehicleId, clientOrderId) {
      return mine(vehicleId, clientOrderId).order;
    },

    list(vehicleId, since, limit) {
      let from: Since = null;
      if (since !== undefined) {
        from = /^\d+$/.test(since)
          ? { cursor: Number(since) }
          : { time: new Date(since).toISOString() }; // one format, so text order is time order
      }
      return store.listSince(vehicleId, from, limit);
    },

    cancel(vehicleId, clientOrderId) {
      const current = mine(vehicleId, clientOrderId);
      if (current.order.state === 'cancelled') return current.order; // a retried cancel
      if (!isCancellable(current.order.state)) {
        throw new ApiError(
          409,
          'not_cancellable',
          `The order is ${current.order.state}; it can be cancelled only until preparation starts`,
        );
      }
      try {
        const stored = store.transition(
          current.order.orderId,
          'cancelled',
          'vehicle',
          now().toISOString(),
        );
        log.info('order_cancelled', { vehicle: vehicleId, order: stored.order.orderId });
        publish(stored);
        return stored.order;
      } catch (error) {
        if (!(error instanceof OrderTransitionError)) throw error;
        // The merchant moved it on between the read and the write.
        throw new ApiError(409, 'not_cancellable', error.message);
      }
    },

    advance(orderId, to, rejectReason = null) {
      const current = store.findById(orderId);
      if (!current || isTerminal(current.order.state)) return null;
      try {
        const stored = store.transition(orderId, to, 'merchant', now().toISOString(), rejectReason);
        publish(stored);
        return stored;
      } catch (error) {
        if (error instanceof OrderTransitionError) return null; // cancelled meanwhile
        throw error;
      }
    },

    findById: (orderId) => store.findById(orderId),
    active: () => store.active(),

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

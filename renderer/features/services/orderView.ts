import type { LocalOrder } from '../../../common/hostApi/commerce.schema.ts';
import {
  ORDER_PROGRESS,
  isTerminal,
  type OrderState,
} from '../../../common/orders/stateMachine.ts';

/** An order still on its way: stored, or sent and not yet finished. */
export function isActive(order: LocalOrder): boolean {
  if (order.delivery === 'queued') return true;
  if (order.delivery === 'failed') return false;
  return order.order !== null && !isTerminal(order.order.state);
}

/** How long a finished or refused order stays on the home screen, so its outcome is seen. */
export const OUTCOME_SHOWN_MS = 15 * 60_000;

/** A drop-off more than this far off is an appointment (its own card), not an order under way. */
const APPOINTMENT_AHEAD_MS = 30 * 60_000;

/** When a vehicle service booked for a time expects the car (ms since the epoch); null otherwise. */
export function serviceDropOff(order: LocalOrder): number | null {
  const at = order.summary.category === 'vehicle_service' ? order.summary.pickupAt : null;
  return at === null ? null : Date.parse(at);
}

function isLaterAppointment(order: LocalOrder, now: number): boolean {
  const at = serviceDropOff(order);
  return at !== null && at - now > APPOINTMENT_AHEAD_MS;
}

/** The order the home screen shows: the newest one in progress, or one that just ended. */
export function orderForHome(orders: readonly LocalOrder[], now: number): LocalOrder | null {
  const current = orders.filter((o) => !isLaterAppointment(o, now));
  const newest = current[0];
  if (!newest) return null;
  const active = current.find(isActive);
  if (active) return active;
  const endedAt = Date.parse(newest.order?.updatedAt ?? newest.sentAt ?? newest.queuedAt);
  return now - endedAt < OUTCOME_SHOWN_MS ? newest : null;
}

/** The i18n key (services namespace) of what is happening to the order now. */
export function stateKey(order: LocalOrder): string {
  if (order.delivery === 'failed') return `order.failure.${failureKey(order)}`;
  if (!order.order) return 'order.queuedState';
  const state = order.order.state;
  if (state === 'ready' && order.order.fulfilment === 'to_car') return 'order.state.readyToCar';
  return `order.state.${state}`;
}

function failureKey(order: LocalOrder): string {
  switch (order.failure?.code) {
    case 'merchant_closed':
    case 'price_changed':
    case 'unknown_payment_method':
      return order.failure.code;
    case 'unknown_item':
    case 'unknown_option':
    case 'invalid_options':
    case 'unknown_merchant':
      return 'menu_changed';
    default:
      return 'generic';
  }
}

/** Steps reached on the happy path (0 while only stored in the car). */
export function stepsDone(order: LocalOrder): number {
  if (order.delivery !== 'sent' || !order.order) return 0;
  const i = ORDER_PROGRESS.indexOf(order.order.state);
  return i < 0 ? 0 : i + 1;
}

export const PROGRESS_STEPS: readonly OrderState[] = ORDER_PROGRESS;

/** The total to show: the cloud's once it priced the order, until then the car's estimate. */
export function orderTotal(order: LocalOrder): { minor: number; estimated: boolean } | null {
  if (order.order) return { minor: order.order.totalMinor, estimated: false };
  const estimate = order.summary.estimatedTotalMinor;
  return estimate === null ? null : { minor: estimate, estimated: true };
}

/** The pickup code, once the merchant has the order and while it still matters. */
export function pickupCode(order: LocalOrder): string | null {
  const o = order.order;
  if (!o || o.state === 'rejected' || o.state === 'cancelled' || o.state === 'submitted') {
    return null;
  }
  return o.pickupCode;
}

import type { Order } from '../../common/cloudApi/orders.schema.ts';
import type { Logger } from '../../common/log.ts';
import { isTerminal, nextOnHappyPath, type OrderState } from '../../common/orders/stateMachine.ts';
import type { CatalogueStore } from '../catalogue/store.ts';
import type { OrderService } from './service.ts';

/**
 * Plays every merchant: each open order moves one step along submitted → accepted → preparing →
 * ready → completed, `stepMs` after its last change. The one refusal, documented and
 * deterministic: an order containing an item the menu marks sold out (`available: false`) is
 * rejected (reason `item_sold_out`) instead of accepted.
 *
 * The schedule is derived from the stored orders (state and `updatedAt`), so after a restart the
 * simulator picks every open order up where it was, and catches up at once on overdue steps.
 * `stepMs` 0 turns the simulator off: orders then stay where they are. An order for a later time
 * stays accepted until shortly before it.
 */
export interface MerchantSimulator {
  close(): void;
}

export function startMerchantSimulator(options: {
  orders: OrderService;
  catalogue: CatalogueStore;
  stepMs: number;
  now: () => Date;
  log: Logger;
}): MerchantSimulator {
  const { orders, catalogue, stepMs, now, log } = options;
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const soldOutItems = (order: Order): string[] => {
    const merchant = catalogue.get(order.merchantId);
    if (!merchant) return [];
    const unavailable = new Set(
      merchant.menu.sections.flatMap((s) => s.items.filter((i) => !i.available).map((i) => i.id)),
    );
    return order.lines.map((l) => l.itemId).filter((id) => unavailable.has(id));
  };

  const step = (orderId: string) => {
    timers.delete(orderId);
    if (closed) return;
    const current = orders.findById(orderId);
    if (!current || isTerminal(current.order.state)) return;
    const { order } = current;
    let to: OrderState | null = nextOnHappyPath(order.state);
    let reason: Order['rejectReason'] = null;
    if (order.state === 'submitted' && soldOutItems(order).length > 0) {
      to = 'rejected';
      reason = 'item_sold_out';
    }
    if (!to) return;
    try {
      // The change listener below schedules the following step.
      orders.advance(orderId, to, reason);
      log.debug('simulator_step', { order: orderId, to });
    } catch (error) {
      log.error('simulator_step_failed', { order: orderId, to, error: String(error) });
    }
  };

  const schedule = (order: Order) => {
    const previous = timers.get(order.orderId);
    if (previous) clearTimeout(previous);
    timers.delete(order.orderId);
    if (closed || stepMs === 0 || isTerminal(order.state)) return;
    let due = Date.parse(order.updatedAt) + stepMs;
    // An order for a time (a combined stop's pickup, a service drop-off) waits, accepted, until
    // two steps before that time: the merchant times it, rather than finishing it hours early.
    const held = order.state === 'accepted' && order.pickupAt !== null;
    if (held) due = Math.max(due, Date.parse(order.pickupAt!) - 2 * stepMs);
    const wait = due - now().getTime();
    const delay = Math.max(0, held ? wait : Math.min(wait, stepMs));
    const timer = setTimeout(() => step(order.orderId), delay);
    timers.set(order.orderId, timer);
  };

  const unsubscribe = orders.onChange(({ order }) => schedule(order));
  const resumed = orders.active();
  for (const { order } of resumed) schedule(order);
  if (resumed.length > 0) log.info('simulator_resumed', { orders: resumed.length });

  return {
    close() {
      closed = true;
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

import type { DatabaseSync } from 'node:sqlite';
import {
  OrderRequestSchema,
  type Order,
  type OrderRequest,
} from '../../../common/cloudApi/orders.schema.ts';
import type { LocalOrder, LocalOrderList } from '../../../common/hostApi/commerce.schema.ts';
import type { Logger } from '../../../common/log.ts';
import type { CloudCache } from '../cache/cloudCache.ts';
import { HostFailure } from '../dispatch.ts';
import { transaction } from '../../../common/node/transaction.ts';
import type { OrderStore } from './orderStore.ts';
import { IdempotencyConflict, type Outbox } from './outbox.ts';
import { summarise, summaryFromOrder } from './summary.ts';

/** The renderer's list shows recent orders; older ones stay in the database. */
const LIST_LIMIT = 100;

/**
 * Orders as the renderer sees them: the outbox's delivery state joined with the cloud's latest
 * version of the order. Every change of either reaches the renderer as an `orders.updated` event.
 */
export class OrderService {
  private readonly db: DatabaseSync;
  private readonly outbox: Outbox;
  private readonly store: OrderStore;
  private readonly cache: CloudCache;
  private readonly emit: (order: LocalOrder) => void;
  private readonly log: Logger;

  constructor(options: {
    db: DatabaseSync;
    outbox: Outbox;
    store: OrderStore;
    cache: CloudCache;
    emit: (order: LocalOrder) => void;
    log: Logger;
  }) {
    this.db = options.db;
    this.outbox = options.outbox;
    this.store = options.store;
    this.cache = options.cache;
    this.emit = options.emit;
    this.log = options.log;
  }

  /**
   * Stores the order in the outbox and returns once it is on disk, queued; sending follows.
   * Placing the same id with the same request again returns the order as it stands.
   */
  place(clientOrderId: string, input: OrderRequest): LocalOrder {
    // Defaults filled in (no options, empty note), so equal orders compare equal.
    const request = OrderRequestSchema.parse(input);
    const merchant = this.cache.getMerchant(request.merchantId, new Date())?.value ?? null;
    try {
      this.outbox.enqueue(clientOrderId, request, summarise(request, merchant));
    } catch (error) {
      if (error instanceof IdempotencyConflict) throw new HostFailure('conflict', error.message);
      throw error;
    }
    return this.view(clientOrderId) as LocalOrder;
  }

  get(clientOrderId: string): LocalOrder {
    const order = this.view(clientOrderId);
    if (!order) throw new HostFailure('not_found', `No order ${clientOrderId}`);
    return order;
  }

  list(): LocalOrderList {
    const rows = this.db
      .prepare(
        `SELECT client_order_id AS id, queued_at AS at FROM outbox
         UNION ALL
         SELECT client_order_id AS id, created_at AS at FROM orders
           WHERE client_order_id NOT IN (SELECT client_order_id FROM outbox)
         ORDER BY at DESC LIMIT ${LIST_LIMIT}`,
      )
      .all() as { id: string }[];
    return { orders: rows.map((r) => this.view(r.id)).filter((o) => o !== null) };
  }

  /** Applies orders the cloud reported (push or resync), the cursor with them in one transaction. */
  applyFromCloud(orders: readonly Order[], cursor?: string): void {
    const changed = transaction(this.db, () => {
      const ids = orders.filter((o) => this.store.apply(o)).map((o) => o.clientOrderId);
      if (cursor !== undefined) this.store.setCursor(cursor);
      return ids;
    });
    for (const id of new Set(changed)) this.notify(id);
  }

  /** Tells the renderer where an order stands now. */
  notify(clientOrderId: string): void {
    try {
      const order = this.view(clientOrderId);
      if (order) this.emit(order);
    } catch (error) {
      this.log.error('orders.notify_failed', { clientOrderId, error: String(error) });
    }
  }

  view(clientOrderId: string): LocalOrder | null {
    const entry = this.outbox.get(clientOrderId);
    const order = this.store.get(clientOrderId);
    if (!entry) {
      if (!order) return null;
      return {
        clientOrderId,
        delivery: 'sent',
        failure: null,
        order,
        summary: summaryFromOrder(order),
        queuedAt: order.createdAt,
        sentAt: order.createdAt,
        attempts: 0,
      };
    }
    return {
      clientOrderId,
      // The cloud may report an order before its send is marked (a crash in between): it is there.
      delivery: entry.status === 'queued' && order ? 'sent' : entry.status,
      failure: entry.failure,
      order,
      summary: entry.summary,
      queuedAt: entry.queuedAt,
      sentAt: entry.sentAt ?? (order ? order.createdAt : null),
      attempts: entry.attempts,
    };
  }
}

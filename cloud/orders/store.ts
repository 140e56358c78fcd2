import type { DatabaseSync } from 'node:sqlite';
import { readTransaction, transaction } from '../../common/node/transaction.ts';
import type { Fulfilment } from '../../common/cloudApi/catalog.schema.ts';
import type { Order, OrderLine } from '../../common/cloudApi/orders.schema.ts';
import type { PaymentMethod } from '../../common/cloudApi/payments.schema.ts';
import {
  assertTransition,
  type OrderActor,
  type OrderState,
} from '../../common/orders/stateMachine.ts';

/** What an order fixes at creation: the merchant's names and prices of that moment. */
export interface OrderSnapshot {
  merchantName: string;
  fulfilment: Fulfilment;
  currency: string;
  lines: OrderLine[];
  subtotalMinor: number;
  tax: { rateBp: number; included: boolean; amountMinor: number };
  totalMinor: number;
  payment: Pick<PaymentMethod, 'id' | 'brand' | 'last4'>;
  note: string;
  /** Absent in orders stored before pickup times existed. */
  pickupAt?: string | null;
  pickupCode: string;
}

export interface NewOrder {
  vehicleId: string;
  clientOrderId: string;
  orderId: string;
  requestSha256: string;
  merchantId: string;
  snapshot: OrderSnapshot;
  at: string;
}

export interface StoredOrder {
  vehicleId: string;
  requestSha256: string;
  /** This order's last change in its vehicle's change sequence: the resync cursor. */
  changeSeq: number;
  order: Order;
}

export type Since = { cursor: number } | { time: string } | null;

export interface OrderPage {
  orders: StoredOrder[];
  cursor: number;
  hasMore: boolean;
}

export interface OrderStore {
  find(vehicleId: string, clientOrderId: string): StoredOrder | null;
  findById(orderId: string): StoredOrder | null;
  /** Creates the order, or returns the one already stored under the same client order id. */
  insert(order: NewOrder): { created: boolean; stored: StoredOrder };
  /** Moves an order on, checking the state machine; throws OrderTransitionError if forbidden. */
  transition(
    orderId: string,
    to: OrderState,
    actor: OrderActor,
    at: string,
    rejectReason?: Order['rejectReason'],
  ): StoredOrder;
  listSince(vehicleId: string, since: Since, limit: number): OrderPage;
  /** Orders not yet in a terminal state, oldest change first (for the simulator on start). */
  active(): StoredOrder[];
}

interface OrderRow {
  vehicle_id: string;
  client_order_id: string;
  order_id: string;
  request_sha256: string;
  merchant_id: string;
  state: OrderState;
  reject_reason: string | null;
  snapshot_json: string;
  version: number;
  change_seq: number;
  created_at: string;
  updated_at: string;
}

const ACTIVE = `('submitted', 'accepted', 'preparing', 'ready')`;

export function createOrderStore(db: DatabaseSync): OrderStore {
  const history = (orderId: string) =>
    db
      .prepare('SELECT state, at FROM order_history WHERE order_id = ? ORDER BY rowid')
      .all(orderId) as { state: OrderState; at: string }[];

  const toStored = (row: OrderRow): StoredOrder => {
    const s = JSON.parse(row.snapshot_json) as OrderSnapshot;
    return {
      vehicleId: row.vehicle_id,
      requestSha256: row.request_sha256,
      changeSeq: row.change_seq,
      order: {
        clientOrderId: row.client_order_id,
        orderId: row.order_id,
        merchantId: row.merchant_id,
        merchantName: s.merchantName,
        state: row.state,
        fulfilment: s.fulfilment,
        currency: s.currency,
        lines: s.lines,
        subtotalMinor: s.subtotalMinor,
        tax: s.tax,
        totalMinor: s.totalMinor,
        payment: s.payment,
        note: s.note,
        pickupAt: s.pickupAt ?? null,
        pickupCode: s.pickupCode,
        rejectReason: row.reject_reason as Order['rejectReason'],
        history: history(row.order_id),
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
    };
  };

  const one = (sql: string, ...args: string[]) => {
    const row = db.prepare(sql).get(...args) as OrderRow | undefined;
    return row ? toStored(row) : null;
  };
  const find = (vehicleId: string, clientOrderId: string) =>
    one(
      'SELECT * FROM orders WHERE vehicle_id = ? AND client_order_id = ?',
      vehicleId,
      clientOrderId,
    );
  const findById = (orderId: string) => one('SELECT * FROM orders WHERE order_id = ?', orderId);

  const nextSeq = (vehicleId: string): number => {
    const row = db
      .prepare('UPDATE vehicles SET change_seq = change_seq + 1 WHERE id = ? RETURNING change_seq')
      .get(vehicleId) as { change_seq: number } | undefined;
    if (!row) throw new Error(`unknown vehicle ${vehicleId}`);
    return row.change_seq;
  };

  return {
    find,
    findById,

    insert(n) {
      return transaction(db, () => {
        // Inside the write transaction, so a concurrent writer cannot slip in between.
        const existing = find(n.vehicleId, n.clientOrderId);
        if (existing) return { created: false, stored: existing };
        const seq = nextSeq(n.vehicleId);
        db.prepare(
          `INSERT INTO orders (vehicle_id, client_order_id, order_id, request_sha256, merchant_id,
             state, reject_reason, snapshot_json, version, change_seq, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'submitted', NULL, ?, 1, ?, ?, ?)`,
        ).run(
          n.vehicleId,
          n.clientOrderId,
          n.orderId,
          n.requestSha256,
          n.merchantId,
          JSON.stringify(n.snapshot),
          seq,
          n.at,
          n.at,
        );
        db.prepare(
          `INSERT INTO order_history (order_id, state, at) VALUES (?, 'submitted', ?)`,
        ).run(n.orderId, n.at);
        return { created: true, stored: findById(n.orderId) as StoredOrder };
      });
    },

    transition(orderId, to, actor, at, rejectReason = null) {
      return transaction(db, () => {
        const current = findById(orderId);
        if (!current) throw new Error(`unknown order ${orderId}`);
        assertTransition(current.order.state, to, actor);
        const seq = nextSeq(current.vehicleId);
        db.prepare(
          `UPDATE orders SET state = ?, reject_reason = ?, version = version + 1, change_seq = ?,
             updated_at = ? WHERE order_id = ?`,
        ).run(to, rejectReason, seq, at, orderId);
        db.prepare('INSERT INTO order_history (order_id, state, at) VALUES (?, ?, ?)').run(
          orderId,
          to,
          at,
        );
        return findById(orderId) as StoredOrder;
      });
    },

    listSince(vehicleId, since, limit) {
      // One read transaction: the page and the vehicle's counter describe the same moment.
      return readTransaction(db, () => {
        const counter = (
          db.prepare('SELECT change_seq FROM vehicles WHERE id = ?').get(vehicleId) as {
            change_seq: number;
          }
        ).change_seq;
        // A cursor from the future comes from before a server reset: resync everything.
        const from = since && 'cursor' in since && since.cursor > counter ? null : since;
        const where =
          from === null
            ? { sql: '', args: [] as (string | number)[] }
            : 'cursor' in from
              ? { sql: 'AND change_seq > ?', args: [from.cursor] }
              : { sql: 'AND updated_at > ?', args: [from.time] };
        const rows = db
          .prepare(
            `SELECT * FROM orders WHERE vehicle_id = ? ${where.sql} ORDER BY change_seq LIMIT ?`,
          )
          .all(vehicleId, ...where.args, limit + 1) as unknown as OrderRow[];
        const hasMore = rows.length > limit;
        const page = rows.slice(0, limit).map(toStored);
        // A full page resumes after its last change; otherwise everything up to now was seen.
        const cursor = hasMore ? (page[page.length - 1]?.changeSeq ?? 0) : counter;
        return { orders: page, cursor, hasMore };
      });
    },

    active() {
      const rows = db
        .prepare(`SELECT * FROM orders WHERE state IN ${ACTIVE} ORDER BY updated_at, order_id`)
        .all() as unknown as OrderRow[];
      return rows.map(toStored);
    },
  };
}

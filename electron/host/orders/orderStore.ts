import type { DatabaseSync } from 'node:sqlite';
import { OrderSchema, type Order } from '../../../common/cloudApi/orders.schema.ts';

const CURSOR_KEY = 'orders.cursor';

/**
 * The latest known version of each order, as the cloud reported it (in a PUT reply, a push event
 * or a resync page). Those arrive out of order, so a version never replaces a newer one.
 */
export class OrderStore {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /** Stores `order` unless the same or a newer version is held; true when something changed. */
  apply(order: Order): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO orders (client_order_id, order_json, version, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (client_order_id) DO UPDATE SET order_json = excluded.order_json,
           version = excluded.version, state = excluded.state, updated_at = excluded.updated_at
         WHERE excluded.version > orders.version`,
      )
      .run(
        order.clientOrderId,
        JSON.stringify(order),
        order.version,
        order.state,
        order.createdAt,
        order.updatedAt,
      );
    return Number(result.changes) > 0;
  }

  get(clientOrderId: string): Order | null {
    const row = this.db
      .prepare('SELECT order_json FROM orders WHERE client_order_id = ?')
      .get(clientOrderId) as { order_json: string } | undefined;
    if (!row) return null;
    // Written by this host after validation; checked again because the file can be damaged.
    const parsed = OrderSchema.safeParse(safeJson(row.order_json));
    return parsed.success ? parsed.data : null;
  }

  /** Where the last resync ended; null before the first. */
  cursor(): string | null {
    const row = this.db.prepare('SELECT value FROM sync_state WHERE key = ?').get(CURSOR_KEY) as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  setCursor(cursor: string): void {
    this.db
      .prepare(
        'INSERT INTO sync_state (key, value) VALUES (?, ?) ' +
          'ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(CURSOR_KEY, cursor);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

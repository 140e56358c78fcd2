import { canonicalJson } from '../../../common/canonicalJson.ts';
import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { CLOUD_ERROR_CODES, type CloudErrorCode } from '../../../common/cloudApi/errors.schema.ts';
import {
  OrderRequestSchema,
  type Order,
  type ParsedOrderRequest,
} from '../../../common/cloudApi/orders.schema.ts';
import { orderSummarySchema, type OrderSummary } from '../../../common/hostApi/commerce.schema.ts';
import type { Logger } from '../../../common/log.ts';
import { backoffDelay, type BackoffPolicy } from '../cloudClient/backoff.ts';
import { CloudError } from '../cloudClient/client.ts';
import { transaction } from '../../../common/node/transaction.ts';
import type { OrderStore } from './orderStore.ts';

export type OutboxStatus = 'queued' | 'sent' | 'failed';

export interface OutboxEntry {
  clientOrderId: string;
  request: ParsedOrderRequest;
  requestSha256: string;
  summary: OrderSummary;
  status: OutboxStatus;
  attempts: number;
  /** ms since the epoch; the flusher leaves the entry alone before then. */
  nextAttemptAt: number;
  lastError: string | null;
  failure: { code: CloudErrorCode; message: string } | null;
  queuedAt: string;
  sentAt: string | null;
}

/** The same client order id was already used for a different request. */
export class IdempotencyConflict extends Error {
  constructor(clientOrderId: string) {
    super(`Order ${clientOrderId} was already placed with different contents; use a new id`);
    this.name = 'IdempotencyConflict';
  }
}

export interface OutboxOptions {
  db: DatabaseSync;
  orders: OrderStore;
  /** Delivers one order to the cloud (an idempotent PUT); resolves with the cloud's order. */
  send: (clientOrderId: string, request: ParsedOrderRequest) => Promise<Order>;
  /** After an entry changed (sent, failed, another attempt): the host tells the renderer. */
  onChange: (clientOrderId: string) => void;
  log: Logger;
  /** Waits between sends while the cloud cannot take orders. */
  backoff?: BackoffPolicy;
  random?: () => number;
  now?: () => number;
}

/** 4xx answers that say nothing about the order itself, so it stays queued: fix and retry. */
const NOT_ABOUT_THE_ORDER = new Set([401, 403, 404, 408, 429]);

/**
 * The durable order outbox. `enqueue` commits the order to SQLite (synchronous=FULL) before it
 * returns, and only then is anything sent. One flusher sends queued orders oldest first with an
 * idempotent PUT keyed by the client order id, so an order sent, then lost to a crash before it
 * was marked sent, is simply sent again and the cloud answers with the order it already has:
 * every order reaches the cloud exactly once, whenever the host is killed.
 *
 * A refusal by the cloud (409, 422 …) marks the order failed with the cloud's code and is never
 * retried; no network, timeouts and 5xx leave it queued and back off with jitter. The flusher
 * runs on enqueue, on start (orders left by a crash), when the cloud comes back, and on a timer.
 */
export class Outbox {
  private readonly db: DatabaseSync;
  private readonly options: OutboxOptions;
  private readonly backoff: BackoffPolicy;
  private readonly now: () => number;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Sends that failed in a row; resets on the first success. */
  private failures = 0;
  /** The last run broke on something unexpected (the database): do not spin on it. */
  private broken = false;

  constructor(options: OutboxOptions) {
    this.db = options.db;
    this.options = options;
    this.backoff = options.backoff ?? { baseMs: 1000, maxMs: 60_000 };
    this.now = options.now ?? Date.now;
  }

  /**
   * Stores the order, once per client order id: the same request again returns the stored entry
   * (a retry after a crash or a lost reply), a different one throws IdempotencyConflict.
   */
  enqueue(
    clientOrderId: string,
    request: ParsedOrderRequest,
    summary: OrderSummary,
  ): { entry: OutboxEntry; created: boolean } {
    const digest = requestDigest(request);
    const created = transaction(this.db, () => {
      const existing = this.db
        .prepare('SELECT request_sha256 FROM outbox WHERE client_order_id = ?')
        .get(clientOrderId) as { request_sha256: string } | undefined;
      if (existing) {
        if (existing.request_sha256 !== digest) throw new IdempotencyConflict(clientOrderId);
        return false;
      }
      this.db
        .prepare(
          `INSERT INTO outbox (client_order_id, request_json, request_sha256, summary_json, status,
             next_attempt_at, queued_at) VALUES (?, ?, ?, ?, 'queued', ?, ?)`,
        )
        .run(
          clientOrderId,
          JSON.stringify(request),
          digest,
          JSON.stringify(summary),
          this.now(),
          new Date(this.now()).toISOString(),
        );
      return true;
    });
    // Committed: from here on the order survives anything, so sending may begin.
    if (created) this.kick();
    return { entry: this.get(clientOrderId) as OutboxEntry, created };
  }

  get(clientOrderId: string): OutboxEntry | null {
    const row = this.db
      .prepare('SELECT * FROM outbox WHERE client_order_id = ?')
      .get(clientOrderId);
    return row ? toEntry(row as unknown as OutboxRow) : null;
  }

  /** Why the newest order still waiting could not be sent yet, if it was tried. */
  lastSendError(): string | null {
    const row = this.db
      .prepare(
        `SELECT last_error FROM outbox WHERE status = 'queued' AND last_error IS NOT NULL
         ORDER BY seq DESC LIMIT 1`,
      )
      .get() as { last_error: string } | undefined;
    return row?.last_error ?? null;
  }

  /** The orders still waiting to be sent, oldest first (at most `limit`), for diagnostics. */
  waiting(limit: number): OutboxEntry[] {
    return (
      this.db
        .prepare(`SELECT * FROM outbox WHERE status = 'queued' ORDER BY seq LIMIT ?`)
        .all(limit) as unknown as OutboxRow[]
    ).map(toEntry);
  }

  /** Orders waiting to be sent. */
  pending(): number {
    const { n } = this.db
      .prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'queued'`)
      .get() as { n: number };
    return n;
  }

  /**
   * Sends whatever a previous run left queued, at once: the backoff it stored belonged to that
   * run's view of the network, which a restart (often much later) no longer shares.
   */
  start(): void {
    this.kick({ retryNow: true });
  }

  /**
   * Asks the flusher to run. `retryNow`: the cloud is back, so waiting out the backoff would only
   * delay orders.
   */
  kick(options: { retryNow?: boolean } = {}): void {
    if (this.closed) return;
    if (options.retryNow) {
      this.failures = 0;
      this.db
        .prepare(
          `UPDATE outbox SET next_attempt_at = ? WHERE status = 'queued' AND next_attempt_at > ?`,
        )
        .run(this.now(), this.now());
    }
    void this.flush();
  }

  /** Runs the flusher (or joins the running one); resolves when the due orders were worked through. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      this.broken = false;
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again && !this.closed);
      } catch (error) {
        this.broken = true;
        if (!this.closed) this.options.log.error('outbox.flush_failed', { error: String(error) });
      } finally {
        this.running = null;
        try {
          this.schedule();
        } catch (error) {
          if (!this.closed)
            this.options.log.error('outbox.schedule_failed', { error: String(error) });
        }
      }
    })();
    return this.running;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private async drain(): Promise<void> {
    const due = this.db.prepare(
      `SELECT * FROM outbox WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY seq LIMIT 1`,
    );
    for (;;) {
      if (this.closed) return;
      const row = due.get(this.now()) as OutboxRow | undefined;
      if (!row) return;
      let entry: OutboxEntry;
      try {
        entry = toEntry(row);
      } catch (error) {
        // A damaged row would block the queue forever; it is set aside, loudly.
        this.options.log.error('outbox.damaged_entry', {
          clientOrderId: row.client_order_id,
          error: String(error),
        });
        this.db
          .prepare(
            `UPDATE outbox SET status = 'failed', failure_code = 'bad_request',
               failure_message = 'The stored order is damaged' WHERE client_order_id = ?`,
          )
          .run(row.client_order_id);
        continue;
      }
      let order: Order;
      try {
        order = await this.options.send(entry.clientOrderId, entry.request);
      } catch (error) {
        if (this.closed) return;
        const refusal = refusalOf(error);
        if (refusal) {
          this.markFailed(entry, refusal);
          continue;
        }
        this.markRetry(entry, error);
        return; // the cloud cannot take orders now; the timer brings the flusher back
      }
      if (this.closed) return;
      this.markSent(entry, order);
    }
  }

  private markSent(entry: OutboxEntry, order: Order): void {
    const at = new Date(this.now()).toISOString();
    transaction(this.db, () => {
      this.db
        .prepare(
          `UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL
           WHERE client_order_id = ? AND status = 'queued'`,
        )
        .run(at, entry.clientOrderId);
      this.options.orders.apply(order);
      // The cloud takes orders again: whatever waits behind this one need not wait longer.
      this.db
        .prepare(
          `UPDATE outbox SET next_attempt_at = ? WHERE status = 'queued' AND next_attempt_at > ?`,
        )
        .run(this.now(), this.now());
    });
    this.failures = 0;
    this.options.log.info('outbox.sent', {
      clientOrderId: entry.clientOrderId,
      order: order.orderId,
    });
    this.options.onChange(entry.clientOrderId);
  }

  private markFailed(entry: OutboxEntry, refusal: { code: CloudErrorCode; message: string }): void {
    this.db
      .prepare(
        `UPDATE outbox SET status = 'failed', attempts = attempts + 1, failure_code = ?,
           failure_message = ?, last_error = NULL WHERE client_order_id = ? AND status = 'queued'`,
      )
      .run(refusal.code, refusal.message, entry.clientOrderId);
    this.failures = 0;
    this.options.log.warn('outbox.refused', { clientOrderId: entry.clientOrderId, ...refusal });
    this.options.onChange(entry.clientOrderId);
  }

  private markRetry(entry: OutboxEntry, error: unknown): void {
    const delay = backoffDelay(this.failures, this.backoff, this.options.random);
    this.failures++;
    const next = this.now() + delay;
    const message = error instanceof Error ? error.message : String(error);
    transaction(this.db, () => {
      this.db
        .prepare(
          `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
           WHERE client_order_id = ?`,
        )
        .run(message, next, entry.clientOrderId);
      // Everything behind it waits too: one probe per backoff, and orders leave in order.
      this.db
        .prepare(
          `UPDATE outbox SET next_attempt_at = ? WHERE status = 'queued' AND next_attempt_at < ?`,
        )
        .run(next, next);
    });
    this.options.log.info('outbox.retry_later', {
      clientOrderId: entry.clientOrderId,
      inMs: delay,
      error: message,
    });
    this.options.onChange(entry.clientOrderId);
  }

  /** Comes back when the earliest queued order is due. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (this.closed) return;
    const { next } = this.db
      .prepare(`SELECT min(next_attempt_at) AS next FROM outbox WHERE status = 'queued'`)
      .get() as { next: number | null };
    if (next === null) return;
    const wait = Math.max(this.broken ? this.backoff.maxMs : 0, next - this.now());
    this.timer = setTimeout(() => void this.flush(), wait);
    this.timer.unref();
  }
}

/** The cloud's considered refusal of this order (never worth sending again), or null. */
function refusalOf(error: unknown): { code: CloudErrorCode; message: string } | null {
  if (!(error instanceof CloudError) || error.kind !== 'http') return null;
  const status = error.status ?? 0;
  if (status < 400 || status > 499 || NOT_ABOUT_THE_ORDER.has(status)) return null;
  return { code: error.code ?? 'bad_request', message: error.message };
}

interface OutboxRow {
  client_order_id: string;
  request_json: string;
  request_sha256: string;
  summary_json: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  failure_code: string | null;
  failure_message: string | null;
  queued_at: string;
  sent_at: string | null;
}

function toEntry(row: OutboxRow): OutboxEntry {
  const code = (CLOUD_ERROR_CODES as readonly string[]).includes(row.failure_code ?? '')
    ? (row.failure_code as CloudErrorCode)
    : 'bad_request';
  return {
    clientOrderId: row.client_order_id,
    // Written by this host after validation; parsed again so a damaged row fails loudly here.
    request: OrderRequestSchema.parse(JSON.parse(row.request_json)),
    requestSha256: row.request_sha256,
    summary: orderSummarySchema.parse(JSON.parse(row.summary_json)),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    failure:
      row.status === 'failed'
        ? { code, message: row.failure_message ?? 'Refused by the cloud' }
        : null,
    queuedAt: row.queued_at,
    sentAt: row.sent_at,
  };
}

export function requestDigest(request: ParsedOrderRequest): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

import type { DatabaseSync } from 'node:sqlite';
import {
  CLOUD_CONSENT_PURPOSES,
  MAX_CONSENT_RECORDS,
  type CloudConsentPurpose,
  type ConsentRecord,
} from '../../../common/cloudApi/consents.schema.ts';
import type { Logger } from '../../../common/log.ts';
import type { CloudClient } from '../cloudClient/client.ts';

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 60_000;

/**
 * Copies the car's consent log to the cloud's record (POST /v1/consents), so the provider can
 * show the decisions and honour a withdrawal on its side. The car stays the enforcer; this is
 * bookkeeping. A cursor in SQLite says how far the log was copied; a failed send is retried with
 * backoff (and at once on the next change or when the cloud comes back), and the cloud stores a
 * retried record once.
 */
export class ConsentSync {
  private readonly db: DatabaseSync;
  private readonly client: CloudClient;
  private readonly log: Logger;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = RETRY_MIN_MS;

  constructor(options: { db: DatabaseSync; client: CloudClient; log: Logger }) {
    this.db = options.db;
    this.client = options.client;
    this.log = options.log;
  }

  /** Sends what is new; concurrent calls coalesce into one more pass. */
  kick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    clearTimeout(this.retryTimer);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** The whole pass is guarded: a database fault is logged and retried, never thrown at a caller. */
  private async drain(): Promise<void> {
    try {
      await this.pass();
    } catch (error) {
      this.log.error('consent.sync_fault', { error: String(error), retryInMs: this.retryMs });
      this.scheduleRetry();
    }
  }

  private async pass(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        const batch = this.pending();
        if (batch.length === 0) break;
        try {
          await this.client.call('syncConsents', {
            body: { records: batch.map(({ purpose, granted, at }) => ({ purpose, granted, at })) },
          });
        } catch (error) {
          this.log.info('consent.sync_failed', { error: String(error), retryInMs: this.retryMs });
          this.scheduleRetry();
          return;
        }
        this.retryMs = RETRY_MIN_MS;
        const last = batch[batch.length - 1]?.id ?? 0;
        this.db
          .prepare(
            `INSERT INTO consent_sync (id, last_log_id) VALUES (1, ?)
             ON CONFLICT (id) DO UPDATE SET last_log_id = excluded.last_log_id`,
          )
          .run(last);
      }
    } while (this.again);
  }

  /** Stops the retry timer; the log stays in SQLite and the next host run sends what is left. */
  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
  }

  /**
   * Without this a send that failed while the cloud still counted as online (a timeout under
   * load, a reset connection) would wait for the next consent change, which may never come.
   */
  private scheduleRetry(): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.kick(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private pending(): (ConsentRecord & { id: number })[] {
    const rows = this.db
      .prepare(
        `SELECT id, purpose, granted, at FROM consent_log
         WHERE id > coalesce((SELECT last_log_id FROM consent_sync WHERE id = 1), 0)
         ORDER BY id LIMIT ?`,
      )
      .all(MAX_CONSENT_RECORDS) as { id: number; purpose: string; granted: number; at: string }[];
    const known = (p: string): p is CloudConsentPurpose =>
      (CLOUD_CONSENT_PURPOSES as readonly string[]).includes(p);
    return rows.flatMap((r) =>
      known(r.purpose)
        ? [{ id: r.id, purpose: r.purpose, granted: r.granted === 1, at: r.at }]
        : [],
    );
  }
}

import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../../../common/log.ts';
import { checkImage, imageSource, MAX_IMAGE_BYTES } from './imageCheck.ts';

/** Images kept for offline use; the least recently shown beyond this are dropped. */
const MAX_CACHED = 500;
/** At most this many fetched at once, so a long list does not crowd out the car's other requests. */
const CONCURRENCY = 2;
const TIMEOUT_MS = 8000;

export interface StoredImage {
  type: string;
  body: Uint8Array;
}

/** One fetch: the image's declared type and its bytes, or an error. Passed in so tests can count. */
export type FetchImage = (
  url: URL,
  signal: AbortSignal,
) => Promise<{ type: string | null; body: Uint8Array }>;

/**
 * Merchant images, fetched by the host and kept in SQLite, so the renderer shows them from its own
 * origin (the CSP stays 'self') and in a car park without signal. Every merchant the catalogue
 * returns is remembered with its image URL and fetched in the background; a request for one not
 * yet fetched fetches it then. Anything that fails the checks (imageCheck.ts) is not stored, and
 * the renderer draws the category pictogram instead.
 */
export class MerchantImages {
  private readonly db: DatabaseSync;
  private readonly cloudBase: string;
  private readonly fetchImage: FetchImage;
  private readonly log: Logger;
  private readonly queue: string[] = [];
  private readonly inFlight = new Map<string, Promise<StoredImage | null>>();
  private readonly closing = new AbortController();
  private running = 0;

  constructor(options: {
    db: DatabaseSync;
    cloudBase: string;
    log: Logger;
    fetchImage?: FetchImage;
  }) {
    this.db = options.db;
    this.cloudBase = options.cloudBase;
    this.log = options.log;
    this.fetchImage = options.fetchImage ?? fetchOverHttp;
  }

  /** Notes each merchant's image URL (a changed URL drops the stored image) and fetches what is missing. */
  remember(merchants: readonly { id: string; imageUrl: string }[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO merchant_images (merchant_id, image_url) VALUES (?, ?)
       ON CONFLICT (merchant_id) DO UPDATE SET image_url = excluded.image_url,
         content_type = NULL, body = NULL, fetched_at = NULL, failed_at = NULL
       WHERE merchant_images.image_url <> excluded.image_url`,
    );
    const missing = this.db.prepare(
      `SELECT 1 FROM merchant_images WHERE merchant_id = ? AND body IS NULL AND failed_at IS NULL`,
    );
    for (const m of merchants) {
      upsert.run(m.id, m.imageUrl);
      if (missing.get(m.id) && !this.queue.includes(m.id)) this.queue.push(m.id);
    }
    this.pump();
  }

  /** The stored image, fetched now if it was not yet; null when unknown or unavailable. */
  async get(merchantId: string): Promise<StoredImage | null> {
    const row = this.db
      .prepare(`SELECT content_type, body, failed_at FROM merchant_images WHERE merchant_id = ?`)
      .get(merchantId) as
      | { content_type: string | null; body: Uint8Array | null; failed_at: string | null }
      | undefined;
    // Unknown, or refused by the checks: the pictogram it is, without asking again.
    if (!row || row.failed_at !== null) return null;
    if (row.body && row.content_type) {
      this.db
        .prepare(`UPDATE merchant_images SET used_at = ? WHERE merchant_id = ?`)
        .run(new Date().toISOString(), merchantId);
      return { type: row.content_type, body: row.body };
    }
    return this.fetchOne(merchantId);
  }

  close(): void {
    this.closing.abort();
    this.queue.length = 0;
  }

  private pump(): void {
    while (this.running < CONCURRENCY && this.queue.length > 0 && !this.closing.signal.aborted) {
      const id = this.queue.shift()!;
      this.running++;
      void this.fetchOne(id)
        .catch((error: unknown) =>
          this.log.warn('media.store_failed', { id, error: String(error) }),
        )
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }

  private fetchOne(merchantId: string): Promise<StoredImage | null> {
    const pending = this.inFlight.get(merchantId);
    if (pending) return pending;
    const work = this.download(merchantId).finally(() => this.inFlight.delete(merchantId));
    this.inFlight.set(merchantId, work);
    return work;
  }

  private async download(merchantId: string): Promise<StoredImage | null> {
    const row = this.db
      .prepare(`SELECT image_url FROM merchant_images WHERE merchant_id = ?`)
      .get(merchantId) as { image_url: string } | undefined;
    if (!row || this.closing.signal.aborted) return null;
    const url = imageSource(row.image_url, this.cloudBase);
    if (!url) return this.failed(merchantId, `image URL not allowed: ${row.image_url}`);
    let fetched: { type: string | null; body: Uint8Array };
    try {
      const signal = AbortSignal.any([AbortSignal.timeout(TIMEOUT_MS), this.closing.signal]);
      fetched = await this.fetchImage(url, signal);
    } catch (error) {
      // Offline or slow: not a verdict on the image, so it is tried again next time it is asked for.
      this.log.info('media.fetch_failed', { merchantId, error: String(error) });
      return null;
    }
    // The host closed (and its database with it) while the image was on its way.
    if (this.closing.signal.aborted) return null;
    const check = checkImage(fetched.type, fetched.body);
    if (!check.ok) return this.failed(merchantId, check.problem);
    const now = new Date().toISOString();
    this.db
      .prepare(
        `UPDATE merchant_images SET content_type = ?, body = ?, fetched_at = ?, used_at = ?,
           failed_at = NULL WHERE merchant_id = ? AND image_url = ?`,
      )
      .run(check.type, fetched.body, now, now, merchantId, row.image_url);
    this.prune();
    return { type: check.type, body: fetched.body };
  }

  /** A refused image is remembered as such: the pictogram shows, and it is not fetched again. */
  private failed(merchantId: string, problem: string): null {
    this.log.warn('media.image_refused', { merchantId, problem });
    this.db
      .prepare(`UPDATE merchant_images SET failed_at = ? WHERE merchant_id = ?`)
      .run(new Date().toISOString(), merchantId);
    return null;
  }

  private prune(): void {
    this.db
      .prepare(
        `UPDATE merchant_images SET body = NULL, content_type = NULL, fetched_at = NULL
         WHERE body IS NOT NULL AND merchant_id NOT IN (
           SELECT merchant_id FROM merchant_images WHERE body IS NOT NULL
           ORDER BY used_at DESC LIMIT ?)`,
      )
      .run(MAX_CACHED);
  }
}

/** A plain GET that refuses redirects and anything larger than an image may be. */
const fetchOverHttp: FetchImage = async (url, signal) => {
  const res = await fetch(url, { signal, redirect: 'error', headers: { accept: 'image/*' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_IMAGE_BYTES) throw new Error(`image of ${length} bytes`);
  return { type: res.headers.get('content-type'), body: new Uint8Array(await res.arrayBuffer()) };
};

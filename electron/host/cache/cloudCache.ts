import type { DatabaseSync } from 'node:sqlite';
import type { z } from 'zod';
import {
  MerchantDetailSchema,
  MerchantSchema,
  type MerchantCategory,
  type MerchantDetail,
  type MerchantResult,
} from '../../../common/cloudApi/catalog.schema.ts';
import { merchantResult } from '../../../common/catalog/merchantResult.ts';
import { distanceM, type LatLon } from '../../../common/geo.ts';
import { openState } from '../../../common/openingHours.ts';
import { merchantsWithin } from '../../../common/node/merchantsWithin.ts';
import { transaction } from '../../../common/node/transaction.ts';

/** Searches remembered for offline use; older ones (and the positions in them) are dropped. */
const MAX_SEARCHES = 100;

export type SearchKind = 'position' | 'area';

export interface SearchCircle {
  centre: LatLon;
  radiusM: number;
  category?: MerchantCategory;
}

export interface Cached<T> {
  value: T;
  fetchedAt: string;
}

/**
 * Cloud answers kept in SQLite so merchants, menus and favourites near the car can be browsed in a
 * car park without signal. Offline answers are rebuilt from what was stored: distances, bearings
 * and "open now" are recomputed for the current position and time, so only the catalogue itself
 * can be out of date, and callers mark it so.
 */
export class CloudCache {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /**
   * Stores a search answer. When the answer was not cut short by the limit, merchants cached
   * inside the circle that the cloud no longer lists are dropped (they closed or moved).
   */
  putSearch(
    kind: SearchKind,
    circle: SearchCircle,
    merchants: readonly MerchantResult[],
    complete: boolean,
    fetchedAt: string,
  ): void {
    const upsert = this.db.prepare(
      `INSERT INTO cache_merchants (id, category, lat, lon, body, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET category = excluded.category, lat = excluded.lat,
         lon = excluded.lon, body = excluded.body, fetched_at = excluded.fetched_at`,
    );
    transaction(this.db, () => {
      if (complete) {
        const listed = new Set(merchants.map((m) => m.id));
        const remove = this.db.prepare('DELETE FROM cache_merchants WHERE id = ?');
        for (const row of this.rowsWithin(circle)) {
          if (!listed.has(row.id)) remove.run(row.id);
        }
      }
      for (const m of merchants) {
        // Only the merchant itself is kept; distances belong to the query that produced them.
        const merchant = MerchantSchema.parse(m);
        upsert.run(
          m.id,
          m.category,
          m.position.lat,
          m.position.lon,
          JSON.stringify(merchant),
          fetchedAt,
        );
      }
      this.db
        .prepare(
          `INSERT INTO cache_searches (kind, lat, lon, radius_m, category, fetched_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          kind,
          circle.centre.lat,
          circle.centre.lon,
          circle.radiusM,
          circle.category ?? null,
          fetchedAt,
        );
      this.db
        .prepare(
          `DELETE FROM cache_searches WHERE id NOT IN
             (SELECT id FROM cache_searches ORDER BY id DESC LIMIT ${MAX_SEARCHES})`,
        )
        .run();
    });
  }

  /**
   * Answers a search from the cache, if an earlier search covered its centre (with the same or no
   * category filter); null when the cache knows nothing of the place.
   */
  findSearch(
    circle: SearchCircle,
    at: Date,
    options: { heading?: number; limit: number },
  ): Cached<MerchantResult[]> | null {
    const searches = this.db
      .prepare(
        `SELECT lat, lon, radius_m, fetched_at FROM cache_searches
         WHERE category IS NULL OR category = ?`,
      )
      .all(circle.category ?? null) as {
      lat: number;
      lon: number;
      radius_m: number;
      fetched_at: string;
    }[];
    const covering = searches.filter(
      (s) => distanceM({ lat: s.lat, lon: s.lon }, circle.centre) <= s.radius_m,
    );
    if (covering.length === 0) return null;

    const found = this.rowsWithin(circle)
      .map((row) => ({ row, d: distanceM(circle.centre, { lat: row.lat, lon: row.lon }) }))
      .sort((a, b) => a.d - b.d || (a.row.id < b.row.id ? -1 : 1))
      .slice(0, options.limit);
    const merchants: MerchantResult[] = [];
    let fetchedAt = covering
      .map((s) => s.fetched_at)
      .sort()
      .at(-1) as string;
    for (const { row, d } of found) {
      const parsed = MerchantSchema.safeParse(safeJson(row.body));
      if (!parsed.success) continue;
      merchants.push(
        merchantResult(parsed.data, {
          position: circle.centre,
          distanceM: d,
          heading: options.heading,
          at,
        }),
      );
      if (row.fetched_at < fetchedAt) fetchedAt = row.fetched_at;
    }
    return { value: merchants, fetchedAt };
  }

  putMerchant(merchant: MerchantDetail, fetchedAt: string): void {
    this.putDocument(`merchant:${merchant.id}`, merchant, fetchedAt);
  }

  /** A cached merchant with its menu, "open now" recomputed for `at`. */
  getMerchant(id: string, at: Date): Cached<MerchantDetail> | null {
    const cached = this.getDocument(`merchant:${id}`, MerchantDetailSchema);
    if (!cached) return null;
    const state = openState(cached.value.openingHours, at);
    return {
      value: { ...cached.value, openNow: state.open, nextChange: state.nextChange },
      fetchedAt: cached.fetchedAt,
    };
  }

  forgetMerchant(id: string): void {
    this.db.prepare('DELETE FROM cache_documents WHERE key = ?').run(`merchant:${id}`);
    this.db.prepare('DELETE FROM cache_merchants WHERE id = ?').run(id);
  }

  putDocument(key: string, body: unknown, fetchedAt: string): void {
    this.db
      .prepare(
        `INSERT INTO cache_documents (key, body, fetched_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at`,
      )
      .run(key, JSON.stringify(body), fetchedAt);
  }

  /** A cached answer, checked again with its schema (a damaged row reads as not cached). */
  getDocument<S extends z.ZodType>(key: string, schema: S): Cached<z.output<S>> | null {
    const row = this.db
      .prepare('SELECT body, fetched_at FROM cache_documents WHERE key = ?')
      .get(key) as { body: string; fetched_at: string } | undefined;
    if (!row) return null;
    const parsed = schema.safeParse(safeJson(row.body));
    return parsed.success ? { value: parsed.data, fetchedAt: row.fetched_at } : null;
  }

  /**
   * Forgets where the car searched (the location consent was withdrawn). Merchants stay: they
   * are the cloud's public catalogue, not the car's whereabouts.
   */
  forgetPositions(): void {
    this.db.prepare(`DELETE FROM cache_searches WHERE kind = 'position'`).run();
  }

  private rowsWithin(circle: SearchCircle): MerchantRow[] {
    return merchantsWithin<MerchantRow>(
      this.db,
      { table: 'cache_merchants', columns: 'id, lat, lon, body, fetched_at' },
      circle,
    ).map((r) => r.row);
  }
}

interface MerchantRow {
  id: string;
  lat: number;
  lon: number;
  body: string;
  fetched_at: string;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

import type { DatabaseSync } from 'node:sqlite';
import {
  FavouriteListSchema,
  type Favourite,
  type FavouriteRequest,
} from '../../../common/cloudApi/favourites.schema.ts';
import type { FavouriteListView } from '../../../common/hostApi/commerce.schema.ts';
import type { Logger } from '../../../common/log.ts';
import { CloudError, type CloudClient } from '../cloudClient/client.ts';
import { transaction } from '../../../common/node/transaction.ts';
import type { CloudCache } from '../cache/cloudCache.ts';
import { withCache } from '../cache/withCache.ts';

const FAVOURITES = 'favourites';

/**
 * The vehicle's favourites, cached for offline use. Saving and deleting
 * a favourite need the cloud; the order they are shown in is the user's own arrangement, kept in
 * the car (the cloud lists them oldest first), so reordering works offline too.
 */
export class FavouritesService {
  private readonly db: DatabaseSync;
  private readonly client: CloudClient;
  private readonly cache: CloudCache;
  private readonly log: Logger;

  constructor(options: { db: DatabaseSync; client: CloudClient; cache: CloudCache; log: Logger }) {
    this.db = options.db;
    this.client = options.client;
    this.cache = options.cache;
    this.log = options.log;
  }

  async favourites(): Promise<FavouriteListView> {
    const result = await withCache<Favourite[]>({
      what: 'Favourites',
      fetch: async () => (await this.client.call('listFavourites')).favourites,
      store: (favourites, fetchedAt) =>
        this.cache.putDocument(FAVOURITES, { favourites }, fetchedAt),
      cached: () => {
        const cached = this.cache.getDocument(FAVOURITES, FavouriteListSchema);
        return cached && { value: cached.value.favourites, fetchedAt: cached.fetchedAt };
      },
      log: this.log,
    });
    return {
      favourites: this.arranged(result.value),
      stale: result.stale,
      fetchedAt: result.fetchedAt,
    };
  }

  async addFavourite(favouriteId: string, favourite: FavouriteRequest): Promise<FavouriteListView> {
    await this.client.call('putFavourite', { params: { favouriteId }, body: favourite });
    // A new favourite goes to the end of the user's arrangement.
    this.db
      .prepare(
        `INSERT INTO favourite_order (id, position)
         VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM favourite_order))
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(favouriteId);
    return this.favourites();
  }

  async removeFavourite(favouriteId: string): Promise<FavouriteListView> {
    try {
      await this.client.call('deleteFavourite', { params: { favouriteId } });
    } catch (error) {
      // Already gone (a retried delete): the outcome the user asked for.
      if (!(error instanceof CloudError && error.status === 404)) throw error;
    }
    this.db.prepare('DELETE FROM favourite_order WHERE id = ?').run(favouriteId);
    return this.favourites();
  }

  /** Puts the given favourites first, in this order; the rest keep their order behind them. */
  async reorderFavourites(favouriteIds: readonly string[]): Promise<FavouriteListView> {
    const current = this.cache.getDocument(FAVOURITES, FavouriteListSchema);
    const known = this.arranged(current?.value.favourites ?? []).map((f) => f.id);
    const order = [...favouriteIds, ...known.filter((id) => !favouriteIds.includes(id))];
    transaction(this.db, () => {
      this.db.prepare('DELETE FROM favourite_order').run();
      const insert = this.db.prepare('INSERT INTO favourite_order (id, position) VALUES (?, ?)');
      order.forEach((id, position) => insert.run(id, position));
    });
    return this.favourites();
  }

  /** The user's arrangement first; favourites never arranged follow in the cloud's order. */
  private arranged(favourites: readonly Favourite[]): Favourite[] {
    const rows = this.db.prepare('SELECT id, position FROM favourite_order').all() as {
      id: string;
      position: number;
    }[];
    const position = new Map(rows.map((r) => [r.id, r.position]));
    const after = Math.max(-1, ...rows.map((r) => r.position)) + 1;
    return favourites
      .map((f, i) => ({ f, key: position.get(f.id) ?? after + i }))
      .sort((a, b) => a.key - b.key)
      .map(({ f }) => f);
  }
}

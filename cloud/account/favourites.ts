import { transaction } from '../../common/node/transaction.ts';
import type { DatabaseSync } from 'node:sqlite';
import type { Fulfilment } from '../../common/cloudApi/catalog.schema.ts';
import { MAX_FAVOURITES, type Favourite } from '../../common/cloudApi/favourites.schema.ts';
import type { CatalogueStore } from '../catalogue/store.ts';
import { ApiError, unprocessable } from '../http/errors.ts';
import { quoteLines, type LineChoice } from '../orders/quote.ts';

export interface FavouriteInput {
  label: string;
  merchantId: string;
  fulfilment: Fulfilment;
  lines: LineChoice[];
}

/** What a favourite keeps besides its choice: names as saved, for when the merchant is gone. */
interface Snapshot {
  merchantName: string;
  currency: string;
  lines: { itemId: string; name: string; quantity: number; optionIds: string[] }[];
}

interface Row {
  id: string;
  label: string;
  merchant_id: string;
  fulfilment: Fulfilment;
  snapshot_json: string;
  updated_at: string;
}

export interface FavouriteService {
  list(vehicleId: string): Favourite[];
  put(
    vehicleId: string,
    id: string,
    input: FavouriteInput,
  ): { created: boolean; favourite: Favourite };
  remove(vehicleId: string, id: string): boolean;
}

export function createFavouriteService(options: {
  db: DatabaseSync;
  catalogue: CatalogueStore;
  now: () => Date;
}): FavouriteService {
  const { db, catalogue, now } = options;

  /** Re-prices at today's menu, so a one-tap reorder shows what it will really cost. */
  const view = (row: Row): Favourite => {
    const s = JSON.parse(row.snapshot_json) as Snapshot;
    const merchant = catalogue.get(row.merchant_id);
    let totalMinor: number | null = null;
    if (merchant && (row.fulfilment === 'pickup' || merchant.deliversToCar)) {
      try {
        totalMinor = quoteLines(merchant, s.lines).totalMinor;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error; // the menu changed: not orderable as saved
      }
    }
    return {
      id: row.id,
      label: row.label,
      merchantId: row.merchant_id,
      merchantName: merchant?.name ?? s.merchantName,
      fulfilment: row.fulfilment,
      lines: s.lines,
      currency: merchant?.currency ?? s.currency,
      orderable: totalMinor !== null,
      totalMinor,
      updatedAt: row.updated_at,
    };
  };

  const columns = 'id, label, merchant_id, fulfilment, snapshot_json, updated_at';
  const get = (vehicleId: string, id: string) =>
    db
      .prepare(`SELECT ${columns} FROM favourites WHERE vehicle_id = ? AND id = ?`)
      .get(vehicleId, id) as Row | undefined;

  return {
    list(vehicleId) {
      const rows = db
        .prepare(`SELECT ${columns} FROM favourites WHERE vehicle_id = ? ORDER BY created_at, id`)
        .all(vehicleId) as unknown as Row[];
      return rows.map(view);
    },

    put(vehicleId, id, input) {
      const merchant = catalogue.get(input.merchantId);
      if (!merchant) {
        throw unprocessable(
          'unknown_merchant',
          `No merchant ${input.merchantId}`,
          'body.merchantId',
        );
      }
      if (input.fulfilment === 'to_car' && !merchant.deliversToCar) {
        throw unprocessable(
          'fulfilment_unavailable',
          `${merchant.name} does not bring orders to the car`,
          'body.fulfilment',
        );
      }
      const quote = quoteLines(merchant, input.lines);
      const snapshot: Snapshot = {
        merchantName: merchant.name,
        currency: merchant.currency,
        lines: input.lines.map((l, n) => ({
          itemId: l.itemId,
          name: quote.lines[n]?.name ?? l.itemId,
          quantity: l.quantity,
          optionIds: [...l.optionIds],
        })),
      };
      const at = now().toISOString();
      return transaction(db, () => {
        const created = !get(vehicleId, id);
        if (created) {
          const { n } = db
            .prepare('SELECT count(*) AS n FROM favourites WHERE vehicle_id = ?')
            .get(vehicleId) as { n: number };
          if (n >= MAX_FAVOURITES) {
            throw unprocessable(
              'too_many_favourites',
              `At most ${MAX_FAVOURITES} favourites; delete one first`,
            );
          }
        }
        db.prepare(
          `INSERT INTO favourites (vehicle_id, id, label, merchant_id, fulfilment, snapshot_json,
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (vehicle_id, id) DO UPDATE SET label = excluded.label,
             merchant_id = excluded.merchant_id, fulfilment = excluded.fulfilment,
             snapshot_json = excluded.snapshot_json, updated_at = excluded.updated_at`,
        ).run(
          vehicleId,
          id,
          input.label,
          merchant.id,
          input.fulfilment,
          JSON.stringify(snapshot),
          at,
          at,
        );
        return { created, favourite: view(get(vehicleId, id) as Row) };
      });
    },

    remove(vehicleId, id) {
      const result = db
        .prepare('DELETE FROM favourites WHERE vehicle_id = ? AND id = ?')
        .run(vehicleId, id);
      return Number(result.changes) > 0;
    },
  };
}

import type { DatabaseSync } from 'node:sqlite';
import {
  MERCHANT_CATEGORIES,
  MenuSchema,
  OpeningHoursSchema,
  type Merchant,
  type MerchantCategory,
  type MerchantResult,
} from '../../common/cloudApi/catalog.schema.ts';
import { merchantResult } from '../../common/catalog/merchantResult.ts';
import { distanceM } from '../../common/geo.ts';
import { merchantsWithin } from '../../common/node/merchantsWithin.ts';
import { openState, type OpenState } from '../../common/openingHours.ts';
import { merchantImagePath, type CatalogueMerchant } from './merchant.ts';

interface MerchantRow {
  id: string;
  name: string;
  category: string;
  lat: number;
  lon: number;
  address: string;
  city: string;
  country_code: string;
  currency: string;
  hours_json: string;
  delivers_to_car: number;
  tax_rate_bp: number;
  tax_included: number;
  menu_json: string;
}

export interface SearchParams {
  lat: number;
  lon: number;
  radiusM: number;
  category?: MerchantCategory;
  heading?: number;
  limit: number;
}

export interface StopParams {
  lat: number;
  lon: number;
  heading?: number;
  energy: 'fuel' | 'ev_charging';
  radiusM: number;
  walkM: number;
  limit: number;
}

export interface Stop {
  station: MerchantResult;
  nearby: (MerchantResult & { walkM: number })[];
}

/** What a combined stop's merchant sells: something to pick up while the tank fills. */
const STOP_CATEGORIES: readonly MerchantCategory[] = ['coffee', 'food'];

export interface CatalogueStore {
  categories(): { id: MerchantCategory; merchantCount: number }[];
  search(params: SearchParams, at: Date): MerchantResult[];
  /** Stations with coffee or food open now within walking distance: ahead first, then nearest. */
  stops(params: StopParams, at: Date): Stop[];
  /** A merchant with its menu, or null. */
  get(id: string): CatalogueMerchant | null;
  openState(merchant: Merchant, at: Date): OpenState;
}

const SUMMARY_COLUMNS = `id, name, category, lat, lon, address, city, country_code, currency,
  hours_json, delivers_to_car, tax_rate_bp, tax_included`;

function toMerchant(row: Omit<MerchantRow, 'menu_json'>): Merchant {
  return {
    id: row.id,
    name: row.name,
    category: row.category as MerchantCategory,
    position: { lat: row.lat, lon: row.lon },
    address: row.address,
    city: row.city,
    countryCode: row.country_code,
    currency: row.currency,
    // Written by the importer after validation; parsed again because the file can be edited.
    openingHours: OpeningHoursSchema.parse(JSON.parse(row.hours_json)),
    imageUrl: merchantImagePath(row.id),
    deliversToCar: row.delivers_to_car === 1,
    tax: { rateBp: row.tax_rate_bp, included: row.tax_included === 1 },
  };
}

export function createCatalogueStore(db: DatabaseSync): CatalogueStore {
  const store: CatalogueStore = {
    categories() {
      const rows = db
        .prepare('SELECT category, count(*) AS n FROM merchants GROUP BY category')
        .all() as { category: string; n: number }[];
      const counts = new Map(rows.map((r) => [r.category, r.n]));
      return MERCHANT_CATEGORIES.map((id) => ({ id, merchantCount: counts.get(id) ?? 0 }));
    },

    stops(params, at) {
      const stations = store.search(
        {
          lat: params.lat,
          lon: params.lon,
          radiusM: params.radiusM,
          category: params.energy,
          heading: params.heading,
          limit: 100,
        },
        at,
      );
      const stops: Stop[] = [];
      for (const station of stations) {
        const around = { lat: station.position.lat, lon: station.position.lon };
        const nearby = store
          .search({ ...around, radiusM: params.walkM, limit: 100 }, at)
          .filter((m) => STOP_CATEGORIES.includes(m.category) && m.openNow)
          // Distances from the car, so the car can tell how long until the pickup.
          .map((m) => ({
            ...m,
            walkM: m.distanceM,
            distanceM: Math.round(distanceM({ lat: params.lat, lon: params.lon }, m.position)),
          }));
        if (nearby.length > 0) stops.push({ station, nearby });
      }
      // A station behind the car means turning round: ahead first, each group nearest first.
      return stops
        .sort((a, b) => Number(b.station.ahead === true) - Number(a.station.ahead === true))
        .slice(0, params.limit);
    },

    search(params, at) {
      const here = { lat: params.lat, lon: params.lon };
      return merchantsWithin<MerchantRow>(
        db,
        { table: 'merchants', columns: SUMMARY_COLUMNS },
        { centre: here, radiusM: params.radiusM, category: params.category },
      )
        .map(({ row, distanceM: d }) => ({ row, d }))
        .sort((a, b) => a.d - b.d || (a.row.id < b.row.id ? -1 : 1))
        .slice(0, params.limit)
        .map(({ row, d }) =>
          merchantResult(toMerchant(row), {
            position: here,
            distanceM: d,
            heading: params.heading,
            at,
          }),
        );
    },

    get(id) {
      const row = db
        .prepare(`SELECT ${SUMMARY_COLUMNS}, menu_json FROM merchants WHERE id = ?`)
        .get(id) as MerchantRow | undefined;
      if (!row) return null;
      return { ...toMerchant(row), menu: MenuSchema.parse(JSON.parse(row.menu_json)) };
    },

    openState(merchant, at) {
      return openState(merchant.openingHours, at);
    },
  };
  return store;
}

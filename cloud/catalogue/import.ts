import type { DatabaseSync } from 'node:sqlite';
import {
  MenuSchema,
  MerchantSchema,
  OpeningHoursSchema,
  type Menu,
} from '../../common/cloudApi/catalog.schema.ts';
import { transaction } from '../../common/node/transaction.ts';
import { openState } from '../../common/openingHours.ts';
import { isValidTimeZone } from '../../common/timeZone.ts';
import { tokenDigest } from '../auth.ts';
import { seedAccounts } from '../finance/seed.ts';
import { gcj02ToWgs84 } from '../geo/gcj02.ts';
import { seedOffers } from '../offers/service.ts';
import { seedTestDriveModels } from '../testDrives/service.ts';
import { SEED_ACCOUNTS, type SeedAccount } from './seed/accounts.ts';
import { MENU_TEMPLATES } from './seed/menus.ts';
import { SEED_OFFERS } from './seed/offers.ts';
import {
  SEED_FEEDS,
  SEED_VEHICLES,
  SEED_VERSION,
  type MerchantFeed,
  type SeedVehicle,
} from './seed/places.ts';
import { SEED_TEST_DRIVE_MODELS } from './seed/testDrives.ts';
import { merchantImagePath, type CatalogueMerchant } from './merchant.ts';

/** Rounds to 7 decimals (~1 cm): what a WGS-84 position can usefully carry. */
function round7(n: number): number {
  return Math.round(n * 1e7) / 1e7;
}

/** Duplicate ids and impossible option rules are feed errors, refused before anything is stored. */
export function checkMenu(menu: Menu, where: string): void {
  const items = new Set<string>();
  for (const section of menu.sections) {
    for (const item of section.items) {
      if (items.has(item.id)) throw new Error(`${where}: item id ${item.id} is not unique`);
      items.add(item.id);
      const groups = new Set<string>();
      const options = new Set<string>();
      for (const group of item.optionGroups) {
        if (groups.has(group.id)) throw new Error(`${where}/${item.id}: group ${group.id} twice`);
        groups.add(group.id);
        if (group.min > group.max || group.max > group.options.length) {
          throw new Error(`${where}/${item.id}/${group.id}: need min <= max <= option count`);
        }
        for (const option of group.options) {
          if (options.has(option.id)) {
            throw new Error(`${where}/${item.id}: option id ${option.id} is not unique`);
          }
          options.add(option.id);
        }
      }
    }
  }
}

/**
 * Turns one partner feed into catalogue merchants: positions converted to WGS-84 (GCJ-02 feeds
 * from Chinese map providers), menus built from their templates, everything schema-checked.
 */
export function merchantsFromFeed(feed: MerchantFeed): CatalogueMerchant[] {
  if (!isValidTimeZone(feed.timeZone)) throw new Error(`${feed.place}: bad time zone`);
  return feed.merchants.map((m) => {
    const where = `${feed.place}/${m.id}`;
    const wgs =
      feed.coordinateSystem === 'GCJ02'
        ? gcj02ToWgs84({ lat: m.lat, lon: m.lon })
        : { lat: m.lat, lon: m.lon };
    const template = MENU_TEMPLATES[m.menu]({ locale: feed.locale, currency: feed.currency });
    const soldOut = new Set(m.soldOut ?? []);
    const menu = MenuSchema.parse({
      sections: template.sections.map((s) => ({
        ...s,
        items: s.items.map((i) => ({ ...i, available: !soldOut.has(i.id) })),
      })),
    });
    checkMenu(menu, where);
    const known = new Set(menu.sections.flatMap((s) => s.items.map((i) => i.id)));
    for (const id of soldOut) if (!known.has(id)) throw new Error(`${where}: sold out ${id}?`);
    const openingHours = OpeningHoursSchema.parse({
      timeZone: feed.timeZone,
      alwaysOpen: m.hours === 'always',
      periods: m.hours === 'always' ? [] : m.hours,
    });
    openState(openingHours, new Date(0)); // throws on unreadable periods
    const merchant = MerchantSchema.parse({
      id: m.id,
      name: m.name,
      category: m.category,
      position: { lat: round7(wgs.lat), lon: round7(wgs.lon) },
      address: m.address,
      city: feed.city,
      countryCode: feed.countryCode,
      currency: feed.currency,
      openingHours,
      imageUrl: merchantImagePath(m.id),
      deliversToCar: m.deliversToCar,
      tax: m.tax,
    });
    return { ...merchant, menu };
  });
}

function insertMerchant(db: DatabaseSync, m: CatalogueMerchant): void {
  db.prepare(
    `INSERT INTO merchants (id, name, category, lat, lon, address, city, country_code, currency,
       time_zone, hours_json, delivers_to_car, tax_rate_bp, tax_included, menu_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    m.id,
    m.name,
    m.category,
    m.position.lat,
    m.position.lon,
    m.address,
    m.city,
    m.countryCode,
    m.currency,
    m.openingHours.timeZone,
    JSON.stringify(m.openingHours),
    m.deliversToCar ? 1 : 0,
    m.tax.rateBp,
    m.tax.included ? 1 : 0,
    JSON.stringify(m.menu),
  );
}

function insertVehicle(db: DatabaseSync, v: SeedVehicle, at: string): void {
  db.prepare(
    `INSERT INTO vehicles (id, name, token_sha256, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  ).run(v.id, v.name, tokenDigest(v.token), at);
  for (const pm of v.paymentMethods) {
    db.prepare(
      `INSERT INTO payment_methods (id, vehicle_id, brand, last4, exp_month, exp_year, is_default)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(pm.id, v.id, pm.brand, pm.last4, pm.expMonth, pm.expYear, pm.isDefault ? 1 : 0);
  }
}

export interface SeedResult {
  /** True when the catalogue was (re)written on this start. */
  catalogueWritten: boolean;
  merchants: number;
  /** Demo finance accounts added on this start (each is seeded once). */
  accountsAdded: number;
  offersWritten: boolean;
  testDrivesWritten: boolean;
}

/**
 * Seeds the demo vehicles and their finance accounts (kept if present: accounts are anchored on
 * the day they were first seeded) and the catalogue, offers and test-drive models (each rewritten
 * only when its seed version changed), in one transaction, so concurrent or repeated starts
 * converge on the same content.
 */
export function seedDatabase(
  db: DatabaseSync,
  now: Date,
  feeds: readonly MerchantFeed[] = SEED_FEEDS,
  vehicles: readonly SeedVehicle[] = SEED_VEHICLES,
  accounts: readonly SeedAccount[] = SEED_ACCOUNTS,
): SeedResult {
  // Built and checked before the transaction: a bad feed leaves the database untouched.
  const merchants = feeds.flatMap(merchantsFromFeed);
  const ids = new Set<string>();
  for (const m of merchants) {
    if (ids.has(m.id)) throw new Error(`merchant id ${m.id} is not unique`);
    ids.add(m.id);
  }
  const at = now.toISOString();
  return transaction(db, () => {
    for (const v of vehicles) insertVehicle(db, v, at);
    const row = db.prepare('SELECT seed_version FROM catalogue_state WHERE id = 1').get() as
      { seed_version: number } | undefined;
    const write = row?.seed_version !== SEED_VERSION;
    if (write) {
      db.exec('DELETE FROM merchants');
      for (const m of merchants) insertMerchant(db, m);
      db.prepare(
        `INSERT INTO catalogue_state (id, seed_version, seeded_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET seed_version = excluded.seed_version,
           seeded_at = excluded.seeded_at`,
      ).run(SEED_VERSION, at);
    }
    const accountsAdded = seedAccounts(db, now, accounts);
    const offersWritten = seedOffers(db, now, SEED_OFFERS);
    const testDrivesWritten = seedTestDriveModels(db, now, SEED_TEST_DRIVE_MODELS);
    return {
      catalogueWritten: write,
      merchants: merchants.length,
      accountsAdded,
      offersWritten,
      testDrivesWritten,
    };
  });
}

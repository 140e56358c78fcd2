import type { Migration } from '../../common/node/migrate.ts';

/** Append only: a shipped migration is never edited, a new one gets the next version. */
export const HOST_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    sql: `CREATE TABLE settings (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;`,
  },
  {
    version: 2,
    name: 'order_outbox',
    // outbox: every order the car placed, written before anything is sent; `seq` keeps them in
    // the order they were placed. next_attempt_at is ms since the epoch (compared with Date.now()).
    // orders: the latest version of each order as the cloud reported it (version never goes back).
    // sync_state: small durable values such as the order resync cursor.
    sql: `CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      client_order_id TEXT NOT NULL UNIQUE,
      request_json TEXT NOT NULL,
      request_sha256 TEXT NOT NULL,
      summary_json TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      last_error TEXT,
      failure_code TEXT,
      failure_message TEXT,
      queued_at TEXT NOT NULL,
      sent_at TEXT
    ) STRICT;
    CREATE INDEX outbox_queued ON outbox (next_attempt_at) WHERE status = 'queued';
    CREATE TABLE orders (
      client_order_id TEXT PRIMARY KEY,
      order_json TEXT NOT NULL,
      version INTEGER NOT NULL,
      state TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE sync_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;`,
  },
  {
    version: 3,
    name: 'catalogue_cache',
    // Cloud answers kept for offline browsing. cache_documents holds whole answers by key
    // (merchant:<id>, favourites, payment-methods). Merchants found by searches are kept one row
    // each; cache_searches remembers which circles were searched, so an offline search is answered
    // only where the cache actually covers it. favourite_order is the user's own arrangement.
    sql: `CREATE TABLE cache_documents (
      key TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      fetched_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE cache_merchants (
      id TEXT PRIMARY KEY,
      category TEXT NOT NULL,
      lat REAL NOT NULL,
      lon REAL NOT NULL,
      body TEXT NOT NULL,
      fetched_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cache_merchants_position ON cache_merchants (lat, lon);
    CREATE TABLE cache_searches (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('position', 'area')),
      lat REAL NOT NULL,
      lon REAL NOT NULL,
      radius_m INTEGER NOT NULL,
      category TEXT,
      fetched_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE favourite_order (
      id TEXT PRIMARY KEY,
      position INTEGER NOT NULL
    ) STRICT;`,
  },
  {
    version: 4,
    name: 'consents',
    // One row per purpose once answered (no row: withheld, the default), and every change kept
    // in consent_log so the car can show when consent was given or withdrawn.
    sql: `CREATE TABLE consents (
      purpose TEXT PRIMARY KEY,
      granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE consent_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      purpose TEXT NOT NULL,
      granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
      at TEXT NOT NULL
    ) STRICT;`,
  },
  {
    version: 5,
    name: 'offers and lease',
    // Offers shown per local day (the frequency cap), merchants muted by the driver (one row
    // with merchant_id '*' mutes all), the odometer at the first reading of each day, and how
    // far the consent log has been copied to the cloud's record.
    sql: `CREATE TABLE offer_impressions (
      day TEXT NOT NULL,
      offer_id TEXT NOT NULL,
      shown_at TEXT NOT NULL,
      PRIMARY KEY (day, offer_id)
    ) STRICT;
    CREATE TABLE offer_mutes (
      merchant_id TEXT PRIMARY KEY,
      muted_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE lease_today_start (
      day TEXT PRIMARY KEY,
      odometer_m INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE consent_sync (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      last_log_id INTEGER NOT NULL
    ) STRICT;`,
  },
  {
    version: 6,
    name: 'offer mute names',
    // The merchant's name as the offer showed it, so the mute list reads as names offline too.
    sql: `ALTER TABLE offer_mutes ADD COLUMN merchant_name TEXT;`,
  },
  {
    version: 7,
    name: 'merchant images',
    // Images the host fetched for the renderer to show from its own origin, offline too. body is
    // NULL until fetched; failed_at marks one refused by the checks (not fetched again).
    sql: `CREATE TABLE merchant_images (
      merchant_id TEXT PRIMARY KEY NOT NULL,
      image_url TEXT NOT NULL,
      content_type TEXT,
      body BLOB,
      fetched_at TEXT,
      used_at TEXT,
      failed_at TEXT
    ) STRICT;`,
  },
];

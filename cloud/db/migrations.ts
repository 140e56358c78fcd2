import type { Migration } from '../../common/db/migrate.ts';

/** Identifies a database file as ours, so a wrong `--db` (the host's database, say) is refused. */
export const CLOUD_SCHEMA_NAME = 'dashport-cloud';

/** Append only: a shipped migration is never edited, a new one gets the next version. */
export const CLOUD_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'server_meta',
    // One row: which schema this file holds and when it was created (ISO 8601 UTC).
    sql: `CREATE TABLE server_meta (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      schema_name TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO server_meta (id, schema_name, created_at)
      VALUES (1, '${CLOUD_SCHEMA_NAME}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));`,
  },
  {
    version: 2,
    name: 'catalogue_vehicles_orders',
    // Merchants keep their menu as one validated JSON document: it is always read whole.
    // Orders keep their own copy of names and prices, so a catalogue change never rewrites them.
    // vehicles.change_seq counts that vehicle's order changes; each change stores its number in
    // orders.change_seq, which is the resync cursor (per vehicle, so it reveals nothing of others).
    sql: `CREATE TABLE catalogue_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      seed_version INTEGER NOT NULL,
      seeded_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE merchants (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      category TEXT NOT NULL,
      lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
      lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
      address TEXT NOT NULL,
      city TEXT NOT NULL,
      country_code TEXT NOT NULL,
      currency TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      hours_json TEXT NOT NULL,
      delivers_to_car INTEGER NOT NULL CHECK (delivers_to_car IN (0, 1)),
      tax_rate_bp INTEGER NOT NULL,
      tax_included INTEGER NOT NULL CHECK (tax_included IN (0, 1)),
      menu_json TEXT NOT NULL
    ) STRICT;
    CREATE INDEX merchants_position ON merchants (lat, lon);
    CREATE TABLE vehicles (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      token_sha256 TEXT NOT NULL UNIQUE,
      change_seq INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE payment_methods (
      id TEXT PRIMARY KEY,
      vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
      brand TEXT NOT NULL,
      last4 TEXT NOT NULL CHECK (length(last4) = 4),
      exp_month INTEGER NOT NULL,
      exp_year INTEGER NOT NULL,
      is_default INTEGER NOT NULL CHECK (is_default IN (0, 1))
    ) STRICT;
    CREATE INDEX payment_methods_vehicle ON payment_methods (vehicle_id);
    CREATE TABLE orders (
      vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
      client_order_id TEXT NOT NULL,
      order_id TEXT NOT NULL UNIQUE,
      request_sha256 TEXT NOT NULL,
      merchant_id TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN
        ('submitted', 'accepted', 'preparing', 'ready', 'completed', 'rejected', 'cancelled')),
      reject_reason TEXT,
      snapshot_json TEXT NOT NULL,
      version INTEGER NOT NULL,
      change_seq INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (vehicle_id, client_order_id)
    ) STRICT;
    CREATE UNIQUE INDEX orders_vehicle_change ON orders (vehicle_id, change_seq);
    CREATE INDEX orders_active ON orders (state)
      WHERE state IN ('submitted', 'accepted', 'preparing', 'ready');
    CREATE TABLE order_history (
      order_id TEXT NOT NULL REFERENCES orders (order_id),
      state TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (order_id, state)
    ) STRICT;
    CREATE TABLE favourites (
      vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
      id TEXT NOT NULL,
      label TEXT NOT NULL,
      merchant_id TEXT NOT NULL,
      fulfilment TEXT NOT NULL,
      snapshot_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (vehicle_id, id)
    ) STRICT;`,
  },
];

import type { Migration } from '../../common/node/migrate.ts';

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
  {
    version: 3,
    name: 'accounts_test_drives_offers_consents_audit',
    // Accounts keep their fixed contract facts in columns and the rest of their terms (allowance,
    // packs, end-of-term options, loan terms) as one validated JSON document, read whole.
    // Idempotent requests keep (client id, request digest) so a replay returns the first answer.
    // seed_state versions the reference content (offers, test-drive models) like catalogue_state.
    // received_data is the server's own record of what each request carried (positions and
    // odometers included), so a test can prove what a car did not send.
    sql: `CREATE TABLE seed_state (
      name TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      seeded_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE accounts (
      id TEXT PRIMARY KEY,
      vehicle_id TEXT NOT NULL UNIQUE REFERENCES vehicles (id),
      kind TEXT NOT NULL CHECK (kind IN ('lease', 'subscription', 'loan')),
      contract_number TEXT NOT NULL,
      provider TEXT NOT NULL,
      vehicle_description TEXT NOT NULL,
      start_date TEXT NOT NULL,
      term_months INTEGER NOT NULL CHECK (term_months BETWEEN 1 AND 120),
      time_zone TEXT NOT NULL,
      currency TEXT NOT NULL,
      monthly_minor INTEGER NOT NULL CHECK (monthly_minor >= 0),
      terms_json TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE account_payments (
      account_id TEXT NOT NULL REFERENCES accounts (id),
      instalment INTEGER NOT NULL CHECK (instalment >= 1),
      payment_id TEXT NOT NULL UNIQUE,
      client_payment_id TEXT,
      request_sha256 TEXT,
      amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
      method_json TEXT NOT NULL,
      paid_at TEXT NOT NULL,
      PRIMARY KEY (account_id, instalment)
    ) STRICT;
    CREATE UNIQUE INDEX account_payments_client ON account_payments (account_id, client_payment_id)
      WHERE client_payment_id IS NOT NULL;
    CREATE TABLE mileage_pack_purchases (
      account_id TEXT NOT NULL REFERENCES accounts (id),
      client_purchase_id TEXT NOT NULL,
      purchase_id TEXT NOT NULL UNIQUE,
      request_sha256 TEXT NOT NULL,
      pack_id TEXT NOT NULL,
      distance INTEGER NOT NULL CHECK (distance > 0),
      price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
      method_json TEXT NOT NULL,
      purchased_at TEXT NOT NULL,
      PRIMARY KEY (account_id, client_purchase_id)
    ) STRICT;
    CREATE TABLE end_of_term_choices (
      id INTEGER PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts (id),
      choice TEXT NOT NULL CHECK (choice IN ('return', 'buy', 'extend', 'upgrade')),
      months INTEGER,
      model_id TEXT,
      price_minor INTEGER,
      recorded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX end_of_term_choices_account ON end_of_term_choices (account_id, id);
    CREATE TABLE inspection_bookings (
      account_id TEXT PRIMARY KEY REFERENCES accounts (id),
      slot_id TEXT NOT NULL,
      start_at TEXT NOT NULL,
      end_at TEXT NOT NULL,
      booked_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE mileage_reports (
      vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
      at TEXT NOT NULL,
      odometer_m INTEGER NOT NULL CHECK (odometer_m >= 0),
      received_at TEXT NOT NULL,
      PRIMARY KEY (vehicle_id, at)
    ) STRICT;
    CREATE TABLE test_drive_models (
      id TEXT PRIMARY KEY,
      sort INTEGER NOT NULL,
      model_json TEXT NOT NULL
    ) STRICT;
    CREATE TABLE test_drive_bookings (
      vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
      client_booking_id TEXT NOT NULL,
      booking_id TEXT NOT NULL UNIQUE,
      request_sha256 TEXT NOT NULL,
      slot_id TEXT NOT NULL,
      model_id TEXT NOT NULL,
      start_at TEXT NOT NULL,
      end_at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('booked', 'cancelled')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (vehicle_id, client_booking_id)
    ) STRICT;
    -- One test car per slot: a second live booking of the same slot cannot exist.
    CREATE UNIQUE INDEX test_drive_slot_taken ON test_drive_bookings (slot_id)
      WHERE state = 'booked';
    CREATE TABLE offers (
      id TEXT PRIMARY KEY,
      sort INTEGER NOT NULL,
      offer_json TEXT NOT NULL
    ) STRICT;
    CREATE TABLE consent_records (
      vehicle_id TEXT NOT NULL REFERENCES vehicles (id),
      purpose TEXT NOT NULL,
      granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
      at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      PRIMARY KEY (vehicle_id, purpose, at)
    ) STRICT;
    CREATE TABLE received_data (
      id INTEGER PRIMARY KEY,
      received_at TEXT NOT NULL,
      vehicle_id TEXT,
      method TEXT NOT NULL,
      route TEXT NOT NULL,
      keys_json TEXT NOT NULL,
      lat REAL,
      lon REAL,
      odometer_m REAL
    ) STRICT;
    CREATE INDEX received_data_vehicle ON received_data (vehicle_id, id);`,
  },
  {
    version: 4,
    name: 'audit_bounds',
    // Requests without a vehicle are counted per day and route, not stored one row each, so a
    // flood cannot grow the database; received_at is indexed for pruning by age.
    sql: `CREATE TABLE unauthenticated_requests (
      day TEXT NOT NULL,
      route TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (day, route)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX received_data_time ON received_data (received_at);`,
  },
];

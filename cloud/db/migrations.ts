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
];

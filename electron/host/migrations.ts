import type { Migration } from '../../common/db/migrate.ts';

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
];

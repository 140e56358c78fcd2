import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../../common/node/sqlite.ts';
import { CLOUD_MIGRATIONS, CLOUD_SCHEMA_NAME } from './migrations.ts';

/** Opens (creating if needed) the cloud database; an acknowledged order must survive a crash. */
export function openCloudDatabase(file: string): DatabaseSync {
  return openDatabase(file, { migrations: CLOUD_MIGRATIONS, check: (db) => assertOurs(db, file) });
}

/**
 * A wrong `--db` (the host's database, say) is refused before anything is written to it:
 * an unversioned file must be empty, a versioned one must carry our schema name.
 */
function assertOurs(db: DatabaseSync, file: string): void {
  const { user_version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  if (user_version === 0) {
    const { n } = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
    if (n === 0) return;
  } else if (schemaName(db) === CLOUD_SCHEMA_NAME) {
    return;
  }
  throw new Error(`${file} is not a Dashport cloud database`);
}

function schemaName(db: DatabaseSync): unknown {
  try {
    const row = db.prepare('SELECT schema_name FROM server_meta WHERE id = 1').get();
    return (row as { schema_name?: unknown } | undefined)?.schema_name;
  } catch {
    return undefined; // no server_meta table: not ours
  }
}

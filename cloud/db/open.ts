import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from '../../common/db/migrate.ts';
import { CLOUD_MIGRATIONS, CLOUD_SCHEMA_NAME } from './migrations.ts';

/**
 * Opens (creating if needed) the cloud database and brings its schema up to date.
 * WAL lets readers run beside the writer; synchronous=FULL because an acknowledged order
 * must survive a crash of the server machine.
 */
export function openCloudDatabase(file: string): DatabaseSync {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  try {
    assertOurs(db, file);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    migrate(db, CLOUD_MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
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

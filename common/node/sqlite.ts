import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate, type Migration } from './migrate.ts';

/**
 * Opens (creating if needed) a database of ours and brings its schema up to date. WAL lets
 * readers run beside the writer; synchronous=FULL because what was acknowledged (an order in the
 * car's outbox, an order at the cloud) must survive a power cut or crash. `check` runs before
 * anything is written, to refuse a file that belongs to something else; the database is closed
 * again when opening fails.
 */
export function openDatabase(
  file: string,
  options: { migrations: readonly Migration[]; check?: (db: DatabaseSync) => void },
): DatabaseSync {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  try {
    options.check?.(db);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    migrate(db, options.migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

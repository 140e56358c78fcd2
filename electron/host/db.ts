import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from '../../common/db/migrate.ts';
import { HOST_MIGRATIONS } from './migrations.ts';

/**
 * Opens (creating if needed) the host database. WAL keeps readers off the writer's back;
 * synchronous=FULL because a head unit loses power without warning and must lose nothing.
 */
export function openHostDatabase(file: string): DatabaseSync {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db, HOST_MIGRATIONS);
  return db;
}

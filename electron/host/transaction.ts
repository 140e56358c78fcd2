import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `fn` in one write transaction. BEGIN IMMEDIATE takes the write lock up front, so two
 * writers never deadlock half-way; with synchronous=FULL the change is on disk when this returns.
 */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `fn` in one write transaction. BEGIN IMMEDIATE takes the write lock up front, so a
 * read-then-write inside cannot race another writer; commits on return, rolls back on throw.
 * With synchronous=FULL the change is on disk when this returns.
 */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  return inTransaction(db, 'BEGIN IMMEDIATE', fn);
}

/** Runs `fn` in one read transaction: every query inside sees the same moment of the database. */
export function readTransaction<T>(db: DatabaseSync, fn: () => T): T {
  return inTransaction(db, 'BEGIN', fn);
}

function inTransaction<T>(db: DatabaseSync, begin: string, fn: () => T): T {
  db.exec(begin);
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** The part of node:sqlite's DatabaseSync a transaction needs; structural so common stays Node-free. */
export interface TransactionalDatabase {
  exec(sql: string): void;
  readonly isTransaction: boolean;
}

/**
 * Runs `fn` in one write transaction. BEGIN IMMEDIATE takes the write lock up front, so a
 * read-then-write inside cannot race another writer; commits on return, rolls back on throw.
 * With synchronous=FULL the change is on disk when this returns.
 */
export function transaction<T>(db: TransactionalDatabase, fn: () => T): T {
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

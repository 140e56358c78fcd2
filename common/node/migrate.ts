import type { DatabaseSync } from 'node:sqlite';
import { transaction } from './transaction.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Applies pending migrations in order, each in its own transaction, tracking the schema version
 * in `PRAGMA user_version`. A failed migration rolls back and leaves the version where it was.
 */
export function migrate(db: DatabaseSync, migrations: readonly Migration[]): number {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration versions must be 1..n without gaps (got ${m.version})`);
  });
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  const current = row.user_version;
  if (current > sorted.length) {
    throw new Error(
      `Database schema v${current} is newer than this build knows (v${sorted.length})`,
    );
  }
  for (const m of sorted.slice(current)) {
    try {
      transaction(db, () => {
        db.exec(m.sql);
        db.exec(`PRAGMA user_version = ${m.version}`);
      });
    } catch (error) {
      throw new Error(`Migration ${m.version} (${m.name}) failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return sorted.length;
}

import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../../common/node/sqlite.ts';
import { HOST_MIGRATIONS } from './migrations.ts';

/** Opens (creating if needed) the host database; a head unit loses power without warning. */
export function openHostDatabase(file: string): DatabaseSync {
  return openDatabase(file, { migrations: HOST_MIGRATIONS });
}

import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../common/node/migrate.ts';

const m1: Migration = { version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER)' };
const m2: Migration = { version: 2, name: 'b', sql: 'CREATE TABLE b (y INTEGER)' };
const tables = (db: DatabaseSync) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
const version = (db: DatabaseSync) =>
  (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;

describe('migrate', () => {
  it('applies pending migrations in order and only once', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, [m2, m1]);
    expect(tables(db)).toEqual(['a', 'b']);
    expect(version(db)).toBe(2);
    expect(() => migrate(db, [m1, m2])).not.toThrow();
  });

  it('rolls back a failing migration and keeps the previous version', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, [m1]);
    const broken: Migration = {
      version: 2,
      name: 'broken',
      sql: 'CREATE TABLE c (z INTEGER); CREATE TABLE a (x)',
    };
    expect(() => migrate(db, [m1, broken])).toThrow(/Migration 2 \(broken\) failed/);
    expect(version(db)).toBe(1);
    expect(tables(db)).toEqual(['a']);
  });

  it('refuses a database from a newer build and gaps in versions', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, [m1, m2]);
    expect(() => migrate(db, [m1])).toThrow(/newer than this build/);
    expect(() => migrate(new DatabaseSync(':memory:'), [m2])).toThrow(/without gaps/);
  });
});

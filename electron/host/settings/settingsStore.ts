import type { DatabaseSync } from 'node:sqlite';
import { transaction } from '../../../common/node/transaction.ts';
import {
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../../common/settings.schema.ts';

/**
 * Settings are stored one row per key so that a value written by a newer build, or damaged on
 * disk, only falls back that one key to the variant default instead of the whole set.
 */
export class SettingsStore {
  private readonly db: DatabaseSync;
  private readonly defaults: Settings;

  constructor(db: DatabaseSync, defaults: Settings) {
    this.db = db;
    this.defaults = defaults;
  }

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as {
      key: string;
      value: string;
    }[];
    const merged: Record<string, unknown> = { ...this.defaults };
    for (const { key, value } of rows) {
      if (!(key in this.defaults)) continue;
      const candidate = { ...merged, [key]: safeJson(value) };
      if (settingsSchema.safeParse(candidate).success) merged[key] = candidate[key];
    }
    return settingsSchema.parse(merged);
  }

  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    const now = new Date().toISOString();
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    transaction(this.db, () => {
      for (const key of Object.keys(patch) as (keyof Settings)[]) {
        upsert.run(key, JSON.stringify(next[key]), now);
      }
    });
    return next;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

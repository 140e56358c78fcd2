import type { DatabaseSync } from 'node:sqlite';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../../../common/consent.ts';
import type { ConsentView } from '../../../common/hostApi/commerce.schema.ts';
import { transaction } from '../../../common/node/transaction.ts';

/**
 * The driver's consents, one per purpose, withheld until given. The host asks this store before
 * any vehicle data leaves the car. Every change is also logged, so the car can show when consent
 * was given or withdrawn; a purpose added in a later build starts withheld like the first did.
 */
export class ConsentStore {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  isGranted(purpose: ConsentPurpose): boolean {
    const row = this.db.prepare('SELECT granted FROM consents WHERE purpose = ?').get(purpose) as
      { granted: number } | undefined;
    return row?.granted === 1;
  }

  view(): ConsentView {
    const rows = this.db.prepare('SELECT purpose, granted, updated_at FROM consents').all() as {
      purpose: string;
      granted: number;
      updated_at: string;
    }[];
    const byPurpose = new Map(rows.map((r) => [r.purpose, r]));
    return {
      consents: CONSENT_PURPOSES.map((purpose) => {
        const row = byPurpose.get(purpose);
        return {
          purpose,
          granted: row?.granted === 1,
          updatedAt: row?.updated_at ?? null,
        };
      }),
    };
  }

  /** Records the answer; `changed` is false when it repeats the current one. */
  set(purpose: ConsentPurpose, granted: boolean): { view: ConsentView; changed: boolean } {
    let at = '';
    const changed = transaction(this.db, () => {
      const row = this.db
        .prepare('SELECT granted, updated_at FROM consents WHERE purpose = ?')
        .get(purpose) as { granted: number; updated_at: string } | undefined;
      if (row && row.granted === Number(granted)) return false;
      // Each decision gets its own instant: the cloud keys its record on (purpose, time), so a
      // withdrawal in the same millisecond as the grant would otherwise be dropped there.
      const now = Date.now();
      const last = row ? Date.parse(row.updated_at) : Number.NEGATIVE_INFINITY;
      at = new Date(now > last ? now : last + 1).toISOString();
      this.db
        .prepare(
          `INSERT INTO consents (purpose, granted, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (purpose) DO UPDATE SET granted = excluded.granted,
             updated_at = excluded.updated_at`,
        )
        .run(purpose, Number(granted), at);
      this.db
        .prepare('INSERT INTO consent_log (purpose, granted, at) VALUES (?, ?, ?)')
        .run(purpose, Number(granted), at);
      return true;
    });
    return { view: this.view(), changed };
  }
}

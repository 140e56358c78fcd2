import type { DatabaseSync } from 'node:sqlite';
import {
  CLOUD_CONSENT_PURPOSES,
  type ConsentRecord,
  type ConsentSyncResponse,
} from '../../common/cloudApi/consents.schema.ts';
import { transaction } from '../../common/node/transaction.ts';

/**
 * The consent decisions a car synced, kept as an append-only history per vehicle and purpose.
 * A retried sync stores nothing twice (the decision time is part of the key); the latest decision
 * per purpose is the one in force on the provider's side.
 */
export interface ConsentStore {
  sync(vehicleId: string, records: readonly ConsentRecord[], receivedAt: Date): ConsentSyncResponse;
  current(vehicleId: string): ConsentRecord[];
}

export function createConsentStore(db: DatabaseSync): ConsentStore {
  const current = (vehicleId: string): ConsentRecord[] => {
    const rows = db
      .prepare(
        `SELECT purpose, granted, max(at) AS at FROM consent_records WHERE vehicle_id = ?
         GROUP BY purpose`,
      )
      .all(vehicleId) as { purpose: ConsentRecord['purpose']; granted: number; at: string }[];
    const byPurpose = new Map(rows.map((r) => [r.purpose, r]));
    return CLOUD_CONSENT_PURPOSES.flatMap((purpose) => {
      const row = byPurpose.get(purpose);
      return row ? [{ purpose, granted: row.granted === 1, at: row.at }] : [];
    });
  };

  return {
    current,
    sync(vehicleId, records, receivedAt) {
      return transaction(db, () => {
        let stored = 0;
        for (const r of records) {
          const result = db
            .prepare(
              `INSERT INTO consent_records (vehicle_id, purpose, granted, at, received_at)
               VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
            )
            .run(
              vehicleId,
              r.purpose,
              r.granted ? 1 : 0,
              new Date(r.at).toISOString(),
              receivedAt.toISOString(),
            );
          stored += Number(result.changes);
        }
        return { stored, consents: current(vehicleId) };
      });
    },
  };
}

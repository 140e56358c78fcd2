import type { DatabaseSync } from 'node:sqlite';
import type { PaymentMethod } from '../../common/cloudApi/payments.schema.ts';

/**
 * Saved payment methods are processor tokens with a brand and the last four digits: enough for a
 * person to recognise the card, useless to anyone else. No card number ever reaches this server.
 */
export interface PaymentStore {
  list(vehicleId: string): PaymentMethod[];
  get(vehicleId: string, id: string): PaymentMethod | null;
}

interface Row {
  id: string;
  brand: PaymentMethod['brand'];
  last4: string;
  exp_month: number;
  exp_year: number;
  is_default: number;
}

const toMethod = (r: Row): PaymentMethod => ({
  id: r.id,
  brand: r.brand,
  last4: r.last4,
  expMonth: r.exp_month,
  expYear: r.exp_year,
  isDefault: r.is_default === 1,
});

export function createPaymentStore(db: DatabaseSync): PaymentStore {
  const columns = 'id, brand, last4, exp_month, exp_year, is_default';
  return {
    list(vehicleId) {
      const rows = db
        .prepare(
          `SELECT ${columns} FROM payment_methods WHERE vehicle_id = ? ORDER BY is_default DESC, id`,
        )
        .all(vehicleId) as unknown as Row[];
      return rows.map(toMethod);
    },
    get(vehicleId, id) {
      const row = db
        .prepare(`SELECT ${columns} FROM payment_methods WHERE vehicle_id = ? AND id = ?`)
        .get(vehicleId, id) as Row | undefined;
      return row ? toMethod(row) : null;
    },
  };
}

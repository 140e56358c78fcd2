import type { DatabaseSync } from 'node:sqlite';
import type {
  AccountKind,
  EndOfTermChoice,
  InspectionBooking,
  InstalmentPayment,
  MileagePackPurchase,
  MileageReport,
} from '../../common/cloudApi/finance.schema.ts';
import { PaymentMethodRefSchema } from '../../common/cloudApi/finance.schema.ts';
import type { AccountRecord } from './schedule.ts';
import { AccountTermsSchema, type AccountTerms } from './terms.ts';

type MethodRef = InstalmentPayment['payment'];

interface AccountRow {
  id: string;
  vehicle_id: string;
  kind: AccountKind;
  contract_number: string;
  provider: string;
  vehicle_description: string;
  start_date: string;
  term_months: number;
  time_zone: string;
  currency: string;
  monthly_minor: number;
  terms_json: string;
  created_at: string;
}

interface PaymentRow {
  instalment: number;
  payment_id: string;
  client_payment_id: string | null;
  request_sha256: string | null;
  amount_minor: number;
  method_json: string;
  paid_at: string;
}

interface PurchaseRow {
  client_purchase_id: string;
  purchase_id: string;
  request_sha256: string;
  pack_id: string;
  distance: number;
  price_minor: number;
  method_json: string;
  purchased_at: string;
}

export interface StoredPayment {
  requestSha256: string | null;
  payment: Omit<InstalmentPayment, 'clientPaymentId' | 'currency'> & {
    clientPaymentId: string | null;
  };
}

export interface StoredPurchase {
  requestSha256: string;
  purchase: Omit<MileagePackPurchase, 'unit' | 'currency'>;
}

const method = (json: string): MethodRef => PaymentMethodRefSchema.parse(JSON.parse(json));

function toAccount(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    kind: row.kind,
    contractNumber: row.contract_number,
    provider: row.provider,
    vehicleDescription: row.vehicle_description,
    start: row.start_date,
    termMonths: row.term_months,
    timeZone: row.time_zone,
    currency: row.currency,
    monthlyMinor: row.monthly_minor,
    terms: AccountTermsSchema.parse(JSON.parse(row.terms_json)),
    createdAt: row.created_at,
  };
}

function toPayment(row: PaymentRow): StoredPayment {
  return {
    requestSha256: row.request_sha256,
    payment: {
      clientPaymentId: row.client_payment_id,
      paymentId: row.payment_id,
      instalmentNumber: row.instalment,
      amountMinor: row.amount_minor,
      payment: method(row.method_json),
      paidAt: row.paid_at,
    },
  };
}

function toPurchase(row: PurchaseRow): StoredPurchase {
  return {
    requestSha256: row.request_sha256,
    purchase: {
      clientPurchaseId: row.client_purchase_id,
      purchaseId: row.purchase_id,
      packId: row.pack_id,
      distance: row.distance,
      priceMinor: row.price_minor,
      payment: method(row.method_json),
      purchasedAt: row.purchased_at,
    },
  };
}

export interface NewAccount extends Omit<AccountRecord, 'terms'> {
  terms: AccountTerms;
}

/** Plain reads and writes of the finance tables; rules live in the service. */
export function createFinanceStore(db: DatabaseSync) {
  return {
    accountOf(vehicleId: string): AccountRecord | null {
      const row = db.prepare('SELECT * FROM accounts WHERE vehicle_id = ?').get(vehicleId) as
        AccountRow | undefined;
      return row ? toAccount(row) : null;
    },

    /** False when an account with that id exists already (seeding is once only). */
    insertAccount(a: NewAccount): boolean {
      const result = db
        .prepare(
          `INSERT INTO accounts (id, vehicle_id, kind, contract_number, provider,
             vehicle_description, start_date, term_months, time_zone, currency, monthly_minor,
             terms_json, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .run(
          a.id,
          a.vehicleId,
          a.kind,
          a.contractNumber,
          a.provider,
          a.vehicleDescription,
          a.start,
          a.termMonths,
          a.timeZone,
          a.currency,
          a.monthlyMinor,
          JSON.stringify(AccountTermsSchema.parse(a.terms)),
          a.createdAt,
        );
      return Number(result.changes) === 1;
    },

    paymentsMade(accountId: string): number {
      const row = db
        .prepare('SELECT count(*) AS n FROM account_payments WHERE account_id = ?')
        .get(accountId) as { n: number };
      return row.n;
    },

    paymentByClientId(accountId: string, clientPaymentId: string): StoredPayment | null {
      const row = db
        .prepare('SELECT * FROM account_payments WHERE account_id = ? AND client_payment_id = ?')
        .get(accountId, clientPaymentId) as PaymentRow | undefined;
      return row ? toPayment(row) : null;
    },

    insertPayment(
      accountId: string,
      p: StoredPayment['payment'],
      requestSha256: string | null,
    ): void {
      db.prepare(
        `INSERT INTO account_payments (account_id, instalment, payment_id, client_payment_id,
           request_sha256, amount_minor, method_json, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        accountId,
        p.instalmentNumber,
        p.paymentId,
        p.clientPaymentId,
        requestSha256,
        p.amountMinor,
        JSON.stringify(p.payment),
        p.paidAt,
      );
    },

    purchases(accountId: string): StoredPurchase[] {
      const rows = db
        .prepare(
          `SELECT * FROM mileage_pack_purchases WHERE account_id = ?
           ORDER BY purchased_at, purchase_id`,
        )
        .all(accountId) as unknown as PurchaseRow[];
      return rows.map(toPurchase);
    },

    purchaseByClientId(accountId: string, clientPurchaseId: string): StoredPurchase | null {
      const row = db
        .prepare(
          'SELECT * FROM mileage_pack_purchases WHERE account_id = ? AND client_purchase_id = ?',
        )
        .get(accountId, clientPurchaseId) as PurchaseRow | undefined;
      return row ? toPurchase(row) : null;
    },

    insertPurchase(accountId: string, p: StoredPurchase['purchase'], requestSha256: string): void {
      db.prepare(
        `INSERT INTO mileage_pack_purchases (account_id, client_purchase_id, purchase_id,
           request_sha256, pack_id, distance, price_minor, method_json, purchased_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        accountId,
        p.clientPurchaseId,
        p.purchaseId,
        requestSha256,
        p.packId,
        p.distance,
        p.priceMinor,
        JSON.stringify(p.payment),
        p.purchasedAt,
      );
    },

    latestChoice(accountId: string): EndOfTermChoice | null {
      const row = db
        .prepare(
          `SELECT choice, months, model_id, price_minor, recorded_at FROM end_of_term_choices
           WHERE account_id = ? ORDER BY id DESC LIMIT 1`,
        )
        .get(accountId) as
        | {
            choice: EndOfTermChoice['choice'];
            months: number | null;
            model_id: string | null;
            price_minor: number | null;
            recorded_at: string;
          }
        | undefined;
      if (!row) return null;
      return {
        choice: row.choice,
        months: row.months === 6 || row.months === 12 ? row.months : null,
        modelId: row.model_id,
        priceMinor: row.price_minor,
        recordedAt: row.recorded_at,
      };
    },

    insertChoice(accountId: string, c: EndOfTermChoice): void {
      db.prepare(
        `INSERT INTO end_of_term_choices (account_id, choice, months, model_id, price_minor,
           recorded_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(accountId, c.choice, c.months, c.modelId, c.priceMinor, c.recordedAt);
    },

    inspection(accountId: string): Omit<InspectionBooking, 'place'> | null {
      const row = db
        .prepare(
          'SELECT slot_id, start_at, end_at, booked_at FROM inspection_bookings WHERE account_id = ?',
        )
        .get(accountId) as
        { slot_id: string; start_at: string; end_at: string; booked_at: string } | undefined;
      return row
        ? { slotId: row.slot_id, start: row.start_at, end: row.end_at, bookedAt: row.booked_at }
        : null;
    },

    upsertInspection(accountId: string, b: Omit<InspectionBooking, 'place'>): void {
      db.prepare(
        `INSERT INTO inspection_bookings (account_id, slot_id, start_at, end_at, booked_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET slot_id = excluded.slot_id,
           start_at = excluded.start_at, end_at = excluded.end_at, booked_at = excluded.booked_at`,
      ).run(accountId, b.slotId, b.start, b.end, b.bookedAt);
    },

    lastMileageReport(vehicleId: string): MileageReport | null {
      const row = db
        .prepare(
          `SELECT odometer_m, at FROM mileage_reports WHERE vehicle_id = ?
           ORDER BY at DESC LIMIT 1`,
        )
        .get(vehicleId) as { odometer_m: number; at: string } | undefined;
      return row ? { odometerM: row.odometer_m, at: row.at } : null;
    },

    mileageReportAt(vehicleId: string, at: string): MileageReport | null {
      const row = db
        .prepare('SELECT odometer_m, at FROM mileage_reports WHERE vehicle_id = ? AND at = ?')
        .get(vehicleId, at) as { odometer_m: number; at: string } | undefined;
      return row ? { odometerM: row.odometer_m, at: row.at } : null;
    },

    /** The highest reading before `at` and the lowest after it: a new one must fit between. */
    mileageNeighbours(
      vehicleId: string,
      at: string,
    ): { before: number | null; after: number | null } {
      const before = db
        .prepare('SELECT max(odometer_m) AS m FROM mileage_reports WHERE vehicle_id = ? AND at < ?')
        .get(vehicleId, at) as { m: number | null };
      const after = db
        .prepare('SELECT min(odometer_m) AS m FROM mileage_reports WHERE vehicle_id = ? AND at > ?')
        .get(vehicleId, at) as { m: number | null };
      return { before: before.m, after: after.m };
    },

    insertMileageReport(vehicleId: string, r: MileageReport, receivedAt: string): void {
      db.prepare(
        'INSERT INTO mileage_reports (vehicle_id, at, odometer_m, received_at) VALUES (?, ?, ?, ?)',
      ).run(vehicleId, r.at, r.odometerM, receivedAt);
    },
  };
}

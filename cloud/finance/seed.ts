import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { PaymentMethodRefSchema } from '../../common/cloudApi/finance.schema.ts';
import { addDays, addMonths, localDate, zonedTime } from '../../common/lease/calendar.ts';
import { createPaymentStore } from '../account/payments.ts';
import type { SeedAccount } from '../catalogue/seed/accounts.ts';
import { loanSchedule } from './loan.ts';
import { dueDateOf, instalmentAmount, type AccountRecord } from './schedule.ts';
import { createFinanceStore } from './store.ts';

/** Deterministic ids for seeded history, so fresh databases seed identically. */
function seededPaymentId(accountId: string, k: number): string {
  return `pay_${createHash('sha256').update(`${accountId}/${k}`).digest('hex').slice(0, 16)}`;
}

/**
 * Seeds each demo account once, anchored on the seeding day in the account's zone, with the
 * instalments that fell due before that day already paid by the vehicle's default card. Runs
 * inside the caller's transaction; an existing account is left as it is.
 */
export function seedAccounts(
  db: DatabaseSync,
  now: Date,
  accounts: readonly SeedAccount[],
): number {
  const store = createFinanceStore(db);
  const payments = createPaymentStore(db);
  let added = 0;
  for (const seed of accounts) {
    const today = localDate(now, seed.timeZone);
    const start = addDays(addMonths(today, -seed.startMonthsAgo), seed.startDayOffset);
    const loan = seed.terms.loan;
    const monthly =
      seed.monthlyMinor ??
      (loan ? loanSchedule(loan.principalMinor, loan.aprBp, seed.termMonths).amounts[0] : null);
    if (monthly === null || monthly === undefined) {
      throw new Error(`${seed.id}: a monthly amount or loan terms are needed`);
    }
    const record: AccountRecord = {
      id: seed.id,
      vehicleId: seed.vehicleId,
      kind: seed.kind,
      contractNumber: seed.contractNumber,
      provider: seed.provider,
      vehicleDescription: seed.vehicleDescription,
      start,
      termMonths: seed.termMonths,
      timeZone: seed.timeZone,
      currency: seed.currency,
      monthlyMinor: monthly,
      terms: seed.terms,
      createdAt: now.toISOString(),
    };
    if (!store.insertAccount(record)) continue;
    added++;
    const saved = payments.list(seed.vehicleId);
    const card = saved.find((p) => p.isDefault) ?? saved[0];
    if (!card) throw new Error(`${seed.id}: the vehicle needs a saved payment method`);
    const method = PaymentMethodRefSchema.parse(card);
    for (let k = 1; k <= seed.termMonths && dueDateOf(record, k) < today; k++) {
      const due = dueDateOf(record, k);
      store.insertPayment(
        record.id,
        {
          clientPaymentId: null,
          paymentId: seededPaymentId(record.id, k),
          instalmentNumber: k,
          amountMinor: instalmentAmount(record, k),
          payment: method,
          paidAt: new Date(zonedTime(due, 9 * 60, seed.timeZone)).toISOString(),
        },
        null,
      );
    }
  }
  return added;
}

import type { AccountKind } from '../../common/cloudApi/finance.schema.ts';
import { addMonths } from '../../common/lease/calendar.ts';
import { loanSchedule, type LoanSchedule } from './loan.ts';
import type { AccountTerms } from './terms.ts';

/** An account as stored: the contract columns and its parsed terms. */
export interface AccountRecord {
  id: string;
  vehicleId: string;
  kind: AccountKind;
  contractNumber: string;
  provider: string;
  vehicleDescription: string;
  start: string;
  termMonths: number;
  timeZone: string;
  currency: string;
  monthlyMinor: number;
  terms: AccountTerms;
  createdAt: string;
}

export function maturityOf(account: Pick<AccountRecord, 'start' | 'termMonths'>): string {
  return addMonths(account.start, account.termMonths);
}

/** Due date of instalment k (1-based): at each month's start in advance, a month later in arrears. */
export function dueDateOf(account: Pick<AccountRecord, 'start' | 'terms'>, k: number): string {
  return addMonths(account.start, account.terms.paymentTiming === 'advance' ? k - 1 : k);
}

function scheduleOf(account: AccountRecord): LoanSchedule | null {
  const loan = account.terms.loan;
  return loan ? loanSchedule(loan.principalMinor, loan.aprBp, account.termMonths) : null;
}

/** The amount of instalment k: level for leases and subscriptions, the loan schedule's otherwise. */
export function instalmentAmount(account: AccountRecord, k: number): number {
  const schedule = scheduleOf(account);
  if (!schedule) return account.monthlyMinor;
  const amount = schedule.amounts[k - 1];
  if (amount === undefined) throw new RangeError(`no instalment ${k}`);
  return amount;
}

/** Loan payoff after `paid` instalments: the outstanding principal. Null for other kinds. */
export function payoffAfter(account: AccountRecord, paid: number): number | null {
  const schedule = scheduleOf(account);
  if (!schedule) return null;
  return schedule.balances[Math.min(paid, account.termMonths)] ?? 0;
}
